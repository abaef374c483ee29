import type { FastifyReply } from "fastify";

/** A Content-Disposition header that downloads the file under its name, whatever characters it has. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Sends a file to download: always as an attachment (never shown inline, so the browser never treats it as a
 * page of ours), and never cached (it may be a resident's evidence or letter).
 */
export function sendDownload(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; body: Buffer | string },
): FastifyReply {
  return reply
    .type(file.contentType)
    .header("content-disposition", contentDisposition(file.fileName))
    .header("cache-control", "private, no-store")
    .send(file.body);
}
