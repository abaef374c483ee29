import { londonDateOf } from "../domain/calendar/day-number.ts";
import type { ComplaintCommand } from "../domain/complaint/commands.ts";
import { decideComplaint } from "../domain/complaint/decide.ts";
import type { ComplaintEvent } from "../domain/complaint/events.ts";
import { summariseComplaint, type ComplaintSummary } from "../domain/complaint/projection.ts";
import { evolve, foldComplaint, type ComplaintState } from "../domain/complaint/state.ts";
import { appendComplaintEvents, loadComplaintEvents } from "../store/complaint-events.ts";
import {
  findComplaintIdentity,
  saveComplaintProjection,
  type ComplaintIdentity,
} from "../store/complaints.ts";
import type { Queryable } from "../store/database.ts";
import { enqueueOutbox, type OutboxMessage } from "../store/outbox.ts";
import { calendarFor, packVersion, requireOrganisation, UnknownComplaintError } from "./complaint-context.ts";
import type { Actor, Services } from "./services.ts";

export interface CommandResult {
  reference: string;
  events: ComplaintEvent[];
  state: ComplaintState;
  summary: ComplaintSummary;
}

/** Messages a use case sends once its events are recorded (letters, notifications), written in the same transaction. */
export type OutboxFor = (result: CommandResult, identity: ComplaintIdentity) => OutboxMessage[];

/** Other work a use case does in the same transaction once its events are recorded (a draft letter). */
export type AfterRecorded = (
  tx: Queryable,
  result: CommandResult,
  identity: ComplaintIdentity,
  actor: Actor,
) => Promise<void>;

/**
 * The one path every change to a complaint takes: load its events, let the domain decide under the
 * complaint's pinned pack and its organisation's calendar, then append the events, update the projection
 * and write outbox rows (and a draft letter), all in ONE transaction. A broken rule throws the domain's ComplaintRuleError and a
 * second writer gets a ConcurrencyConflictError; either way nothing is written.
 */
export async function runComplaintCommand(
  services: Services,
  input: {
    organisationId: string;
    reference: string;
    command: ComplaintCommand;
    actor: Actor;
    outbox?: OutboxFor;
    after?: AfterRecorded;
  },
): Promise<CommandResult> {
  return services.db.transaction(async (tx) => {
    const identity = await findComplaintIdentity(tx, input.organisationId, input.reference);
    if (!identity) throw new UnknownComplaintError(input.reference);
    const history = await loadComplaintEvents(tx, input.organisationId, identity.id);
    return recordDecision(
      tx,
      services,
      identity,
      history,
      input.command,
      input.actor,
      input.outbox,
      input.after,
    );
  });
}

/** Decides a command against a loaded history and records the outcome; shared by logging and every verb. */
export async function recordDecision(
  tx: Queryable,
  services: Services,
  identity: ComplaintIdentity,
  history: readonly ComplaintEvent[],
  command: ComplaintCommand,
  actor: Actor,
  outbox?: OutboxFor,
  after?: AfterRecorded,
): Promise<CommandResult> {
  const org = await requireOrganisation(tx, identity.organisationId);
  const pack = await packVersion(tx, identity.packId, identity.packVersion);
  const calendar = calendarFor(org);
  const now = services.clock();
  const today = londonDateOf(now);
  const before = history.length > 0 ? foldComplaint(history) : null;
  const decision = decideComplaint(before, command, { pack, calendar, today, now: now.toISOString() });
  if (!decision.ok) throw decision.error;
  await appendComplaintEvents(
    tx,
    { organisationId: identity.organisationId, complaintId: identity.id, reference: identity.reference },
    history.length,
    decision.events,
    actor,
    now,
  );
  const state = before ? decision.events.reduce(evolve, before) : foldComplaint(decision.events);
  const summary = summariseComplaint(state, { pack, calendar });
  await saveComplaintProjection(tx, {
    ...identity,
    calendarId: calendar.id,
    version: state.version,
    summary,
  });
  const result = { reference: identity.reference, events: decision.events, state, summary };
  if (outbox) await enqueueOutbox(tx, identity.organisationId, outbox(result, identity));
  if (after) await after(tx, result, identity, actor);
  return result;
}
