import { formatLongDate } from "../../calendar/day-number.ts";
import { CODE_2024 } from "../../policy/code-2024.ts";
import type { Breakdown } from "../figures.ts";
import { formatAverage, labelOfKey } from "../format.ts";
import type { Measures } from "../measures.ts";
import type { Figure, ReportBlock, TableBlock, TableCell, ValueUnit } from "../report-document.ts";
import type { Measure } from "../tsm.ts";
import { heading, movement, paragraph, plural, sentences, type SectionContext } from "./context.ts";

type Pick = (m: Measures) => number | null;

/** A headline figure of the report's period, with how it moved since the period before. */
function figureOf(
  ctx: SectionContext,
  label: string,
  unit: ValueUnit,
  pick: Pick,
  options: { worked?: (m: Measures) => string; measure?: string } = {},
): Figure {
  const { current, previous } = ctx;
  const value = pick(current.measures);
  const before = previous ? { value: pick(previous.measures), label: previous.period.label } : null;
  const note = sentences(options.worked?.(current.measures), movement(value, before, unit));
  return {
    label,
    value,
    unit,
    ...(note ? { note } : {}),
    ...(options.measure ? { href: ctx.links.drill(current.period, options.measure) } : {}),
  };
}

const ofResponses = (m: Measure) => `${m.numerator} of ${plural(m.denominator, "response")}.`;
const ofAcknowledgements = (m: Measure) => `${m.numerator} of ${plural(m.denominator, "acknowledgement")}.`;

export function summarySection(ctx: SectionContext): ReportBlock[] {
  const t = (m: Measures) => m.timeliness;
  return [
    heading("Summary"),
    paragraph(`${ctx.current.period.label}${ctx.previous ? `, against ${ctx.previous.period.label}` : ""}.`),
    {
      kind: "figures",
      figures: [
        figureOf(ctx, "Stage 1 complaints received", "count", (m) => m.volumes.stage1Received.count, {
          measure: "volumes.stage1Received",
        }),
        figureOf(ctx, "Stage 2 requests received", "count", (m) => m.volumes.stage2Received.count, {
          measure: "volumes.stage2Received",
        }),
        figureOf(
          ctx,
          "Stage 1 complaints acknowledged within the Code's 5 working days",
          "percent",
          (m) => t(m).stage1.acknowledgedByCodeLimit.value,
          {
            worked: (m) => ofAcknowledgements(t(m).stage1.acknowledgedByCodeLimit),
            measure: "timeliness.stage1.acknowledgedByCodeLimit.denominator",
          },
        ),
        figureOf(
          ctx,
          "Stage 1 responses within the Code's timescale",
          "percent",
          (m) => t(m).stage1.respondedByCodeLimit.value,
          {
            worked: (m) => ofResponses(t(m).stage1.respondedByCodeLimit),
            measure: "timeliness.stage1.respondedByCodeLimit.denominator",
          },
        ),
        figureOf(
          ctx,
          "Stage 2 responses within the Code's timescale",
          "percent",
          (m) => t(m).stage2.respondedByCodeLimit.value,
          {
            worked: (m) => ofResponses(t(m).stage2.respondedByCodeLimit),
            measure: "timeliness.stage2.respondedByCodeLimit.denominator",
          },
        ),
        figureOf(ctx, "Stage 1 responses escalated to Stage 2", "percent", (m) => m.escalation.value, {
          worked: (m) => ofResponses(m.escalation),
          measure: "escalation.denominator",
        }),
        figureOf(ctx, "Compensation paid", "pounds", (m) => m.remedies.compensationPaid.pence / 100, {
          worked: (m) => `${plural(m.remedies.compensationPaid.count, "payment")}.`,
          measure: "remedies.compensationPaid",
        }),
        figureOf(
          ctx,
          `Remedies overdue at ${formatLongDate(ctx.current.measures.asAt)}`,
          "count",
          (m) => m.remedies.overdueRemedies.count,
          { measure: "remedies.overdueRemedies" },
        ),
      ],
    },
  ];
}

/** The reporting year so far: the same headline figures, from 1 April to the end of the report's period. */
export function yearToDateSection(ctx: SectionContext): ReportBlock[] {
  const ytd = ctx.input.yearToDate;
  if (!ytd) return [];
  const m = ytd.measures;
  const drill = (measure: string) => ctx.links.drill(ytd.period, measure);
  return [
    heading("The year to date"),
    paragraph(
      `From ${formatLongDate(ytd.period.from)} to ${formatLongDate(ytd.period.to)}. Responses within the Code's timescale are counted as TSM CH02 counts them by default (a response inside an extension the Code allows is within it); the published CH02 figures are in the Tenant Satisfaction Measures report.`,
    ),
    {
      kind: "figures",
      figures: [
        {
          label: "Stage 1 complaints received",
          value: m.volumes.stage1Received.count,
          unit: "count",
          href: drill("volumes.stage1Received"),
        },
        {
          label: "Stage 2 requests received",
          value: m.volumes.stage2Received.count,
          unit: "count",
          href: drill("volumes.stage2Received"),
        },
        {
          label: "Stage 1 responses within the Code's timescale",
          value: m.timeliness.stage1.respondedByCodeLimit.value,
          unit: "percent",
          note: ofResponses(m.timeliness.stage1.respondedByCodeLimit),
          href: drill("timeliness.stage1.respondedByCodeLimit.denominator"),
        },
        {
          label: "Stage 2 responses within the Code's timescale",
          value: m.timeliness.stage2.respondedByCodeLimit.value,
          unit: "percent",
          note: ofResponses(m.timeliness.stage2.respondedByCodeLimit),
          href: drill("timeliness.stage2.respondedByCodeLimit.denominator"),
        },
        {
          label: "Compensation paid",
          value: m.remedies.compensationPaid.pence / 100,
          unit: "pounds",
          note: `${plural(m.remedies.compensationPaid.count, "payment")}.`,
          href: drill("remedies.compensationPaid"),
        },
      ],
    },
  ];
}

