import { formatLongDate, isLocalDate } from "../calendar/day-number.ts";
import { composeEmail } from "./compose-email.ts";
import type { EmailContent } from "./email-content.ts";

/** The outbox kind the resident portal writes to email a resident the link to follow their complaint. */
export const PORTAL_LINK = "portal-link";

export interface PortalLink {
  name: string;
  reference: string;
  /** The resident's own link (a web address: checked before it is composed). */
  url: string;
  /** The last day the link works (YYYY-MM-DD). */
  expiresOn: string;
  landlordName: string;
}

export function composePortalLink(p: PortalLink): EmailContent {
  const until = isLocalDate(p.expiresOn) ? formatLongDate(p.expiresOn) : p.expiresOn;
  return composeEmail(`Follow your complaint ${p.reference} online`, [
    { paragraph: `Dear ${p.name},` },
    {
      before: `You can see how your complaint ${p.reference} is going, and the letters we have sent you, with this link:`,
      link: { text: `Follow your complaint ${p.reference}`, href: p.url },
    },
    {
      paragraph: `The link works until ${until}. Do not share it: anyone with the link can see your complaint. If it has stopped working, contact us and we will send you a new one.`,
    },
    { paragraph: "If you did not ask for this link, you can ignore this email." },
    { lines: ["Complaints team", p.landlordName] },
  ]);
}
