import { createHash } from "node:crypto";
import { PermanentDeliveryError, type MessageDelivery } from "../../adapters/delivery.ts";
import type { MailAddress, Mailer, OutgoingEmail } from "../../adapters/mailer.ts";
import { LETTER_MESSAGE } from "../../app/letter-contracts.ts";
import { RESIDENT_NOTIFICATION } from "../../app/resident-notifications.ts";
import type { Services } from "../../app/services.ts";
import { PORTAL_LINK } from "../../domain/notifications/portal-link.ts";
import { RESIDENT_MESSAGE } from "../../domain/notifications/resident-message.ts";
import { findOrganisation } from "../../store/organisations.ts";
import type { OutboxRow } from "../../store/outbox.ts";
import { findDeliveryOutcome, recordDeliveredMessage } from "../../store/sent-mail.ts";
import { prepareLetter } from "./prepare-letter.ts";
import { preparePortalLink } from "./prepare-portal-link.ts";
import { prepareResidentMessage } from "./prepare-resident-message.ts";
import { prepareResidentNotice } from "./prepare-resident-notice.ts";
import { prepareStaffAlert } from "./prepare-staff-alert.ts";
import type { LetterDependencies, PrepareMessage } from "./prepared-message.ts";

export interface MailDeliveryOptions {
  /** The SMTP server; null keeps each composed email on the sent mail page instead (nothing leaves). */
  mailer: Mailer | null;
  /** REDRESS_MAIL_FROM; without a display name the organisation's name is shown. Needed with a mailer. */
  from: MailAddress | null;
  replyTo?: MailAddress | null;
  /** How issued letters are loaded and rendered (the letters part); without them a letter waits and retries. */
  letters?: LetterDependencies;
}

/** Every outbox kind Redress writes, and how each becomes an email or a print queue item. */
const PREPARERS: Record<string, PrepareMessage> = {
  [RESIDENT_NOTIFICATION]: prepareResidentNotice,
  "deadline-warning": prepareStaffAlert,
  "breach-alert": prepareStaffAlert,
  [PORTAL_LINK]: preparePortalLink,
  [RESIDENT_MESSAGE]: prepareResidentMessage,
  [LETTER_MESSAGE]: prepareLetter,
};

/**
 * The Message-ID of the email for an outbox message: a hash of its organisation and idempotency key, so
 * every attempt at the same message carries the same id and a resend after a crash is recognisably the
 * same email (mail systems and people can tell it is not a new one).
 */
export function messageIdFor(
  organisationId: string,
  idempotencyKey: string,
  from: MailAddress | null,
): string {
  const hash = createHash("sha256").update(`${organisationId}\n${idempotencyKey}`).digest("hex").slice(0, 40);
  const domain = from?.address.split("@")[1] ?? "redress.invalid";
  return `<${hash}.redress@${domain}>`;
}

/**
 * Delivers the outbox as email: each message is composed by its kind, sent through the mailer (or kept
 * here when there is none), and recorded in the sent mail with its recipients, subject, bodies and
 * attachment names. A message already recorded is not sent again: the record is written only after the
 * mail server accepted the email, so finding it means a worker sent it and died before marking the outbox.
 */
export function mailDelivery(services: Services, options: MailDeliveryOptions): MessageDelivery {
  return {
    async deliver(message) {
      const { db } = services;
      if (await findDeliveryOutcome(db, message.organisationId, message.idempotencyKey)) return;
      const organisation = await findOrganisation(db, message.organisationId);
      if (!organisation)
        throw new PermanentDeliveryError(`There is no organisation ${message.organisationId}.`);
      const prepare = Object.hasOwn(PREPARERS, message.kind) ? PREPARERS[message.kind] : undefined;
      if (!prepare)
        throw new PermanentDeliveryError(
          `Redress does not know how to deliver a message of kind "${message.kind}".`,
        );
      const prepared = await prepare(
        { services, organisation, ...(options.letters ? { letters: options.letters } : {}) },
        message,
      );
      const record = recordOf(message);

      if (prepared.outcome === "print") {
        await recordDeliveredMessage(db, {
          ...record,
          deliveredAt: services.clock(),
          outcome: "print",
          recipients: [prepared.to],
          subject: prepared.subject,
          bodyText: prepared.text,
          attachments: prepared.attachments,
          notes: prepared.notes,
          printFormat: prepared.format,
        });
        return;
      }

      const from = options.from ? senderOf(options.from, organisation.name) : null;
      const email: Omit<OutgoingEmail, "from"> = {
        messageId: messageIdFor(message.organisationId, message.idempotencyKey, from),
        ...(options.replyTo ? { replyTo: options.replyTo } : {}),
        to: prepared.to,
        subject: prepared.content.subject,
        text: prepared.content.text,
        html: prepared.content.html,
        attachments: prepared.attachments,
      };
      const notes = [...prepared.notes];
      if (options.mailer) {
        if (!from) throw new Error("REDRESS_MAIL_FROM must be set to send email.");
        const result = await options.mailer.send({ ...email, from });
        for (const r of result.refused) notes.push(`The mail server refused ${r.address}: ${r.reason}`);
      }
      await recordDeliveredMessage(db, {
        ...record,
        deliveredAt: services.clock(),
        outcome: options.mailer ? "sent" : "kept",
        messageId: email.messageId,
        from: from ? formatAddress(from) : null,
        recipients: email.to.map((t) => ({ name: t.name, email: t.address })),
        subject: email.subject,
        bodyText: email.text,
        bodyHtml: email.html,
        attachments: email.attachments.map((a) => ({
          fileName: a.fileName,
          contentType: a.contentType,
          size: a.content.length,
        })),
        notes,
      });
    },
  };
}

function recordOf(message: OutboxRow) {
  return {
    organisationId: message.organisationId,
    idempotencyKey: message.idempotencyKey,
    kind: message.kind,
    payload: message.payload,
  };
}

/** The configured sender, shown with the organisation's name when the setting gives no name of its own. */
function senderOf(from: MailAddress, organisationName: string): MailAddress {
  return from.name ? from : { name: organisationName, address: from.address };
}

function formatAddress(a: MailAddress): string {
  return a.name ? `${a.name} <${a.address}>` : a.address;
}
