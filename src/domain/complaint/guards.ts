import { toDayNumber } from "../calendar/day-number.ts";
import type { WorkingCalendar } from "../calendar/working-calendar.ts";
import type { StageNumber } from "../policy/code-2024.ts";
import type { PolicyPack } from "../policy/schema.ts";
import { ComplaintRuleError } from "./errors.ts";
import { endOfLondonDay } from "./hazard-clocks.ts";
import { stoppedOn, type ComplaintState, type StageRecord } from "./state.ts";

/** What every command is decided against: the complaint's pinned pack and calendar, and today's date. */
export interface DecisionContext {
  pack: PolicyPack;
  calendar: WorkingCalendar;
  /** The London date today; commands may not record events after it. */
  today: string;
  /** The instant now (ISO 8601), when known: times in hours (hazards) may not be after it. */
  now?: string;
}

/** A time in hours (a hazard reported or made safe) that has not happened yet is refused. */
export function requireInstantNotInFuture(at: string, ctx: DecisionContext, field = "at"): void {
  const latest = ctx.now ? Date.parse(ctx.now) : endOfLondonDay(ctx.today);
  if (Date.parse(at) > latest) throw new ComplaintRuleError("DATE_IN_FUTURE", field);
}

export function requireDateNotInFuture(on: string, ctx: DecisionContext, field = "on"): void {
  if (toDayNumber(on) > toDayNumber(ctx.today)) throw new ComplaintRuleError("DATE_IN_FUTURE", field);
}

/** A new event's date: not in the future, not before receipt, not before the last event. */
export function requireEventDate(state: ComplaintState, on: string, ctx: DecisionContext): void {
  requireDateNotInFuture(on, ctx);
  if (toDayNumber(on) < toDayNumber(state.receivedOn))
    throw new ComplaintRuleError("DATE_BEFORE_RECEIPT", "on");
  if (toDayNumber(on) < toDayNumber(state.lastEventOn)) {
    throw new ComplaintRuleError(
      "DATE_BEFORE_LAST_EVENT",
      "on",
      `The last event was on ${state.lastEventOn}.`,
    );
  }
}

export function requireRunning(state: ComplaintState): void {
  if (stoppedOn(state)) throw new ComplaintRuleError("COMPLAINT_NOT_RUNNING");
}

export function requireCurrentStage(state: ComplaintState, stage: StageNumber): StageRecord {
  const record = state.stages[stage];
  if (state.stage !== stage || !record) {
    throw new ComplaintRuleError("WRONG_STAGE", "stage", `It is at Stage ${state.stage}.`);
  }
  return record;
}

export function requireUniqueIds(ids: readonly string[], field: string): void {
  if (new Set(ids).size !== ids.length) throw new ComplaintRuleError("DUPLICATE_ID", field);
}
