import { formatLongDate } from "../calendar/day-number.ts";
import { CODE_2024 } from "../policy/code-2024.ts";
import type { Measures } from "./measures.ts";
import {
  amountCells,
  averageCells,
  breakdownTable,
  countCells,
  FIGURE_HEAD,
  shareCells,
  stagePairTable,
  type ReportRow,
  type ReportTable,
} from "./report-tables.ts";
import type { StageTimeliness } from "./timeliness.ts";

/**
 * The measures report (everything beyond the TSMs) as tables, in the order the page shows them. The drill
 * names are the figures' paths in `Measures`, so `/reports/drill?measure=...` finds them here.
 */
export function measuresTables(m: Measures): ReportTable[] {
  const asAt = formatLongDate(m.asAt);
  return [
    timelinessTable(m.timeliness.stage1, 1),
    timelinessTable(m.timeliness.stage2, 2),
    {
      id: "received",
      caption: "Complaints received, escalated and withdrawn",
      description:
        "Stage 1 complaints by the day received and Stage 2 by the day the resident asked to escalate, every one logged (refused ones too). The escalation rate is the share of the Stage 1 responses issued in the period whose resident has since asked for Stage 2.",
      head: FIGURE_HEAD,
      rows: [
        {
          header: "Stage 1 complaints received",
          cells: countCells(m.volumes.stage1Received, "volumes.stage1Received"),
        },
        {
          header: "Stage 2 requests received",
          cells: countCells(m.volumes.stage2Received, "volumes.stage2Received"),
        },
        {
          header: "Escalated to Stage 2 after a Stage 1 response",
          cells: shareCells(m.escalation, "escalation"),
        },
        { header: "Withdrawn at Stage 1", cells: countCells(m.withdrawals.stage1, "withdrawals.stage1") },
        { header: "Withdrawn at Stage 2", cells: countCells(m.withdrawals.stage2, "withdrawals.stage2") },
      ],
    },
    breakdownTable(
      {
        id: "channels",
        caption: "Stage 1 complaints received, by channel",
        description: "How each complaint received in the period reached the landlord.",
        keyHeading: "Channel",
        countHeading: "Complaints",
      },
      m.volumes.byChannel,
      "volumes.byChannel",
    ),
    breakdownTable(
      {
        id: "categories",
        caption: "Stage 1 complaints received, by category",
        description: "What each complaint received in the period is filed under now.",
        keyHeading: "Category",
        countHeading: "Complaints",
      },
      m.volumes.byCategory,
      "volumes.byCategory",
    ),
    breakdownTable(
      {
        id: "handlers",
        caption: "Stage 1 complaints received, by Stage 1 handler",
        description:
          "Who handles each complaint received in the period at Stage 1 now (Redress records handlers, not teams).",
        keyHeading: "Handler",
        countHeading: "Complaints",
      },
      m.volumes.byHandler,
      "volumes.byHandler",
      { labelOf: (key) => (key === "not-recorded" ? "Not recorded" : key) },
    ),
    stagePairTable(
      {
        id: "outcomes",
        caption: "Outcomes of the responses issued",
        description: "The responses issued in the period at each stage, by outcome.",
        keyHeading: "Outcome",
      },
      m.outcomes,
      "outcomes",
    ),
    stagePairTable(
      {
        id: "refusals",
        caption: "Matters refused, by ground",
        description:
          "Matters the landlord refused to take (or take further) as a complaint in the period, by the day refused (Code 8.1(b)).",
        keyHeading: "Ground",
      },
      m.refusals,
      "refusals",
    ),
    {
      id: "remedies",
      caption: "Putting things right",
      description: `Remedies by the day of the response that offered them and the day recorded as done; compensation is the remedies with an amount (paid when done). Overdue: due before ${asAt} and not done by it.`,
      head: FIGURE_HEAD,
      rows: [
        { header: "Remedies offered", cells: countCells(m.remedies.offered, "remedies.offered") },
        {
          header: "Compensation offered",
          cells: amountCells(m.remedies.compensationOffered, "remedies.compensationOffered"),
        },
        { header: "Remedies completed", cells: countCells(m.remedies.completed, "remedies.completed") },
        {
          header: "Compensation paid",
          cells: amountCells(m.remedies.compensationPaid, "remedies.compensationPaid"),
        },
        {
          header: `Remedies overdue at ${asAt}`,
          cells: countCells(m.remedies.overdueRemedies, "remedies.overdueRemedies"),
        },
        {
          header: `Follow-up actions overdue at ${asAt}`,
          cells: countCells(m.remedies.overdueActions, "remedies.overdueActions"),
        },
      ],
    },
    breakdownTable(
      {
        id: "remedy-types",
        caption: "Remedies offered, by type",
        description: "The remedies offered in the period (Code 7.1), one for each remedy.",
        keyHeading: "Remedy",
        countHeading: "Remedies",
      },
      m.remedies.offeredByType,
      "remedies.offeredByType",
    ),
    {
      id: "hazards",
      caption: "Health and safety hazards",
      description:
        "Hazards flagged on complaints in the period, one for each hazard. The target is the landlord's own (its risk filter), never later than the legal limit: 24 hours for an emergency hazard, 10 working days to investigate a significant one.",
      head: FIGURE_HEAD,
      rows: [
        { header: "Hazards flagged", cells: countCells(m.hazards.flagged, "hazards.flagged") },
        ...m.hazards.bySeverity.map((row): ReportRow => ({
          header: row.key === "emergency" ? "Emergency hazards" : "Significant hazards",
          cells: countCells(row, "hazards.bySeverity", { group: row.key }),
        })),
        { header: "Made safe", cells: countCells(m.hazards.madeSafe, "hazards.madeSafe") },
        {
          header: "Made safe by the landlord's target",
          cells: shareCells(m.hazards.madeSafeByTarget, "hazards.madeSafeByTarget"),
        },
        {
          header: "Made safe within the legal limit",
          cells: shareCells(m.hazards.madeSafeByLegalLimit, "hazards.madeSafeByLegalLimit"),
        },
        {
          header: "Not yet made safe",
          cells: countCells(m.hazards.notYetMadeSafe, "hazards.notYetMadeSafe"),
        },
        {
          header: "Average time to make safe",
          cells: averageCells(m.hazards.hoursToMakeSafe, "hazards.hoursToMakeSafe", "hours"),
        },
      ],
    },
    breakdownTable(
      {
        id: "contacts",
        caption: "Contacts logged",
        description: "Every contact logged in the period, by kind (Code 1.4).",
        keyHeading: "Kind",
        countHeading: "Contacts",
      },
      m.contacts.byKind,
      "contacts.byKind",
      { of: "contacts" },
    ),
    {
      id: "service-requests",
      caption: "Service requests that became complaints",
      description:
        "Of the service requests logged in the period, those from which a complaint has been raised.",
      head: FIGURE_HEAD,
      rows: [
        {
          header: "Service requests that became complaints",
          cells: shareCells(
            m.contacts.serviceRequestsBecameComplaints,
            "contacts.serviceRequestsBecameComplaints",
            "contacts",
          ),
        },
      ],
    },
    {
      id: "survey",
      caption: "Satisfaction survey",
      description:
        "Closing survey answers given in the period, 1 (very dissatisfied) to 5 (very satisfied). This is the landlord's own survey, not the TSM TP09 measure.",
      head: FIGURE_HEAD,
      rows: [
        { header: "Answers", cells: countCells(m.survey.answers, "survey.answers") },
        {
          header: "Average satisfaction",
          cells: averageCells(m.survey.averageSatisfaction, "survey.averageSatisfaction", "out of 5"),
        },
        ...m.survey.byScore.map((row): ReportRow => ({
          header: `Answered ${row.key}`,
          cells: countCells(row, "survey.byScore", { group: row.key }),
        })),
      ],
    },
  ];
}

