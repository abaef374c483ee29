import type { FastifyInstance } from "fastify";
import { addAttachment } from "../../app/add-attachment.ts";
import { readAttachment } from "../../app/read-attachment.ts";
import type { Services } from "../../app/services.ts";
import { viewComplaint } from "../../app/view-complaint.ts";
import { MAX_ATTACHMENT_BYTES } from "../../domain/attachments/attachment-rules.ts";
import { sendDownload } from "../downloads.ts";
import type { UploadedFile } from "../uploads.ts";
import { ruleBroken } from "../rule-errors.ts";
import { requirePermission, requireUser, userOf } from "../session.ts";
import { renderCase } from "./case-routes.ts";

type Params = { reference: string };

/** Attachments on the case page: upload evidence and correspondence, and download it (Code 5.12). */
export async function registerAttachmentRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.post<{ Params: Params; Body: { file?: UploadedFile } }>(
    "/complaints/:reference/attachments",
    {
      preHandler: [app.csrfProtection, requireUser],
      config: { multipartOptions: { limits: { files: 1, fileSize: MAX_ATTACHMENT_BYTES } } },
      // A file over the limit is refused while it is read, before the handler: say so on the case page.
      errorHandler: async (error, request, reply) => {
        if ((error as { code?: string }).code !== "FST_REQ_FILE_TOO_LARGE" || !request.user) throw error;
        const page = await viewComplaint(services, request.user.organisationId, request.params.reference);
        const errors = { file: `The file must be smaller than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.` };
        return renderCase(request, reply.status(413), page, { errors, openAction: "attach" });
      },
    },
    async (request, reply) => {
      requirePermission(request, "log-complaint");
      const user = userOf(request);
      const page = await viewComplaint(services, user.organisationId, request.params.reference);
      const file = request.body?.file;
      if (!file || typeof file !== "object" || !Buffer.isBuffer(file.content)) {
        const errors = { file: "Choose a file to attach" };
        return renderCase(request, reply.status(400), page, { errors, openAction: "attach" });
      }
      try {
        await addAttachment(
          services,
          {
            organisationId: user.organisationId,
            reference: page.complaint.reference,
            fileName: file.fileName,
            content: file.content,
            source: "staff",
          },
          user.email,
        );
      } catch (error) {
        const rule = ruleBroken(error);
        if (!rule) throw error;
        return renderCase(request, reply.status(422), page, {
          errors: { file: rule.message },
          openAction: "attach",
        });
      }
      return reply.redirect(`/complaints/${encodeURIComponent(page.complaint.reference)}?done=attached`, 303);
    },
  );

  app.get<{ Params: Params & { id: string } }>(
    "/complaints/:reference/attachments/:id",
    { preHandler: requireUser },
    async (request, reply) => {
      requirePermission(request, "read");
      const file = await readAttachment(services, {
        organisationId: userOf(request).organisationId,
        reference: request.params.reference,
        attachmentId: request.params.id,
      });
      return sendDownload(reply, {
        fileName: file.fileName,
        contentType: file.contentType,
        body: file.content,
      });
    },
  );
}
