import type { MailAddress, MailAttachment } from "../../adapters/mailer.ts";
import type { IssuedLetter, RenderLetter } from "../../app/letter-contracts.ts";
import type { Services } from "../../app/services.ts";
import type { EmailContent } from "../../domain/notifications/email-content.ts";
import type { OrganisationRow } from "../../store/organisations.ts";
import type { OutboxRow } from "../../store/outbox.ts";
import type { AttachmentRecord } from "../../store/sent-mail.ts";

/**
 * What an outbox message becomes before anything leaves Redress: an email to one or more people, or an item
 * for the print queue (a resident who asked for post or large print, or has no email address). `notes` are
 * for the staff who read the sent mail page (a handler who could not be emailed, say).
 */
export type PreparedMessage =
  | {
      outcome: "email";
      to: MailAddress[];
      content: EmailContent;
      attachments: MailAttachment[];
      notes: string[];
    }
  | {
      outcome: "print";
      to: { name: string; addressLines: string[] };
      format: "post" | "large-print";
      subject: string;
      text: string;
      attachments: AttachmentRecord[];
      notes: string[];
    };

/** How letters are found and rendered: provided by the letters part and wired in main.ts. */
export interface LetterDependencies {
  loadIssuedLetter: (services: Services, organisationId: string, letterId: string) => Promise<IssuedLetter>;
  renderLetter: RenderLetter;
}

export interface PreparationContext {
  services: Services;
  organisation: OrganisationRow;
  letters?: LetterDependencies;
}

/** Turns one kind of outbox message into what to send; throws a PermanentDeliveryError when nobody can be addressed. */
export type PrepareMessage = (ctx: PreparationContext, message: OutboxRow) => Promise<PreparedMessage>;
