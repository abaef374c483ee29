import { explainAddWorkingDays, describeExplanation } from "../calendar/explain.ts";
import { toDayNumber, type LocalDate } from "../calendar/day-number.ts";
import type { WorkingCalendar } from "../calendar/working-calendar.ts";
import {
  CODE_2024,
  codeExtensionCap,
  codeMinimumStage,
  codeResponseWorkingDays,
  type StageNumber,
} from "../policy/code-2024.ts";
import type { ClockStart, PolicyPack, StagePolicy } from "../policy/schema.ts";
import { stoppedOn, type ComplaintState, type StageRecord } from "./state.ts";

export type ClockName =
  "stage1.acknowledgement" | "stage1.response" | "stage2.acknowledgement" | "stage2.response";

/**
 * `open`: running; `met`: done by the date; `late`: done after it; `overdue`: not done and the date has
 * passed (only when "today" is known); `stopped`: the complaint was withdrawn, refused or closed first.
 */
export type ClockState = "open" | "met" | "late" | "overdue" | "stopped";

export interface ClockExtension {
  on: LocalDate;
  workingDays: number;
  reason: string;
  /** Working days of this extension the Code limit grew by (at most the Code's cap in all). */
  countedByCode: number;
  /** Recorded after the date it extended: the deadline had already passed. */
  late: boolean;
}

export interface Clock {
  name: ClockName;
  stage: StageNumber;
  /** The pack's target, with extensions. */
  due: LocalDate;
  /** The Code's maximum, with extensions up to the Code's cap; null until the day it runs from has happened. */
  codeLimit: LocalDate | null;
  metOn: LocalDate | null;
  state: ClockState;
  codeState: ClockState | null;
  extensions: ClockExtension[];
  /** Why each date falls where it does, in plain English. */
  explanation: { due: string; codeLimit: string | null };
}

export interface ClockContext {
  pack: PolicyPack;
  calendar: WorkingCalendar;
  /** The London date "now", to tell `open` from `overdue`. Without it no clock is overdue. */
  today?: LocalDate;
}

/**
 * The calendar the Code's limits are counted on: the organisation's closure days do not count, because
 * the Code does not provide for them (they still move the landlord's own `due` dates).
 */
export function codeCalendar(ctx: Pick<ClockContext, "calendar">): WorkingCalendar {
  return ctx.calendar.withoutClosures();
}

/** The pack's policy for a stage, or the Code's minimum where the pack has no such stage. */
export function stagePolicy(pack: PolicyPack, stage: StageNumber): StagePolicy {
  return pack.stages[stage - 1] ?? codeMinimumStage(stage);
}

/** Every clock whose trigger has happened, in order. */
export function complaintClocks(state: ComplaintState, ctx: ClockContext): Clock[] {
  const clocks: Clock[] = [];
  for (const stage of [1, 2] as const) {
    const record = state.stages[stage];
    if (!record) continue;
    const policy = stagePolicy(ctx.pack, stage);
    clocks.push(acknowledgementClock(state, stage, record, policy, ctx));
    const response = responseClock(state, stage, record, policy, ctx);
    if (response) clocks.push(response);
  }
  return clocks;
}

function acknowledgementClock(
  state: ComplaintState,
  stage: StageNumber,
  record: StageRecord,
  policy: StagePolicy,
  ctx: ClockContext,
): Clock {
  const start = startDate(record, policy.acknowledgement.from, stage) ?? record.startedOn;
  const due = explainAddWorkingDays(ctx.calendar, start, policy.acknowledgement.workingDays);
  const limit = explainAddWorkingDays(
    codeCalendar(ctx),
    record.startedOn,
    CODE_2024.acknowledgementWorkingDays,
  );
  const metOn = record.acknowledgedOn ?? null;
  const startWord = stage === 1 ? "receipt" : "the request to escalate";
  return {
    name: `stage${stage}.acknowledgement`,
    stage,
    due: due.result,
    codeLimit: limit.result,
    metOn,
    state: clockState(due.result, metOn, state, ctx.today),
    codeState: clockState(limit.result, metOn, state, ctx.today),
    extensions: [],
    explanation: {
      due: `${ctx.pack.id} ${ctx.pack.version}: acknowledge within ${policy.acknowledgement.workingDays} working days of ${startWord} (${policy.acknowledgement.cite.ref}). ${describeExplanation(due)}`,
      codeLimit: `Complaint Handling Code ${stage === 1 ? "6.2" : "6.11"}: within ${CODE_2024.acknowledgementWorkingDays} working days of ${startWord}. ${describeExplanation(limit)}`,
    },
  };
}

