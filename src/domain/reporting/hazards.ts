import type { ComplaintFacts, HazardFacts } from "./complaint-facts.ts";
import {
  average,
  breakdown,
  count,
  groupReferences,
  share,
  type Average,
  type Breakdown,
  type Count,
} from "./figures.ts";
import { within, type ReportingPeriod } from "./reporting-year.ts";
import type { Measure } from "./tsm.ts";

/**
 * Health-and-safety hazards found on complaints (Awaab's Law; a pack's risk filter), over the hazards FLAGGED in
 * the period (by the London day flagged), one reference per hazard:
 *
 * - by severity (emergency, significant);
 * - made safe (so far), and of those the share made safe by the landlord's target (its risk filter, never
 *   later than the law) and by the legal limit (24 hours for an emergency; 10 working days to investigate a
 *   significant hazard), and the average hours from flagging to made safe;
 * - not yet made safe.
 */
export interface Hazards {
  flagged: Count;
  bySeverity: Breakdown;
  madeSafe: Count;
  madeSafeByTarget: Measure;
  madeSafeByLegalLimit: Measure;
  notYetMadeSafe: Count;
  hoursToMakeSafe: Average;
}

export const HAZARD_SEVERITIES: readonly HazardFacts["severity"][] = ["emergency", "significant"];
const HOUR_MS = 3_600_000;

export interface HazardsSelection {
  bySeverity: Map<string, string[]>;
  madeSafe: string[];
  madeSafeByTarget: string[];
  madeSafeByLegalLimit: string[];
  notYetMadeSafe: string[];
  /** Milliseconds from flagging to made safe, summed over `madeSafe`. */
  msToMakeSafe: number;
}

export function hazards(s: HazardsSelection): Hazards {
  return {
    flagged: count([...s.bySeverity.values()].flat()),
    bySeverity: breakdown(s.bySeverity, HAZARD_SEVERITIES),
    madeSafe: count(s.madeSafe),
    madeSafeByTarget: share(s.madeSafeByTarget, s.madeSafe),
    madeSafeByLegalLimit: share(s.madeSafeByLegalLimit, s.madeSafe),
    notYetMadeSafe: count(s.notYetMadeSafe),
    hoursToMakeSafe: average(s.madeSafe, s.msToMakeSafe, HOUR_MS),
  };
}

export function selectHazards(
  complaints: readonly ComplaintFacts[],
  period: ReportingPeriod,
): HazardsSelection {
  const flagged = complaints.flatMap((c) =>
    c.hazardCases.filter((h) => within(h.flaggedOn, period)).map((h) => ({ ref: c.reference, h })),
  );
  const safe = flagged.filter((x) => x.h.madeSafeAt !== null);
  const by = (limit: (h: HazardFacts) => string) =>
    safe.filter((x) => Date.parse(x.h.madeSafeAt as string) <= Date.parse(limit(x.h))).map((x) => x.ref);
  return {
    bySeverity: groupReferences(
      flagged,
      (x) => x.h.severity,
      (x) => x.ref,
    ),
    madeSafe: safe.map((x) => x.ref),
    madeSafeByTarget: by((h) => h.due),
    madeSafeByLegalLimit: by((h) => h.legalLimit),
    notYetMadeSafe: flagged.filter((x) => x.h.madeSafeAt === null).map((x) => x.ref),
    msToMakeSafe: safe.reduce(
      (sum, x) => sum + Date.parse(x.h.madeSafeAt as string) - Date.parse(x.h.flaggedAt),
      0,
    ),
  };
}
