import { randomUUID } from "node:crypto";
import { decideContact, foldContact } from "../domain/contact/contact.ts";
import type { Channel } from "../domain/policy/schema.ts";
import { findContact } from "../store/contacts.ts";
import type { Queryable } from "../store/database.ts";
import { insertRepresentative } from "../store/residents.ts";
import { logComplaintInTransaction, type LogComplaintInput } from "./log-complaint.ts";
import type { CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";
import {
  applyContactCommand,
  contactContext,
  UnknownContactError,
  type ContactResult,
} from "./update-contact.ts";

export class ResidentRequiredError extends Error {
  readonly code = "RESIDENT_REQUIRED";
  constructor() {
    super("The contact does not say who the resident is; give the resident's details to log the complaint.");
    this.name = "ResidentRequiredError";
  }
}

export type RaiseComplaintFromContactInput = Pick<
  LogComplaintInput,
  "category" | "issueOn" | "awareOn" | "definition" | "representative"
> & {
  organisationId: string;
  contactId: string;
  /** The day the complaint is logged. */
  on: string;
  /**
   * When the complaint was received: by default the day of the contact, since trying early resolution first
   * is not a stage and does not hold back the clock (Code 5.2).
   */
  receivedOn?: string;
  /** Defaults to the contact's summary. */
  description?: string;
  /** Needed only when the contact does not name a resident already on record. */
  resident?: LogComplaintInput["resident"];
};

/**
 * Logs a Stage 1 complaint from a contact and records on the contact that it was raised, in one
 * transaction. The contact is not closed: a service request stays open while the complaint runs (Code 1.5).
 */
export async function raiseComplaintFromContact(
  services: Services,
  input: RaiseComplaintFromContactInput,
  actor: Actor,
): Promise<CommandResult & { contact: ContactResult }> {
  return services.db.transaction(async (tx) => {
    const contact = await findContact(tx, input.organisationId, input.contactId);
    if (!contact) throw new UnknownContactError(input.contactId);
    // Check the contact's rules first (a compliment, a closed contact), so no complaint is logged in vain.
    const ctx = await contactContext(tx, services, input.organisationId);
    const check = { type: "raise-complaint", on: input.on, complaintReference: "pending" } as const;
    decideContact(foldContact(contact.events), check, ctx);
    const receivedOn = input.receivedOn ?? contact.loggedOn;
    const common = {
      organisationId: input.organisationId,
      receivedOn,
      ...(input.on !== receivedOn ? { loggedOn: input.on } : {}),
      channel: contact.channel as Channel,
      description: input.description ?? contact.summary,
      ...(input.category ? { category: input.category } : {}),
      ...(input.issueOn ? { issueOn: input.issueOn } : {}),
      ...(input.awareOn ? { awareOn: input.awareOn } : {}),
      ...(input.definition ? { definition: input.definition } : {}),
    };
    const complaint = contact.residentId
      ? await logComplaintInTransaction(
          tx,
          services,
          { ...common, ...(await partiesOnRecord(tx, contact.residentId, input)) },
          actor,
        )
      : await logComplaintInTransaction(tx, services, { ...common, ...newParties(input) }, actor);
    const raised = await applyContactCommand(
      tx,
      services,
      input.organisationId,
      input.contactId,
      { type: "raise-complaint", on: input.on, complaintReference: complaint.reference },
      actor,
    );
    return { ...complaint, contact: raised };
  });
}

async function partiesOnRecord(
  tx: Queryable,
  residentId: string,
  input: RaiseComplaintFromContactInput,
): Promise<{ residentId: string; representativeId: string | null }> {
  if (!input.representative) return { residentId, representativeId: null };
  const representativeId = randomUUID();
  await insertRepresentative(tx, {
    organisationId: input.organisationId,
    id: representativeId,
    residentId,
    ...input.representative,
  });
  return { residentId, representativeId };
}

function newParties(
  input: RaiseComplaintFromContactInput,
): Pick<LogComplaintInput, "resident" | "representative"> {
  if (!input.resident) throw new ResidentRequiredError();
  return {
    resident: input.resident,
    ...(input.representative ? { representative: input.representative } : {}),
  };
}
