import { randomUUID } from "node:crypto";
import { laterOf, londonDateOf } from "../domain/calendar/day-number.ts";
import type { Channel } from "../domain/policy/schema.ts";
import type { Issue } from "../domain/complaint/events.ts";
import type { Tenure } from "../domain/reporting/complaint-facts.ts";
import { nextComplaintReference, type ComplaintIdentity } from "../store/complaints.ts";
import type { Queryable } from "../store/database.ts";
import { insertRepresentative, insertResident } from "../store/residents.ts";
import { requireOrganisation } from "./complaint-context.ts";
import { recordDecision, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export interface LogComplaintInput {
  organisationId: string;
  receivedOn: string;
  loggedOn?: string;
  channel: Channel;
  category?: string;
  description: string;
  issueOn?: string;
  awareOn?: string;
  resident: {
    name: string;
    email?: string;
    phone?: string;
    address?: string;
    postcode?: string;
    contactPreferences?: Record<string, unknown>;
    adjustments?: unknown[];
    vulnerabilities?: unknown[];
  };
  /** When someone complains for the resident (Code 1.3, 3.6): who, and how their authority was given. */
  representative?: {
    name: string;
    email?: string;
    phone?: string;
    relationship?: string;
    authority: string;
    authorityGivenOn?: string;
    authorityEvidence?: string;
  };
  /** The complaint definition, when known at logging (Code 5.6); otherwise recorded before acknowledgement. */
  definition?: { issues: Issue[]; outcomesSought: string[] };
  /** A previous system's reference, for imported complaints. */
  externalRef?: string;
  /** The stock the resident's home is in (TSM CH01 counts rental and shared ownership apart); rental if not said. */
  tenure?: Tenure;
  /**
   * A risk to health or safety found at intake (Code 6.1; Awaab's Law): it opens its own clock in hours,
   * which runs beside the complaint's. `at` is when it was reported.
   */
  hazard?: { severity: "emergency" | "significant"; description: string; at: string };
}

/** A complaint from people already on record: a new issue spun off a complaint, or a contact's resident. */
export type LogComplaintForPartiesInput = Omit<LogComplaintInput, "resident" | "representative"> & {
  residentId: string | null;
  representativeId: string | null;
};

/**
 * Logs a complaint at Stage 1 from any channel, for the resident or through a representative: resident
 * (and representative) records, a unique reference, the `received` event (pinning the organisation's
 * pack version and calendar) and the definition if given, all in one transaction.
 */
export async function logComplaint(
  services: Services,
  input: LogComplaintInput,
  actor: Actor,
): Promise<CommandResult> {
  return services.db.transaction((tx) => logComplaintInTransaction(tx, services, input, actor));
}

/** The body of `logComplaint` inside the caller's transaction, so another change can commit with it. */
export async function logComplaintInTransaction(
  tx: Queryable,
  services: Services,
  input: LogComplaintInput | LogComplaintForPartiesInput,
  actor: Actor,
): Promise<CommandResult> {
  const org = await requireOrganisation(tx, input.organisationId);
  const { residentId, representativeId } =
    "resident" in input
      ? await insertParties(tx, org.id, input)
      : { residentId: input.residentId, representativeId: input.representativeId };
  const year = Number(londonDateOf(services.clock()).slice(0, 4));
  const identity: ComplaintIdentity = {
    organisationId: org.id,
    id: randomUUID(),
    reference: await nextComplaintReference(tx, org.id, org.referencePrefix, year),
    externalRef: input.externalRef ?? null,
    residentId,
    representativeId,
    channel: input.channel,
    category: input.category ?? null,
    description: input.description,
    receivedOn: input.receivedOn,
    packId: org.packId,
    packVersion: org.packVersion,
    tenure: input.tenure ?? "lcra",
  };
  let result = await recordDecision(
    tx,
    services,
    identity,
    [],
    {
      type: "receive",
      on: input.receivedOn,
      channel: input.channel,
      raisedBy: representativeId ? "representative" : "resident",
      description: input.description,
      ...(input.loggedOn ? { loggedOn: input.loggedOn } : {}),
      ...(input.issueOn ? { issueOn: input.issueOn } : {}),
      ...(input.awareOn ? { awareOn: input.awareOn } : {}),
    },
    actor,
  );
  const history = [...result.events];
  if (input.definition) {
    const defineOn = input.loggedOn ?? input.receivedOn;
    result = await recordDecision(
      tx,
      services,
      identity,
      history,
      { type: "define", on: defineOn, stage: 1, ...input.definition },
      actor,
    );
    history.push(...result.events);
  }
  if (input.hazard) {
    // Dated the day it was reported, or the last event's day if that is later (events stay in date order).
    const on = laterOf(londonDateOf(new Date(input.hazard.at)), result.state.lastEventOn);
    result = await recordDecision(
      tx,
      services,
      identity,
      history,
      { type: "flag-hazard", on, ...input.hazard },
      actor,
    );
  }
  return result;
}

async function insertParties(
  tx: Queryable,
  organisationId: string,
  input: LogComplaintInput,
): Promise<{ residentId: string; representativeId: string | null }> {
  const residentId = randomUUID();
  await insertResident(tx, { organisationId, id: residentId, ...input.resident });
  if (!input.representative) return { residentId, representativeId: null };
  const representativeId = randomUUID();
  await insertRepresentative(tx, {
    organisationId,
    id: representativeId,
    residentId,
    ...input.representative,
  });
  return { residentId, representativeId };
}
