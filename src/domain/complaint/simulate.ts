import { z } from "zod";
import { toDayNumber, type LocalDate } from "../calendar/day-number.ts";
import type { WorkingCalendar } from "../calendar/working-calendar.ts";
import type { PolicyPack } from "../policy/schema.ts";
import { complaintClocks, type Clock, type ClockName, type ClockState } from "./clocks.ts";
import { complaintEventSchema, localDateSchema } from "./events.ts";
import { complaintFindings, type CaseFinding } from "./findings.ts";
import { endOfLondonDay, hazardClocks, type HazardClock } from "./hazard-clocks.ts";
import { foldComplaint, MalformedHistoryError, type ComplaintStatus } from "./state.ts";

/** The public `redress simulate` input: a complaint's history as events, oldest first. */
export const simulationInputSchema = z
  .object({
    events: z.array(complaintEventSchema).min(1, "give at least the day the complaint was received"),
    /** Optional; `--today` on the command line wins. */
    today: localDateSchema.optional(),
  })
  .strict();
export type SimulationInput = z.infer<typeof simulationInputSchema>;

export interface SimulatedClock {
  due: LocalDate;
  codeLimit: LocalDate | null;
  metOn: LocalDate | null;
  state: ClockState;
  codeState: ClockState | null;
  explanation: Clock["explanation"];
}

/** The public `redress simulate --json` output. */
export interface SimulationResult {
  policy: string;
  policyVersion: string;
  calendar: string;
  stage: 1 | 2 | null;
  status: ComplaintStatus;
  clocks: Partial<Record<ClockName, SimulatedClock>>;
  hazards: HazardClock[];
  findings: Pick<CaseFinding, "severity" | "code" | "rule" | "message">[];
}

/** Replays a history under a pack and calendar: the clocks it leads to and what was wrong with it. */
export function simulateComplaint(
  input: SimulationInput,
  pack: PolicyPack,
  calendar: WorkingCalendar,
  today?: LocalDate,
): SimulationResult {
  const events = input.events;
  events.forEach((next, i) => {
    const prev = events[i - 1];
    if (prev && toDayNumber(next.on) < toDayNumber(prev.on)) {
      throw new MalformedHistoryError(
        `Events must be in date order: "${next.type}" on ${next.on} comes after "${prev.type}" on ${prev.on}.`,
      );
    }
  });
  const state = foldComplaint(events);
  const now = today ?? input.today;
  const ctx = { pack, calendar, ...(now ? { today: now } : {}) };
  const clocks = complaintClocks(state, ctx);
  // Hazard clocks are in hours; with only a date for "today", the end of that day is "now".
  const hazards = hazardClocks(state, {
    pack,
    calendar,
    ...(now ? { now: new Date(endOfLondonDay(now)).toISOString() } : {}),
  });
  return {
    policy: pack.id,
    policyVersion: pack.version,
    calendar: calendar.id,
    stage: state.stage,
    status: state.status,
    clocks: clocksByName(clocks),
    hazards,
    findings: complaintFindings(state, clocks, hazards, ctx),
  };
}

/** The clocks keyed by name, in the public `simulate` shape (also what the projection stores). */
export function clocksByName(clocks: readonly Clock[]): Partial<Record<ClockName, SimulatedClock>> {
  return Object.fromEntries(
    clocks.map((c) => [
      c.name,
      {
        due: c.due,
        codeLimit: c.codeLimit,
        metOn: c.metOn,
        state: c.state,
        codeState: c.codeState,
        explanation: c.explanation,
      },
    ]),
  );
}