export function trendsSection(ctx: SectionContext): ReportBlock[] {
  const { trend } = ctx.input;
  if (trend.length < 2) return [];
  const categories = trend.map((p) => p.period.short);
  const series = (label: string, pick: Pick, measure: string) => ({
    label,
    values: trend.map((p) => pick(p.measures)),
    hrefs: trend.map((p) => ctx.links.drill(p.period, measure)),
  });
  const unitName = ctx.spec.cadence === "month" ? "Month" : "Quarter";
  return [
    heading("Trends"),
    paragraph(
      `The last ${trend.length} ${ctx.spec.cadence === "month" ? "months" : "quarters"}, oldest first.`,
    ),
    {
      kind: "chart",
      chart: {
        kind: "line",
        title: "Complaints received",
        description: `Stage 1 complaints received and Stage 2 requests made in each ${ctx.spec.cadence}, from ${trend[0]?.period.label} to ${ctx.current.period.label}.`,
        categoryAxis: { label: unitName, categories },
        valueAxis: { label: "Complaints", unit: "count" },
        series: [
          series("Stage 1", (m) => m.volumes.stage1Received.count, "volumes.stage1Received"),
          series("Stage 2", (m) => m.volumes.stage2Received.count, "volumes.stage2Received"),
        ],
      },
    },
    {
      kind: "chart",
      chart: {
        kind: "line",
        title: "Responses within the Code's timescales",
        description: `The share of the responses issued in each ${ctx.spec.cadence} that were issued within the Code's timescale (${CODE_2024.stage1ResponseWorkingDays} working days from acknowledgement at Stage 1, ${CODE_2024.stage2ResponseWorkingDays} at Stage 2, with extensions the Code allows). A gap means no responses were issued.`,
        categoryAxis: { label: unitName, categories },
        valueAxis: { label: "Responses within the Code's timescale", unit: "percent" },
        series: [
          series(
            "Stage 1",
            (m) => m.timeliness.stage1.respondedByCodeLimit.value,
            "timeliness.stage1.respondedByCodeLimit.denominator",
          ),
          series(
            "Stage 2",
            (m) => m.timeliness.stage2.respondedByCodeLimit.value,
            "timeliness.stage2.respondedByCodeLimit.denominator",
          ),
        ],
      },
    },
  ];
}

export function timelinessSection(ctx: SectionContext): ReportBlock[] {
  const periods = [ctx.current, ...(ctx.previous ? [ctx.previous] : [])];
  const stages = [1, 2] as const;
  const columns = stages.flatMap((stage) =>
    periods.map((p) => ({
      header: `Stage ${stage}: ${p.period.label}`,
      stage,
      measures: p.measures,
      period: p.period,
    })),
  );
  const shareRow = (label: string, key: ShareKey): TableCell[] => [
    label,
    ...columns.map((c) => {
      const m = c.measures.timeliness[`stage${c.stage}`][key];
      return {
        value: m.value,
        href: ctx.links.drill(c.period, `timeliness.stage${c.stage}.${key}.denominator`),
      };
    }),
  ];
  const dayRow = (label: string, key: "daysToAcknowledge" | "daysToRespond"): TableCell[] => [
    label,
    ...columns.map((c) => c.measures.timeliness[`stage${c.stage}`][key].value),
  ];
  const percentTable: TableBlock = {
    kind: "table",
    caption: "Timeliness: the share of acknowledgements and responses on time",
    columns: [
      { header: "Measure", type: "text" },
      ...columns.map((c) => ({ header: c.header, type: "number" as const, unit: "percent" as const })),
    ],
    rows: [
      shareRow("Acknowledged within the Code's limit", "acknowledgedByCodeLimit"),
      shareRow("Acknowledged by our own target", "acknowledgedByTarget"),
      shareRow("Responded within the Code's limit", "respondedByCodeLimit"),
      shareRow("Responded by our own target", "respondedByTarget"),
      shareRow("Responses after an extension", "extended"),
    ],
    firstCellIsHeader: true,
  };
  const daysTable: TableBlock = {
    kind: "table",
    caption: "Average working days taken",
    columns: [
      { header: "Measure", type: "text" },
      ...columns.map((c) => ({ header: c.header, type: "number" as const, unit: "working-days" as const })),
    ],
    rows: [dayRow("To acknowledge", "daysToAcknowledge"), dayRow("To respond", "daysToRespond")],
    firstCellIsHeader: true,
  };
  return [
    heading("Timeliness"),
    paragraph(
      "Acknowledgements made and responses issued in the period, whenever the complaint came in, against the Code's limits and your own targets. Working days are counted from receipt at Stage 1 and from the request to escalate at Stage 2.",
    ),
    percentTable,
    daysTable,
  ];
}

type ShareKey =
  | "acknowledgedByCodeLimit"
  | "acknowledgedByTarget"
  | "respondedByCodeLimit"
  | "respondedByTarget"
  | "extended";

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
