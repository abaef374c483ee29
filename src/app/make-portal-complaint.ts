import { findComplaintIdentity } from "../store/complaints.ts";
import { takePortalUploads } from "../store/portal-uploads.ts";
import { addAttachmentInTransaction } from "./add-attachment.ts";
import { UnknownComplaintError } from "./complaint-context.ts";
import { portalRecipient } from "./follow-links.ts";
import { logComplaintInTransaction, type LogComplaintInput } from "./log-complaint.ts";
import { createFollowLinkInTransaction } from "./send-follow-link.ts";
import type { Actor, Services } from "./services.ts";

export interface PortalComplaintInput {
  complaint: LogComplaintInput;
  /** Files chosen when the form was sent (checked already, and checked again as they are attached). */
  files: { fileName: string; content: Buffer }[];
  /** Files held from an earlier try of the form that the person kept. */
  held?: { draftId: string; ids: string[] };
  /** The public address of this Redress, for the follow link. */
  publicUrl: string;
}

export interface PortalComplaintMade {
  reference: string;
  /** When the complaint must be acknowledged by (the Stage 1 acknowledgement clock's `due`). */
  acknowledgementDue: string | null;
  /** Where the link to follow it was emailed, if anywhere. */
  emailedTo: string | null;
}

/**
 * A complaint made on the portal: logged at Stage 1 like any other (same rules, same clocks), with its files
 * (source "resident") and, when an email address was given, a link to follow it emailed to whoever made it:
 * all in one transaction, so a complaint is never half made and its link never sent twice.
 */
export async function makePortalComplaint(
  services: Services,
  input: PortalComplaintInput,
  actor: Actor,
): Promise<PortalComplaintMade> {
  const organisationId = input.complaint.organisationId;
  return services.db.transaction(async (tx) => {
    const logged = await logComplaintInTransaction(tx, services, input.complaint, actor);
    const held = input.held
      ? await takePortalUploads(tx, organisationId, input.held.draftId, input.held.ids)
      : [];
    for (const file of [...held, ...input.files]) {
      await addAttachmentInTransaction(
        tx,
        services,
        {
          organisationId,
          reference: logged.reference,
          fileName: file.fileName,
          content: file.content,
          source: "resident",
        },
        actor,
      );
    }
    const { resident, representative } = input.complaint;
    const recipient = portalRecipient(
      { name: resident.name, email: resident.email ?? null },
      representative ? { name: representative.name, email: representative.email ?? null } : null,
    );
    if (recipient) {
      const identity = await findComplaintIdentity(tx, organisationId, logged.reference);
      if (!identity) throw new UnknownComplaintError(logged.reference);
      await createFollowLinkInTransaction(
        tx,
        services,
        {
          organisationId,
          complaintId: identity.id,
          reference: logged.reference,
          to: recipient.email,
          name: recipient.name,
          publicUrl: input.publicUrl,
        },
        actor,
      );
    }
    return {
      reference: logged.reference,
      acknowledgementDue: logged.summary.clocks["stage1.acknowledgement"]?.due ?? null,
      emailedTo: recipient?.email ?? null,
    };
  });
}
