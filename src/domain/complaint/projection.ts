import { toDayNumber, type LocalDate } from "../calendar/day-number.ts";
import type { WorkingCalendar } from "../calendar/working-calendar.ts";
import type { PolicyPack } from "../policy/schema.ts";
import { stateFacts, type StateFacts } from "../reporting/complaint-facts.ts";
import { codeCalendar, complaintClocks, type ClockName } from "./clocks.ts";
import { complaintFindings, type CaseFinding } from "./findings.ts";
import { hazardClocks } from "./hazard-clocks.ts";
import { clocksByName, type SimulatedClock } from "./simulate.ts";
import type { ComplaintState, ComplaintStatus } from "./state.ts";

/**
 * What a caseload, dashboard or report needs of a complaint, derived from its state. Stored projections are
 * computed without "today", so they do not go stale: whether an open clock is overdue is a question asked at
 * read time (`next_due < today`).
 */
export interface ComplaintSummary {
  stage: 1 | 2;
  status: ComplaintStatus;
  handlerStage1: string | null;
  handlerStage2: string | null;
  hazard: boolean;
  /** The open clock with the earliest `due`: what "sorted by the next deadline" sorts by. */
  nextClock: ClockName | null;
  nextDue: LocalDate | null;
  nextCodeLimit: LocalDate | null;
  clocks: Partial<Record<ClockName, SimulatedClock>>;
  findings: CaseFinding[];
  /** What reports count (TSM CH01/CH02, timeliness, outcomes), kept beside the clocks. */
  facts: StateFacts;
}

export function summariseComplaint(
  state: ComplaintState,
  ctx: { pack: PolicyPack; calendar: WorkingCalendar; today?: LocalDate },
): ComplaintSummary {
  const clocks = complaintClocks(state, ctx);
  const hazards = hazardClocks(state, ctx);
  const open = clocks
    .filter((c) => c.state === "open" || c.state === "overdue")
    .sort((a, b) => toDayNumber(a.due) - toDayNumber(b.due));
  const next = open[0];
  return {
    stage: state.stage,
    status: state.status,
    handlerStage1: state.stages[1].handler ?? null,
    handlerStage2: state.stages[2]?.handler ?? null,
    hazard: state.hazards.some((h) => !h.madeSafeAt),
    nextClock: next?.name ?? null,
    nextDue: next?.due ?? null,
    nextCodeLimit: next?.codeLimit ?? null,
    clocks: clocksByName(clocks),
    findings: complaintFindings(state, clocks, hazards, ctx),
    facts: stateFacts(state, clocks, codeCalendar(ctx), hazards),
  };
}
