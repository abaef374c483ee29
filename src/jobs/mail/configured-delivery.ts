import type { MessageDelivery } from "../../adapters/delivery.ts";
import { describeSmtpUrl, smtpMailer, type Mailer } from "../../adapters/mailer.ts";
import type { Services } from "../../app/services.ts";
import type { MailSettings } from "../../config.ts";
import { renderLetter } from "../../adapters/letter-renderer.ts";
import { loadIssuedLetter } from "../../app/load-issued-letter.ts";
import { mailDelivery } from "./mail-delivery.ts";
import type { LetterDependencies } from "./prepared-message.ts";

export interface ConfiguredDelivery {
  delivery: MessageDelivery;
  /** One line for the start-up log: where email goes. */
  description: string;
  /** Closes the connection to the mail server, if there is one. */
  close(): void;
}

/**
 * The worker's delivery as configured: through the SMTP server when REDRESS_SMTP_URL is set; otherwise
 * (the embedded default) every message is still composed and kept on the sent mail page, so nothing is
 * silently dropped, and the start-up line says that nothing is being sent.
 */
export function configuredDelivery(
  services: Services,
  settings: MailSettings,
  letters?: LetterDependencies,
): ConfiguredDelivery {
  const mailer: Mailer | null = settings.smtpUrl ? smtpMailer(settings.smtpUrl) : null;
  const delivery = mailDelivery(services, {
    mailer,
    from: settings.from,
    replyTo: settings.replyTo,
    // Issued letters go out as issued: their HTML as the email, their PDF attached (or to the print queue).
    letters: letters ?? { loadIssuedLetter, renderLetter },
  });
  const description =
    settings.smtpUrl && settings.from
      ? `Email: sent through ${describeSmtpUrl(settings.smtpUrl)} from ${settings.from.address}.`
      : "Email: no mail server configured (REDRESS_SMTP_URL), so emails are not sent: each is kept on the Sent mail page for staff.";
  return { delivery, description, close: () => mailer?.close() };
}
