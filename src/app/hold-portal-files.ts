import { randomUUID } from "node:crypto";
import {
  dropPortalUploads,
  insertPortalUpload,
  listPortalUploads,
  type PortalUpload,
} from "../store/portal-uploads.ts";
import { checkUpload } from "./add-attachment.ts";
import type { Services } from "./services.ts";

/** The files held for a portal form that had to be shown again. */
export async function listHeldFiles(
  services: Services,
  organisationId: string,
  draftId: string,
): Promise<PortalUpload[]> {
  return listPortalUploads(services.db, organisationId, draftId, services.clock());
}

/**
 * A portal form is shown again (something else needs fixing): the files just chosen are held under its draft
 * so the person need not choose them again, and held files they unticked are let go. Returns what is held.
 */
export async function holdPortalFiles(
  services: Services,
  input: {
    organisationId: string;
    draftId: string;
    /** Files just chosen and accepted by the attachment rules. */
    files: { fileName: string; content: Buffer }[];
    /** Held files still ticked. */
    keep: string[];
  },
): Promise<PortalUpload[]> {
  const { organisationId, draftId } = input;
  await services.db.transaction(async (tx) => {
    await dropPortalUploads(tx, organisationId, draftId, input.keep);
    for (const file of input.files) {
      const { fileName, contentType } = await checkUpload(file.fileName, file.content);
      const id = randomUUID();
      await insertPortalUpload(tx, {
        organisationId,
        draftId,
        id,
        fileName,
        contentType,
        sizeBytes: file.content.length,
        content: file.content,
        createdAt: services.clock(),
      });
    }
  });
  return listHeldFiles(services, organisationId, draftId);
}
