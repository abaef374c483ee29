import {
  FACTS_VERSION,
  type ComplaintFacts,
  type StageFacts,
  type StateFacts,
} from "../domain/reporting/complaint-facts.ts";
import { loadFactItems, saveFactItems } from "./complaint-fact-items.ts";
import type { Queryable } from "./database.ts";

/** The columns of one stage, in the order both the insert and the read use. */
const STAGE_COLUMNS = [
  "started_on",
  "acknowledged_on",
  "acknowledgement_due",
  "acknowledgement_limit",
  "responded_on",
  "response_due",
  "response_limit",
  "response_limit_base",
  "extended_days",
  "outcome",
  "handler",
  "working_days_to_respond",
  "working_days_to_acknowledge",
] as const;

function stageValues(s: StageFacts | null): unknown[] {
  if (!s) return STAGE_COLUMNS.map(() => null);
  return [
    s.startedOn,
    s.acknowledgedOn,
    s.acknowledgementDue,
    s.acknowledgementCodeLimit,
    s.respondedOn,
    s.responseDue,
    s.responseCodeLimit,
    s.responseCodeLimitBeforeExtensions,
    s.extendedWorkingDays,
    s.outcome,
    s.handler,
    s.workingDaysToRespond,
    s.workingDaysToAcknowledge,
  ];
}

const COLUMNS = [
  "organisation_id",
  "complaint_id",
  "received_on",
  "status",
  ...STAGE_COLUMNS.map((c) => `s1_${c}`),
  ...STAGE_COLUMNS.map((c) => `s2_${c}`),
  "refused_stage",
  "refusal_ground",
  "refused_on",
  "withdrawn_stage",
  "withdrawn_on",
  "closed_on",
  "remedies",
  "remedies_outstanding",
  "compensation_pence",
  "actions_outstanding",
  "earliest_action_due",
  "hazards",
  "satisfaction",
  "ombudsman_referred_on",
  "learning",
  "survey_answered_on",
  "facts_version",
];

/** Writes a complaint's report facts, with its remedies, actions and hazards (in the caller's transaction, with its projection row). */
export async function saveComplaintFacts(
  tx: Queryable,
  organisationId: string,
  complaintId: string,
  f: StateFacts,
): Promise<void> {
  const values = [
    organisationId,
    complaintId,
    f.receivedOn,
    f.status,
    ...stageValues(f.stage1),
    ...stageValues(f.stage2),
    f.refusal?.stage ?? null,
    f.refusal?.ground ?? null,
    f.refusal?.on ?? null,
    f.withdrawal?.stage ?? null,
    f.withdrawal?.on ?? null,
    f.closedOn,
    f.remedies,
    f.remediesOutstanding,
    f.compensationPence,
    f.actionsOutstanding,
    f.earliestOutstandingActionDue,
    f.hazards,
    f.satisfaction,
    f.ombudsmanReferredOn,
    JSON.stringify(f.learning),
    f.surveyAnsweredOn,
    FACTS_VERSION,
  ];
  const placeholders = values.map((_, i) => `$${i + 1}`).join(", ");
  const updates = COLUMNS.slice(2)
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(", ");
  await tx.query(
    `INSERT INTO complaint_facts (${COLUMNS.join(", ")}) VALUES (${placeholders})
     ON CONFLICT (organisation_id, complaint_id) DO UPDATE SET ${updates}`,
    values,
  );
  await saveFactItems(tx, organisationId, complaintId, f.followUps, f.hazardCases);
}

type Row = Record<string, unknown>;
const date = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function stageFrom(row: Row, p: "s1" | "s2", stage: 1 | 2): StageFacts | null {
  if (row[`${p}_started_on`] === null) return null;
  return {
    stage,
    startedOn: String(row[`${p}_started_on`]),
    acknowledgedOn: date(row[`${p}_acknowledged_on`]),
    acknowledgementDue: String(row[`${p}_acknowledgement_due`]),
    acknowledgementCodeLimit: String(row[`${p}_acknowledgement_limit`]),
    respondedOn: date(row[`${p}_responded_on`]),
    responseDue: date(row[`${p}_response_due`]),
    responseCodeLimit: date(row[`${p}_response_limit`]),
    responseCodeLimitBeforeExtensions: date(row[`${p}_response_limit_base`]),
    extendedWorkingDays: Number(row[`${p}_extended_days`] ?? 0),
    outcome: (row[`${p}_outcome`] as StageFacts["outcome"]) ?? null,
    handler: (row[`${p}_handler`] as string | null) ?? null,
    workingDaysToAcknowledge: num(row[`${p}_working_days_to_acknowledge`]),
    workingDaysToRespond: num(row[`${p}_working_days_to_respond`]),
  };
}

/**
 * An organisation's complaints as report facts, with the labels they are filed under: what the domain's
 * definitions (src/domain/reporting) count, and what their SQL twins must agree with.
 */
export async function loadComplaintFacts(tx: Queryable, organisationId: string): Promise<ComplaintFacts[]> {
  const result = await tx.query<Row>(
    `SELECT f.*, c.reference, c.channel, c.category, c.tenure FROM complaint_facts f
     JOIN complaints c ON c.organisation_id = f.organisation_id AND c.id = f.complaint_id
     WHERE f.organisation_id = $1 ORDER BY c.reference`,
    [organisationId],
  );
  const items = await loadFactItems(tx, organisationId);
  return result.rows.map((row) => ({
    reference: String(row.reference),
    channel: (row.channel as string | null) ?? null,
    category: (row.category as string | null) ?? null,
    tenure: row.tenure === "lcho" ? "lcho" : "lcra",
    receivedOn: String(row.received_on),
    status: row.status as StateFacts["status"],
    stage1: stageFrom(row, "s1", 1) as StageFacts,
    stage2: stageFrom(row, "s2", 2),
    refusal:
      row.refused_stage === null
        ? null
        : {
            stage: Number(row.refused_stage) as 1 | 2,
            ground: String(row.refusal_ground),
            on: String(row.refused_on),
          },
    withdrawal:
      row.withdrawn_stage === null
        ? null
        : { stage: Number(row.withdrawn_stage) as 1 | 2, on: String(row.withdrawn_on) },
    closedOn: date(row.closed_on),
    remedies: Number(row.remedies),
    remediesOutstanding: Number(row.remedies_outstanding),
    compensationPence: Number(row.compensation_pence),
    actionsOutstanding: Number(row.actions_outstanding),
    earliestOutstandingActionDue: date(row.earliest_action_due),
    hazards: Number(row.hazards),
    satisfaction: num(row.satisfaction),
    ombudsmanReferredOn: date(row.ombudsman_referred_on),
    learning: (row.learning as string[]) ?? [],
    surveyAnsweredOn: date(row.survey_answered_on),
    followUps: items.followUps.get(String(row.complaint_id)) ?? [],
    hazardCases: items.hazards.get(String(row.complaint_id)) ?? [],
  }));
}

/**
 * Organisations with complaints whose report facts are missing (logged before the facts existed) or were
 * written under an older FACTS_VERSION (before a column was added).
 */
export async function organisationsMissingFacts(tx: Queryable): Promise<string[]> {
  const result = await tx.query<{ organisation_id: string }>(
    `SELECT c.organisation_id FROM complaints c
     WHERE NOT EXISTS (SELECT 1 FROM complaint_facts f WHERE f.organisation_id = c.organisation_id AND f.complaint_id = c.id)
     UNION
     SELECT organisation_id FROM complaint_facts WHERE facts_version < $1
     ORDER BY 1`,
    [FACTS_VERSION],
  );
  return result.rows.map((r) => r.organisation_id);
}
