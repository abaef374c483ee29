import nodemailer from "nodemailer";
import addressparser from "nodemailer/lib/addressparser";
import { PermanentDeliveryError } from "./delivery.ts";

/** A mailbox: `name` may be empty. */
export interface MailAddress {
  name: string;
  address: string;
}

export interface MailAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** One email, fully composed, ready for a mail server. */
export interface OutgoingEmail {
  /** `<...@...>`: stable for the message, so a resend after a crash is recognisably the same email. */
  messageId: string;
  from: MailAddress;
  replyTo?: MailAddress;
  to: MailAddress[];
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}

export interface SendResult {
  /** Recipients the server refused while accepting the message for the others, with its reply. */
  refused: { address: string; reason: string }[];
}

/** Sends email. Throws a `PermanentDeliveryError` for a refusal no retry would change; any other error is worth retrying. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<SendResult>;
  close(): void;
}

/**
 * One mailbox from a setting such as REDRESS_MAIL_FROM ("complaints@example.org" or
 * "Complaints team <complaints@example.org>"), or null if it is not exactly one email address.
 */
export function parseMailAddress(value: string): MailAddress | null {
  const parsed = addressparser(value, { flatten: true });
  const [only] = parsed;
  if (parsed.length !== 1 || !only || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(only.address)) return null;
  return { name: only.name, address: only.address };
}

/** The SMTP server's address without the credentials, for logs: "smtp://mail.example.org:587". */
export function describeSmtpUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}

// Well within the worker's lease (300 s), so a stuck server never lets a second worker send the same email.
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/**
 * Email through an SMTP server (nodemailer), e.g. `smtp://user:pass@mail.example.org:587` (STARTTLS when
 * offered) or `smtps://...:465`. A refusal for good (a 5xx reply to the sender, the recipients or the
 * message) is a `PermanentDeliveryError`; a server that cannot be reached, a 4xx, a timeout or a login that
 * fails (a setting to fix, not a fault of the message) is an ordinary error, retried with back-off.
 */
export function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport({ url, ...TIMEOUTS });
  return {
    async send(email) {
      try {
        const info = await transport.sendMail({
          messageId: email.messageId,
          from: email.from,
          ...(email.replyTo ? { replyTo: email.replyTo } : {}),
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          attachments: email.attachments.map((a) => ({
            filename: a.fileName,
            contentType: a.contentType,
            content: a.content,
          })),
          // RFC 3834: sent by a program, so auto-replies ("out of office") are not sent back.
          headers: { "Auto-Submitted": "auto-generated" },
        });
        const errors = (info as { rejectedErrors?: { recipient?: string; response?: string }[] })
          .rejectedErrors;
        return {
          refused: (info.rejected ?? []).map((address) => ({
            address: String(address),
            reason: errors?.find((e) => e.recipient === address)?.response ?? "refused",
          })),
        };
      } catch (error) {
        throw classify(error);
      }
    },
    close() {
      transport.close();
    },
  };
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  permanent?: boolean;
  message?: string;
}

const SETTING_PROBLEMS = new Set(["EAUTH", "ENOAUTH", "ETLS", "ECONFIG", "EREQUIRETLS"]);

function classify(error: unknown): unknown {
  const e = error as SmtpError;
  const refusedForGood =
    e.permanent === true ||
    (typeof e.responseCode === "number" && e.responseCode >= 500 && e.responseCode !== 503);
  if (refusedForGood && !SETTING_PROBLEMS.has(e.code ?? "")) {
    return new PermanentDeliveryError(
      `The mail server refused this email for good: ${e.response ?? e.message ?? "no reason given"}`,
    );
  }
  return error;
}
