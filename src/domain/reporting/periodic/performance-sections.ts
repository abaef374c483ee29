import { formatLongDate } from "../../calendar/day-number.ts";
import { CODE_2024 } from "../../policy/code-2024.ts";
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
