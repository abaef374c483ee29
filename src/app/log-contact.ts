import { randomUUID } from "node:crypto";
import { decideContact, foldContact, type ContactCommand } from "../domain/contact/contact.ts";
import { insertContact } from "../store/contacts.ts";
import { insertResident } from "../store/residents.ts";
import type { LogComplaintInput } from "./log-complaint.ts";
import type { Actor, Services } from "./services.ts";
import { contactContext, contactStatus, stamp, type ContactResult } from "./update-contact.ts";

export type LogContactInput = Omit<Extract<ContactCommand, { type: "log-contact" }>, "type"> & {
  organisationId: string;
  /** A resident already on record, or the details of a new one; a contact may also be anonymous. */
  residentId?: string;
  resident?: LogComplaintInput["resident"];
};

/**
 * Logs any contact: a complaint, a service request, feedback or a compliment (Code 1.4: every one is
 * recorded). Whether dissatisfaction was expressed decides whether the offer to complain must follow (1.3).
 */
export async function logContact(
  services: Services,
  input: LogContactInput,
  actor: Actor,
): Promise<ContactResult> {
  const { organisationId, residentId: existingResidentId, resident, ...fields } = input;
  return services.db.transaction(async (tx) => {
    const ctx = await contactContext(tx, services, organisationId);
    const events = stamp(decideContact(null, { type: "log-contact", ...fields }, ctx), services, actor);
    let residentId = existingResidentId ?? null;
    if (!residentId && resident) {
      residentId = randomUUID();
      await insertResident(tx, { organisationId, id: residentId, ...resident });
    }
    const state = foldContact(events);
    const contactId = randomUUID();
    await insertContact(tx, {
      organisationId,
      id: contactId,
      kind: fields.kind,
      channel: fields.channel,
      residentId,
      summary: fields.summary,
      loggedOn: fields.on,
      status: contactStatus(state),
      complaintRefs: [],
      events,
      version: events.length,
    });
    return { contactId, version: events.length, events, state };
  });
}
