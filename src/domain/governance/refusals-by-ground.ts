import type { StageNumber } from "../policy/code-2024.ts";
import type { ComplaintFacts } from "../reporting/complaint-facts.ts";
import { within, type ReportingPeriod } from "../reporting/reporting-year.ts";

/**
 * The types of complaint the landlord refused to accept (Code 8.1 b: "a summary of the types of complaint
 * the landlord refused to accept"): matters refused in the period, by the stage they were refused at (not
 * accepted at Stage 1, or escalation refused) and the policy ground, most first. Counted on the day of the
 * refusal. The definition the SQL twin (src/store/refusals-by-ground.ts) is held to.
 *
 * Belongs with the report measures (src/domain/reporting) once those are merged.
 */
export interface RefusalCount {
  stage: StageNumber;
  /** The policy pack's exclusion id. */
  ground: string;
  count: number;
}

export function refusalsByGround(facts: readonly ComplaintFacts[], period: ReportingPeriod): RefusalCount[] {
  const counts = new Map<string, RefusalCount>();
  for (const f of facts) {
    if (!f.refusal || !within(f.refusal.on, period)) continue;
    const key = `${f.refusal.stage}:${f.refusal.ground}`;
    const c = counts.get(key) ?? { stage: f.refusal.stage, ground: f.refusal.ground, count: 0 };
    c.count += 1;
    counts.set(key, c);
  }
  return sortRefusals([...counts.values()]);
}

/** Stage 1 first, then the commonest ground, then by name: one order for the domain and the SQL. */
export function sortRefusals(counts: RefusalCount[]): RefusalCount[] {
  return counts.sort(
    (a, b) =>
      a.stage - b.stage || b.count - a.count || (a.ground < b.ground ? -1 : a.ground > b.ground ? 1 : 0),
  );
}
