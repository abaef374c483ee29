import type { FastifyInstance, FastifyRequest } from "fastify";
import fastifyMultipart from "@fastify/multipart";

/** A file field of a multipart form, read into memory (within the route's size limit). */
export interface UploadedFile {
  fileName: string;
  content: Buffer;
  /**
   * Not read, on a route that refuses files in words rather than failing the whole form: "too-large" (over
   * the route's `fileSize` with `throwFileSizeLimit: false`) or "too-many" (beyond its `maxUploadFiles`).
   */
  notRead?: "too-large" | "too-many";
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Files read per request; later ones are skipped and marked "too-many" (the rest of the form still arrives). */
    maxUploadFiles?: number;
  }
}

const filesSeen = new WeakMap<FastifyRequest, number>();

/**
 * Multipart forms (file uploads): fields arrive in `request.body` like any form's, so CSRF protection reads
 * `_csrf` as usual; each file arrives as an UploadedFile. Routes set their own limits
 * (`config.multipartOptions`); a file over the limit is refused with FST_REQ_FILE_TOO_LARGE, unless the route
 * sets `throwFileSizeLimit: false`, when it arrives marked "too-large" with the other fields intact.
 */
export async function registerUploads(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: "keyValues",
    limits: { files: 0 },
    async onFile(part) {
      const request = this as FastifyRequest;
      const seen = (filesSeen.get(request) ?? 0) + 1;
      filesSeen.set(request, seen);
      const max = request.routeOptions.config.maxUploadFiles;
      let file: UploadedFile;
      if (max !== undefined && seen > max) {
        for await (const chunk of part.file) void chunk; // read past it, keeping nothing
        file = { fileName: part.filename, content: Buffer.alloc(0), notRead: "too-many" };
      } else {
        const content = await part.toBuffer();
        file = part.file.truncated
          ? { fileName: part.filename, content: Buffer.alloc(0), notRead: "too-large" }
          : { fileName: part.filename, content };
      }
      (part as unknown as { value: UploadedFile }).value = file;
    },
  });
}
