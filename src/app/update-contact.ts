import { londonDateOf } from "../domain/calendar/day-number.ts";
import {
  decideContact,
  foldContact,
  type ContactCommand,
  type ContactEvent,
  type ContactState,
} from "../domain/contact/contact.ts";
import { findContact, saveContactEvents, type StoredContactEvent } from "../store/contacts.ts";
import type { Queryable } from "../store/database.ts";
import { calendarFor, packVersion, requireOrganisation } from "./complaint-context.ts";
import type { Actor, Services } from "./services.ts";

export interface ContactResult {
  contactId: string;
  version: number;
  events: StoredContactEvent[];
  state: ContactState;
}

export class UnknownContactError extends Error {
  readonly code = "UNKNOWN_CONTACT";
  constructor(readonly contactId: string) {
    super(`There is no contact ${contactId} in this organisation.`);
    this.name = "UnknownContactError";
  }
}

/** What staff do on a contact after logging it. Raising a complaint goes through raiseComplaintFromContact. */
export type ContactUpdate = Exclude<ContactCommand, { type: "log-contact" | "raise-complaint" }>;

export interface UpdateContactInput {
  organisationId: string;
  contactId: string;
  command: ContactUpdate;
}

/**
 * Records what happened on a contact: the offer to complain and the resident's choice (Code 1.3), early
 * resolution started or achieved, closing it. A broken rule throws ContactRuleError; a second writer gets a
 * ConcurrencyConflictError; either way nothing is written.
 */
export async function updateContact(
  services: Services,
  input: UpdateContactInput,
  actor: Actor,
): Promise<ContactResult> {
  return services.db.transaction((tx) =>
    applyContactCommand(tx, services, input.organisationId, input.contactId, input.command, actor),
  );
}

/** Decides a command on a stored contact and saves it, in the caller's transaction. */
export async function applyContactCommand(
  tx: Queryable,
  services: Services,
  organisationId: string,
  contactId: string,
  command: Exclude<ContactCommand, { type: "log-contact" }>,
  actor: Actor,
): Promise<ContactResult> {
  const contact = await findContact(tx, organisationId, contactId);
  if (!contact) throw new UnknownContactError(contactId);
  const ctx = await contactContext(tx, services, organisationId);
  const added = stamp(decideContact(foldContact(contact.events), command, ctx), services, actor);
  const events = [...contact.events, ...added];
  const state = foldContact(events);
  await saveContactEvents(tx, {
    organisationId,
    id: contactId,
    status: contactStatus(state),
    complaintRefs: state.complaintReferences,
    events,
    version: events.length,
    expectedVersion: contact.version,
  });
  return { contactId, version: events.length, events: added, state };
}

/** Contacts are decided under the pack in force now: unlike complaints, they have no clocks to pin. */
export async function contactContext(tx: Queryable, services: Services, organisationId: string) {
  const org = await requireOrganisation(tx, organisationId);
  return {
    pack: await packVersion(tx, org.packId, org.packVersion),
    calendar: calendarFor(org),
    today: londonDateOf(services.clock()),
  };
}

/** Keeps who recorded each event and when, as the complaint event log does. */
export function stamp(events: ContactEvent[], services: Services, actor: Actor): StoredContactEvent[] {
  const recordedAt = services.clock().toISOString();
  return events.map((e) => ({ ...e, recordedBy: actor, recordedAt }));
}

/**
 * The contact's status for lists. A complaint raised about a service request leaves it open (Code 1.5):
 * the complaint references are shown beside the status, never instead of it.
 */
export function contactStatus(state: ContactState): string {
  if (state.closedOn) return "closed";
  if (state.resolvedEarlyOn) return "resolved-early";
  if (state.earlyResolutionStartedOn) return "early-resolution";
  return "open";
}