function responseClock(
  state: ComplaintState,
  stage: StageNumber,
  record: StageRecord,
  policy: StagePolicy,
  ctx: ClockContext,
): Clock | null {
  const start = startDate(record, policy.response.from, stage);
  if (!start) return null;
  const cap = codeExtensionCap(stage);
  const base = explainAddWorkingDays(ctx.calendar, start, policy.response.workingDays);
  const codeBase = record.acknowledgedOn
    ? explainAddWorkingDays(codeCalendar(ctx), record.acknowledgedOn, codeResponseWorkingDays(stage))
    : null;

  let due = base.result;
  let codeLimit = codeBase?.result ?? null;
  let codeDaysUsed = 0;
  const extensions: ClockExtension[] = [];
  const dueNotes = [describeExplanation(base)];
  const codeNotes = codeBase ? [describeExplanation(codeBase)] : [];
  for (const ext of record.extensions) {
    const late = toDayNumber(ext.on) > toDayNumber(due);
    // The Code limit grows only for an extension made before the date it extends, and by at most the cap.
    const codeDeadlinePassed = codeLimit !== null && toDayNumber(ext.on) > toDayNumber(codeLimit);
    const countedByCode = codeDeadlinePassed ? 0 : Math.min(ext.workingDays, cap - codeDaysUsed);
    codeDaysUsed += countedByCode;
    extensions.push({ on: ext.on, workingDays: ext.workingDays, reason: ext.reason, countedByCode, late });
    const extended = explainAddWorkingDays(ctx.calendar, due, ext.workingDays);
    dueNotes.push(
      `Extended on ${ext.on} by ${ext.workingDays} working days to ${extended.result}${late ? " (recorded after the date it extended)" : ""}.`,
    );
    due = extended.result;
    if (codeLimit !== null && countedByCode > 0) {
      codeLimit = codeCalendar(ctx).addWorkingDaysToDate(codeLimit, countedByCode);
      codeNotes.push(`Extended by ${countedByCode} working days to ${codeLimit}.`);
    }
  }
  if (codeLimit !== null && codeDaysUsed < sumDays(record)) {
    codeNotes.push(
      `Extensions beyond the Code's cap of ${cap} working days, or made after the limit had passed, do not move it.`,
    );
  }
  const metOn = record.respondedOn ?? null;
  const fromWords: Record<ClockStart, string> = {
    receipt: "receipt",
    logging: "the day the complaint was logged",
    acknowledgement: "acknowledgement",
    "escalation-request": "the request to escalate",
  };
  return {
    name: `stage${stage}.response`,
    stage,
    due,
    codeLimit,
    metOn,
    state: clockState(due, metOn, state, ctx.today),
    codeState: codeLimit ? clockState(codeLimit, metOn, state, ctx.today) : null,
    extensions,
    explanation: {
      due: `${ctx.pack.id} ${ctx.pack.version}: respond within ${policy.response.workingDays} working days of ${fromWords[policy.response.from]} (${policy.response.cite.ref}). ${dueNotes.join(" ")}`,
      codeLimit: codeBase
        ? `Complaint Handling Code ${stage === 1 ? "6.3" : "6.14"}: within ${codeResponseWorkingDays(stage)} working days of acknowledgement, extended by at most ${cap} more. ${codeNotes.join(" ")}`
        : null,
    },
  };
}

function sumDays(record: StageRecord): number {
  return record.extensions.reduce((total, e) => total + e.workingDays, 0);
}

/** The date a target counts from, or undefined if that has not happened yet. */
function startDate(record: StageRecord, from: ClockStart, stage: StageNumber): LocalDate | undefined {
  switch (from) {
    case "acknowledgement":
      return record.acknowledgedOn;
    case "logging":
      return stage === 1 ? record.loggedOn : record.startedOn;
    case "receipt":
    case "escalation-request":
      return record.startedOn;
  }
}

function clockState(
  date: LocalDate,
  metOn: LocalDate | null,
  complaint: ComplaintState,
  today: LocalDate | undefined,
): ClockState {
  if (metOn) return toDayNumber(metOn) <= toDayNumber(date) ? "met" : "late";
  if (stoppedOn(complaint)) return "stopped";
  if (today && toDayNumber(today) > toDayNumber(date)) return "overdue";
  return "open";
}