function timelinessTable(t: StageTimeliness, stage: 1 | 2): ReportTable {
  const path = `timeliness.stage${stage}`;
  const responseDays =
    stage === 1 ? CODE_2024.stage1ResponseWorkingDays : CODE_2024.stage2ResponseWorkingDays;
  return {
    id: `timeliness-stage${stage}`,
    caption: `Stage ${stage} timeliness`,
    description: `Acknowledgements made and responses issued in the period, against the landlord's own targets and the Code's limits (${CODE_2024.acknowledgementWorkingDays} working days to acknowledge; ${responseDays} to respond from the acknowledgement, with extensions the Code allows). Working days are counted from ${stage === 1 ? "receipt" : "the request to escalate"}.`,
    head: FIGURE_HEAD,
    rows: [
      { header: "Acknowledgements made", cells: countCells(t.acknowledged, `${path}.acknowledged`) },
      {
        header: "Acknowledged by the landlord's target",
        cells: shareCells(t.acknowledgedByTarget, `${path}.acknowledgedByTarget`),
      },
      {
        header: "Acknowledged within the Code's limit",
        cells: shareCells(t.acknowledgedByCodeLimit, `${path}.acknowledgedByCodeLimit`),
      },
      {
        header: "Average time to acknowledge",
        cells: averageCells(t.daysToAcknowledge, `${path}.daysToAcknowledge`, "working days"),
      },
      { header: "Responses issued", cells: countCells(t.responded, `${path}.responded`) },
      {
        header: "Responded by the landlord's target",
        cells: shareCells(t.respondedByTarget, `${path}.respondedByTarget`),
      },
      {
        header: "Responded within the Code's limit",
        cells: shareCells(t.respondedByCodeLimit, `${path}.respondedByCodeLimit`),
      },
      { header: "Responses after an extension", cells: shareCells(t.extended, `${path}.extended`) },
      {
        header: "Average time to respond",
        cells: averageCells(t.daysToRespond, `${path}.daysToRespond`, "working days"),
      },
    ],
  };
}

/** How the measures tables group under headings (by table id), for a page or a printed report. */
export const MEASURES_SECTIONS: readonly { heading: string; tables: readonly string[] }[] = [
  { heading: "Timeliness", tables: ["timeliness-stage1", "timeliness-stage2"] },
  { heading: "Complaints received", tables: ["received", "channels", "categories", "handlers"] },
  { heading: "Outcomes and refusals", tables: ["outcomes", "refusals"] },
  { heading: "Putting things right", tables: ["remedies", "remedy-types"] },
  { heading: "Health and safety hazards", tables: ["hazards"] },
  { heading: "Contacts", tables: ["contacts", "service-requests"] },
  { heading: "Satisfaction", tables: ["survey"] },
];
