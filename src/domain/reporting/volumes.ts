import { outcomeSchema } from "../policy/schema.ts";
import type { ComplaintFacts } from "./complaint-facts.ts";
import {
  breakdown,
  count,
  groupReferences,
  NOT_RECORDED,
  share,
  type Breakdown,
  type Count,
} from "./figures.ts";
import { within, type ReportingPeriod } from "./reporting-year.ts";
import type { Measure } from "./tsm.ts";

/**
 * What came in and how it ended, over a period:
 *
 * - Received: Stage 1 complaints received in the period (by the day received) and Stage 2 requests made in it
 *   (by the day the resident asked to escalate). Every complaint logged counts, including those later refused
 *   or withdrawn (unlike CH01, which leaves refused matters out: refusals have their own figures).
 * - By channel, category and handler: the Stage 1 complaints received in the period, by how they came in, what
 *   they are filed under now, and their Stage 1 handler now. The handler stands in for the "team": Redress
 *   records who handles a complaint, not which team they are in. Nothing recorded is "not-recorded".
 * - Outcomes: the responses issued in the period at each stage, by outcome.
 * - Refusals: matters refused in the period (by the day refused), by stage and ground (Code 8.1(b)).
 * - Withdrawals: complaints withdrawn in the period, by the stage they were at.
 * - Escalation rate: of the Stage 1 responses issued in the period, the share whose resident has since asked to
 *   escalate to Stage 2. Numerator and denominator are the same complaints (a ratio of Stage 2 requests to
 *   Stage 1 responses in the same period could pass 100%), so a recent period's rate can still rise.
 */
export interface Volumes {
  stage1Received: Count;
  stage2Received: Count;
  byChannel: Breakdown;
  byCategory: Breakdown;
  byHandler: Breakdown;
}

export interface StagePair<T> {
  stage1: T;
  stage2: T;
}

export const OUTCOME_KEYS: readonly string[] = outcomeSchema.options;

export interface VolumesSelection {
  stage1Received: string[];
  stage2Received: string[];
  byChannel: Map<string, string[]>;
  byCategory: Map<string, string[]>;
  byHandler: Map<string, string[]>;
  outcomes: StagePair<Map<string, string[]>>;
  refusals: StagePair<Map<string, string[]>>;
  withdrawals: StagePair<string[]>;
  escalated: string[];
  stage1Responses: string[];
}

export interface VolumeMeasures {
  volumes: Volumes;
  outcomes: StagePair<Breakdown>;
  refusals: StagePair<Breakdown>;
  withdrawals: StagePair<Count>;
  escalation: Measure;
}

export function volumeMeasures(s: VolumesSelection): VolumeMeasures {
  return {
    volumes: {
      stage1Received: count(s.stage1Received),
      stage2Received: count(s.stage2Received),
      byChannel: breakdown(s.byChannel),
      byCategory: breakdown(s.byCategory),
      byHandler: breakdown(s.byHandler),
    },
    outcomes: {
      stage1: breakdown(s.outcomes.stage1, OUTCOME_KEYS),
      stage2: breakdown(s.outcomes.stage2, OUTCOME_KEYS),
    },
    refusals: { stage1: breakdown(s.refusals.stage1), stage2: breakdown(s.refusals.stage2) },
    withdrawals: { stage1: count(s.withdrawals.stage1), stage2: count(s.withdrawals.stage2) },
    escalation: share(s.escalated, s.stage1Responses),
  };
}

export function selectVolumes(
  complaints: readonly ComplaintFacts[],
  period: ReportingPeriod,
): VolumesSelection {
  const ref = (c: ComplaintFacts) => c.reference;
  const received = complaints.filter((c) => within(c.stage1.startedOn, period));
  const respondedAt = (stage: 1 | 2) =>
    complaints.filter((c) => within((stage === 1 ? c.stage1 : c.stage2)?.respondedOn, period));
  const outcomesAt = (stage: 1 | 2) =>
    groupReferences(
      respondedAt(stage),
      (c) => (stage === 1 ? c.stage1 : c.stage2)?.outcome ?? NOT_RECORDED,
      ref,
    );
  const refusedAt = (stage: 1 | 2) =>
    groupReferences(
      complaints.filter((c) => c.refusal?.stage === stage && within(c.refusal.on, period)),
      (c) => c.refusal?.ground ?? NOT_RECORDED,
      ref,
    );
  const withdrawnAt = (stage: 1 | 2) =>
    complaints.filter((c) => c.withdrawal?.stage === stage && within(c.withdrawal.on, period)).map(ref);
  const stage1Responses = respondedAt(1);
  return {
    stage1Received: received.map(ref),
    stage2Received: complaints.filter((c) => within(c.stage2?.startedOn, period)).map(ref),
    byChannel: groupReferences(received, (c) => c.channel ?? NOT_RECORDED, ref),
    byCategory: groupReferences(received, (c) => c.category ?? NOT_RECORDED, ref),
    byHandler: groupReferences(received, (c) => c.stage1.handler ?? NOT_RECORDED, ref),
    outcomes: { stage1: outcomesAt(1), stage2: outcomesAt(2) },
    refusals: { stage1: refusedAt(1), stage2: refusedAt(2) },
    withdrawals: { stage1: withdrawnAt(1), stage2: withdrawnAt(2) },
    escalated: stage1Responses.filter((c) => c.stage2 !== null).map(ref),
    stage1Responses: stage1Responses.map(ref),
  };
}
