import { formatLongDate } from "../../calendar/day-number.ts";
import type { Breakdown } from "../figures.ts";
import { formatAverage, labelOfKey } from "../format.ts";
import type { ReportBlock, TableBlock, TableCell } from "../report-document.ts";
import { heading, paragraph, plural, type SectionContext } from "./context.ts";

/** The sections on how complaints ended and were put right: outcomes, refusals, remedies, hazards, customer voice. */

/** A breakdown at each stage (outcomes, refusals by ground) as a table with links to the complaints. */
function stagePairTable(
  ctx: SectionContext,
  caption: string,
  keyHeader: string,
  pair: { stage1: Breakdown; stage2: Breakdown },
  measure: string,
): TableBlock {
  const keys = [...new Set([...pair.stage1, ...pair.stage2].map((r) => r.key))];
  const cell = (b: Breakdown, stage: string, key: string): TableCell => ({
    value: b.find((r) => r.key === key)?.count ?? 0,
    href: ctx.links.drill(ctx.current.period, `${measure}.${stage}`, key),
  });
  return {
    kind: "table",
    caption,
    columns: [
      { header: keyHeader, type: "text" },
      { header: "Stage 1", type: "number", unit: "count" },
      { header: "Stage 2", type: "number", unit: "count" },
    ],
    rows: keys.map((key) => [
      labelOfKey(key),
      cell(pair.stage1, "stage1", key),
      cell(pair.stage2, "stage2", key),
    ]),
    firstCellIsHeader: true,
  };
}

export function outcomesSection(ctx: SectionContext): ReportBlock[] {
  return [
    heading("Outcomes"),
    paragraph("The responses issued in the period, by their outcome."),
    stagePairTable(
      ctx,
      `Outcomes of responses: ${ctx.current.period.label}`,
      "Outcome",
      ctx.current.measures.outcomes,
      "outcomes",
    ),
  ];
}

export function refusalsSection(ctx: SectionContext): ReportBlock[] {
  const { refusals } = ctx.current.measures;
  if (refusals.stage1.length === 0 && refusals.stage2.length === 0)
    return [heading("Refusals"), paragraph(`No complaint was refused in ${ctx.current.period.label}.`)];
  return [
    heading("Refusals"),
    paragraph(
      "Matters not accepted as a complaint (Stage 1) or not escalated (Stage 2) in the period, by the ground in your complaints policy. The annual report must summarise these (Code 8.1).",
    ),
    stagePairTable(ctx, `Refusals by ground: ${ctx.current.period.label}`, "Ground", refusals, "refusals"),
  ];
}

export function remediesSection(ctx: SectionContext): ReportBlock[] {
  const r = ctx.current.measures.remedies;
  const drill = (measure: string) => ctx.links.drill(ctx.current.period, measure);
  const asAt = formatLongDate(r.asAt);
  return [
    heading("Remedies and compensation"),
    paragraph(
      `Remedies offered in responses issued in the period and remedies completed in it; overdue means due before ${asAt} and not done by then (Code 6.6: remedies must be followed through).`,
    ),
    {
      kind: "figures",
      figures: [
        { label: "Remedies offered", value: r.offered.count, unit: "count", href: drill("remedies.offered") },
        {
          label: "Compensation offered",
          value: r.compensationOffered.pence / 100,
          unit: "pounds",
          href: drill("remedies.compensationOffered"),
        },
        {
          label: "Remedies completed",
          value: r.completed.count,
          unit: "count",
          href: drill("remedies.completed"),
        },
        {
          label: "Compensation paid",
          value: r.compensationPaid.pence / 100,
          unit: "pounds",
          href: drill("remedies.compensationPaid"),
        },
        {
          label: `Remedies overdue at ${asAt}`,
          value: r.overdueRemedies.count,
          unit: "count",
          href: drill("remedies.overdueRemedies"),
        },
        {
          label: `Follow-up actions overdue at ${asAt}`,
          value: r.overdueActions.count,
          unit: "count",
          href: drill("remedies.overdueActions"),
        },
      ],
    },
  ];
}

export function hazardsSection(ctx: SectionContext): ReportBlock[] {
  const h = ctx.current.measures.hazards;
  const drill = (measure: string) => ctx.links.drill(ctx.current.period, measure);
  return [
    heading("Health and safety hazards"),
    paragraph(
      "Complaints flagged with a hazard in the period (damp and mould, gas, electrics, water, security), and how quickly each was made safe against your own target and the legal limit.",
    ),
    {
      kind: "figures",
      figures: [
        { label: "Hazards flagged", value: h.flagged.count, unit: "count", href: drill("hazards.flagged") },
        { label: "Made safe", value: h.madeSafe.count, unit: "count", href: drill("hazards.madeSafe") },
        {
          label: "Made safe within the legal limit",
          value: h.madeSafeByLegalLimit.value,
          unit: "percent",
          note: `${h.madeSafeByLegalLimit.numerator} of ${h.madeSafeByLegalLimit.denominator} made safe.`,
          href: drill("hazards.madeSafeByLegalLimit.denominator"),
        },
        {
          label: "Not yet made safe",
          value: h.notYetMadeSafe.count,
          unit: "count",
          href: drill("hazards.notYetMadeSafe"),
        },
      ],
    },
  ];
}

/** What residents said beyond complaints: satisfaction with complaint handling, compliments, service requests. */
export function customerVoiceSection(ctx: SectionContext): ReportBlock[] {
  const { survey, contacts } = ctx.current.measures;
  const drill = (measure: string, group?: string) => ctx.links.drill(ctx.current.period, measure, group);
  const average = survey.averageSatisfaction.value;
  const scores: TableBlock = {
    kind: "table",
    caption: `Satisfaction with how the complaint was handled: ${ctx.current.period.label}`,
    columns: [
      { header: "Answer (1 very dissatisfied, 5 very satisfied)", type: "text" },
      { header: "Residents", type: "number", unit: "count" },
    ],
    rows: survey.byScore.map((row) => [
      row.key,
      { value: row.count, href: drill("survey.byScore", row.key) },
    ]),
    firstCellIsHeader: true,
  };
  const kinds: TableBlock = {
    kind: "table",
    caption: `Service requests, feedback and compliments logged: ${ctx.current.period.label}`,
    columns: [
      { header: "Kind", type: "text" },
      { header: "Logged", type: "number", unit: "count" },
    ],
    rows: contacts.byKind.map((row) => [
      labelOfKey(row.key),
      { value: row.count, href: drill("contacts.byKind", row.key) },
    ]),
    firstCellIsHeader: true,
  };
  const became = contacts.serviceRequestsBecameComplaints;
  return [
    heading("Customer voice"),
    paragraph(
      survey.answers.count === 0
        ? "No resident answered the closing survey in the period."
        : `${plural(survey.answers.count, "resident")} answered the closing survey; their average satisfaction was ${formatAverage(average, "out of 5")}. This is your own survey, not TSM TP09.`,
    ),
    ...(survey.answers.count > 0 ? [scores] : []),
    kinds,
    {
      kind: "figures",
      figures: [
        {
          label: "Service requests that became complaints",
          value: became.value,
          unit: "percent",
          note: `${became.numerator} of ${became.denominator} service requests logged in the period.`,
          href: drill("contacts.serviceRequestsBecameComplaints.numerator"),
        },
      ],
    },
  ];
}
