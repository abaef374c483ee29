import { composeEmail } from "./compose-email.ts";
import type { EmailContent } from "./email-content.ts";

/** The outbox kind the portal writes when the complaints team writes to a resident on the portal. */
export const RESIDENT_MESSAGE = "resident-message";

export interface ResidentMessageEmail {
  name: string;
  reference: string;
  /** The resident's own link to read and reply (a web address: checked before it is composed). */
  url: string;
  body: string;
  landlordName: string;
}

/** The team's message itself, and the link to read it with the rest of the complaint and reply. */
export function composeResidentMessage(m: ResidentMessageEmail): EmailContent {
  return composeEmail(`A message about your complaint ${m.reference}`, [
    { paragraph: `Dear ${m.name},` },
    { paragraph: `The complaints team has written to you about your complaint ${m.reference}:` },
    { lines: m.body.split(/\r?\n/) },
    {
      before: "You can read it with everything else about your complaint, and reply, here:",
      link: { text: `Follow your complaint ${m.reference}`, href: m.url },
    },
    { paragraph: "Do not share the link: anyone with it can see your complaint." },
    { lines: ["Complaints team", m.landlordName] },
  ]);
}
