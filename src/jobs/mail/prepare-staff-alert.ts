import { z } from "zod";
import { PermanentDeliveryError } from "../../adapters/delivery.ts";
import type { MailAddress } from "../../adapters/mailer.ts";
import { composeStaffAlert } from "../../domain/notifications/staff-alert.ts";
import { findUsersNamed, listComplaintsTeam, type StaffMailbox } from "../../store/mail-recipients.ts";
import type { PrepareMessage } from "./prepared-message.ts";
import { readPayload } from "./read-payload.ts";

/** What `scanDeadlines` (src/jobs/deadline-alerts.ts) wrote. */
const alertPayload = z.object({
  complaintId: z.string(),
  reference: z.string().min(1),
  clock: z.string().min(1),
  due: z.string().min(1),
  codeLimit: z.string().nullish(),
  handler: z.string().nullish(),
  workingDaysLeft: z.number().optional(),
});

/**
 * A deadline warning goes to the handler of the clock's stage; a breach alert to the handler and every
 * complaints-team user. Handlers are recorded by name, so the handler is the one user with that name; when
 * there is none (a contractor, say), several, or no handler at all, the complaints team is told instead and
 * the email says why, so a warning never goes to nobody.
 */
export const prepareStaffAlert: PrepareMessage = async ({ services, organisation }, message) => {
  const kind = message.kind === "breach-alert" ? "breach-alert" : "deadline-warning";
  const p = readPayload(alertPayload, message);
  const handler = p.handler?.trim() || null;
  const notes: string[] = [];
  let handlerMailbox: StaffMailbox | null = null;
  if (handler) {
    const named = await findUsersNamed(services.db, organisation.id, handler);
    if (named.length === 1) handlerMailbox = named[0] ?? null;
    else if (named.length === 0)
      notes.push(`The handler, ${handler}, is not a Redress user here, so they were not emailed.`);
    else
      notes.push(
        `${named.length} users are named ${handler}, so Redress cannot tell which is the handler: none of them was emailed.`,
      );
  }
  const teamToo = kind === "breach-alert" || !handlerMailbox;
  const team = teamToo ? await listComplaintsTeam(services.db, organisation.id) : [];
  if (kind === "deadline-warning" && !handlerMailbox && team.length > 0)
    notes.push("This warning went to the complaints team because the handler could not be emailed.");
  const to = distinct([...(handlerMailbox ? [handlerMailbox] : []), ...team]);
  if (to.length === 0) {
    throw new PermanentDeliveryError(
      `Nobody to send this ${kind === "breach-alert" ? "breach alert" : "deadline warning"} about ${p.reference} to: ` +
        `${handler ? `no user is named ${handler}` : "no handler is assigned"} and nobody has the complaints-team role. ` +
        "Add a complaints-team user (or assign a handler who is a user), then send this again.",
    );
  }
  const content = composeStaffAlert({
    kind,
    reference: p.reference,
    clock: p.clock,
    due: p.due,
    codeLimit: p.codeLimit ?? null,
    handler,
    landlordName: organisation.name,
    notes,
    ...(p.workingDaysLeft !== undefined ? { workingDaysLeft: p.workingDaysLeft } : {}),
  });
  return { outcome: "email", to, content, attachments: [], notes };
};

function distinct(people: StaffMailbox[]): MailAddress[] {
  const seen = new Set<string>();
  const out: MailAddress[] = [];
  for (const p of people) {
    const key = p.email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: p.name, address: p.email });
  }
  return out;
}
