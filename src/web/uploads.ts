import type { FastifyInstance } from "fastify";
import fastifyMultipart from "@fastify/multipart";

/** A file field of a multipart form, read into memory (within the route's size limit). */
export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

/**
 * Multipart forms (file uploads): fields arrive in `request.body` like any form's, so CSRF protection reads
 * `_csrf` as usual; each file arrives as an UploadedFile. Routes set their own limits
 * (`config.multipartOptions`); a file over the limit is refused with FST_REQ_FILE_TOO_LARGE.
 */
export async function registerUploads(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: "keyValues",
    limits: { files: 0 },
    async onFile(part) {
      const content = await part.toBuffer();
      (part as unknown as { value: UploadedFile }).value = { fileName: part.filename, content };
    },
  });
}

/** A Content-Disposition header that downloads the file under its name, whatever characters it has. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
