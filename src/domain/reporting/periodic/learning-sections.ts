import { formatLongDate } from "../../calendar/day-number.ts";
import type { LessonStatus } from "../../governance/lessons.ts";
import { codeNonCompliance, ombudsmanSummary, orderState } from "../../governance/ombudsman.ts";
import { publishedEntry } from "../../governance/you-said-we-did.ts";
import { labelOfKey } from "../format.ts";
import type { ReportBlock, TableBlock, TableCell } from "../report-document.ts";
import { within } from "../reporting-year.ts";
import { heading, paragraph, type SectionContext } from "./context.ts";
import {
  categoryMovements,
  RECURRING_THEME_COMPLAINTS,
  RISING_FACTOR,
  RISING_MINIMUM,
  systemicIssues,
  TOP_CATEGORIES,
  type CategoryMovement,
} from "./themes.ts";

const movementsOf = (ctx: SectionContext): CategoryMovement[] =>
  categoryMovements(ctx.input.trend.map((p) => p.measures.volumes.byCategory));

/** Themes: the categories most complained about this period, and how each moved since the period before. */
export function themesSection(ctx: SectionContext): ReportBlock[] {
  const top = movementsOf(ctx).slice(0, TOP_CATEGORIES);
  const { current, previous } = ctx;
  if (top.length === 0)
    return [
      heading("Themes"),
      paragraph(`No complaint was received in ${current.period.label} or the period before.`),
    ];
  const drill = (period: typeof current.period, key: string) =>
    ctx.links.drill(period, "volumes.byCategory", key);
  const table: TableBlock = {
    kind: "table",
    caption: `The ${top.length} categories most complained about: ${current.period.label}`,
    columns: [
      { header: "Category", type: "text" },
      { header: current.period.label, type: "number", unit: "count" },
      ...(previous
        ? [
            { header: previous.period.label, type: "number" as const, unit: "count" as const },
            { header: "Change", type: "number" as const, unit: "count" as const },
          ]
        : []),
    ],
    rows: top.map((m): TableCell[] => [
      labelOfKey(m.key),
      { value: m.current.count, href: drill(current.period, m.key) },
      ...(previous
        ? [
            { value: m.previous.count, href: drill(previous.period, m.key) },
            m.current.count - m.previous.count,
          ]
        : []),
    ]),
    firstCellIsHeader: true,
  };
  const blocks: ReportBlock[] = [
    heading("Themes"),
    paragraph(
      "Stage 1 complaints received in the period by what they are filed under now, most first; the change is against the period before (a fall is negative).",
    ),
  ];
  if (previous)
    blocks.push({
      kind: "chart",
      chart: {
        kind: "grouped-bar",
        title: "The categories most complained about",
        description: `Complaints received in each of the ${top.length} categories most complained about in ${current.period.label}, beside ${previous.period.label}.`,
        categoryAxis: { label: "Category", categories: top.map((m) => labelOfKey(m.key)) },
        valueAxis: { label: "Complaints received", unit: "count" },
        series: [
          {
            label: previous.period.label,
            values: top.map((m) => m.previous.count),
            hrefs: top.map((m) => drill(previous.period, m.key)),
          },
          {
            label: current.period.label,
            values: top.map((m) => m.current.count),
            hrefs: top.map((m) => drill(current.period, m.key)),
          },
        ],
      },
    });
  blocks.push(table);
  return blocks;
}

const OPEN: readonly LessonStatus[] = ["to-do", "planned", "overdue"];

/** Systemic issues (Code 9.4): lesson themes recurring across complaints, and categories rising well above usual. */
export function systemicIssuesSection(ctx: SectionContext): ReportBlock[] {
  const issues = systemicIssues(ctx.input.lessons, movementsOf(ctx));
  const earlier = ctx.input.trend.length - 1;
  const rule = `A lesson theme is listed when lessons from ${RECURRING_THEME_COMPLAINTS} or more complaints in the period record it; a category is listed when ${RISING_MINIMUM} or more complaints were received under it and that is at least ${RISING_FACTOR} times its average over the ${earlier} periods before. These are prompts to look into, not conclusions.`;
  if (issues.length === 0)
    return [heading("Systemic issues"), paragraph(rule), paragraph("Nothing met either test this period.")];
  const period = ctx.current.period;
  const rows = issues.map((issue): TableCell[] =>
    issue.kind === "recurring-theme"
      ? [
          labelOfKey(issue.key),
          `Lesson theme: ${issue.lessons} lessons, ${issue.open} still open`,
          { value: issue.references.length, href: ctx.links.learningTheme(period, issue.key) },
        ]
      : [
          labelOfKey(issue.key),
          `Rising category: ${issue.count} complaints against an average of ${issue.earlierAverage.toFixed(1)} before`,
          { value: issue.references.length, href: ctx.links.drill(period, "volumes.byCategory", issue.key) },
        ],
  );
  return [
    heading("Systemic issues"),
    paragraph(rule),
    {
      kind: "table",
      caption: `Possible systemic issues: ${period.label}`,
      columns: [
        { header: "Issue", type: "text" },
        { header: "Why it is listed", type: "text" },
        { header: "Complaints", type: "number", unit: "count" },
      ],
      rows,
      firstCellIsHeader: true,
    },
  ];
}

const STATUS_WORDS: Record<LessonStatus, string> = {
  "to-do": "No action recorded yet",
  "nothing-to-learn": "Nothing to learn",
  planned: "Action planned",
  overdue: "Action overdue",
  done: "Done",
  "no-action": "No action needed",
};

/** Learning (Code 9.1-9.3): the lessons recorded at responses issued in the period, and what is being done. */
export function learningSection(ctx: SectionContext): ReportBlock[] {
  const { lessons } = ctx.input;
  const counted = (statuses: readonly LessonStatus[]) =>
    lessons.filter((l) => statuses.includes(l.status)).length;
  const blocks: ReportBlock[] = [
    heading("Learning"),
    paragraph(
      `Lessons recorded in the responses issued in ${ctx.current.period.label}, and where each stands on ${formatLongDate(ctx.input.producedOn)}.`,
    ),
    {
      kind: "figures",
      figures: [
        { label: "Lessons recorded", value: lessons.length, unit: "count" },
        { label: "No action recorded yet", value: counted(["to-do"]), unit: "count" },
        { label: "Action planned", value: counted(["planned"]), unit: "count" },
        { label: "Action overdue", value: counted(["overdue"]), unit: "count" },
        { label: "Done, or no action needed", value: counted(["done", "no-action"]), unit: "count" },
      ],
    },
  ];
  if (!ctx.spec.listLessons || lessons.length === 0) return blocks;
  const listed = lessons.filter((l) => l.status !== "nothing-to-learn");
  if (listed.length === 0) return blocks;
  blocks.push({
    kind: "table",
    caption: `Lessons and actions: ${ctx.current.period.label}`,
    columns: [
      { header: "Complaint", type: "text" },
      { header: "Lesson", type: "text" },
      { header: "Themes", type: "text" },
      { header: "Action", type: "text" },
      { header: "Owner", type: "text" },
      { header: "Due", type: "date" },
      { header: "Status", type: "text" },
    ],
    rows: [...listed]
      .sort((a, b) => OPEN.indexOf(b.status) - OPEN.indexOf(a.status))
      .map((l) => [
        { value: l.reference, href: ctx.links.complaint(l.reference) },
        l.text,
        l.themes.map(labelOfKey).join(", "),
        l.action,
        l.owner,
        l.dueOn,
        STATUS_WORDS[l.status],
      ]),
    firstCellIsHeader: true,
  });
  return blocks;
}

/** "You said, we did" (Code 9.3): entries approved for residents whose change was made in the period. */
export function youSaidWeDidSection(ctx: SectionContext): ReportBlock[] {
  const entries = ctx.input.youSaidWeDid
    .filter((e) => e.status === "approved" && within(e.changedOn, ctx.current.period))
    .map(publishedEntry);
  if (entries.length === 0)
    return [
      heading("You said, we did"),
      paragraph(`No “you said, we did” change was approved for ${ctx.current.period.label}.`),
    ];
  return [
    heading("You said, we did"),
    paragraph("Changes made because of complaints, as approved for publishing to residents."),
    {
      kind: "table",
      caption: `You said, we did: ${ctx.current.period.label}`,
      columns: [
        { header: "You said", type: "text" },
        { header: "We did", type: "text" },
        { header: "Themes", type: "text" },
      ],
      rows: entries.map((e) => [e.youSaid, e.weDid, e.themes.join(", ")]),
      firstCellIsHeader: false,
    },
  ];
}

/** The Ombudsman (Code 9.7): decisions made about the landlord in the period, and orders being complied with. */
export function ombudsmanSection(ctx: SectionContext): ReportBlock[] {
  const period = ctx.current.period;
  const cases = ctx.input.ombudsmanCases;
  const summary = ombudsmanSummary(cases, period, ctx.input.producedOn);
  const faults =
    summary.findings["severe-maladministration"] +
    summary.findings.maladministration +
    summary.findings["service-failure"];
  const decided = cases
    .filter((c) => within(c.decidedOn, period))
    .sort((a, b) => (a.decidedOn < b.decidedOn ? -1 : 1));
  const nonCompliance = codeNonCompliance(cases, period);
  const open = cases.flatMap((c) =>
    c.orders
      .filter((o) => o.kind === "order" && !o.compliedOn)
      .map((o) => ({ c, o, state: orderState(o, ctx.input.producedOn) })),
  );
  const blocks: ReportBlock[] = [
    heading("The Housing Ombudsman"),
    {
      kind: "figures",
      figures: [
        { label: "Determinations made in the period", value: summary.determinations, unit: "count" },
        { label: "Complaint Handling Failure Orders", value: summary.failureOrders, unit: "count" },
        { label: "Findings of fault (maladministration or service failure)", value: faults, unit: "count" },
        { label: "Findings that the Code was not complied with", value: nonCompliance.length, unit: "count" },
        { label: "Orders not yet complied with", value: summary.ordersOutstanding, unit: "count" },
        { label: "Orders overdue", value: summary.ordersOverdue, unit: "count" },
      ],
    },
  ];
  if (decided.length > 0)
    blocks.push({
      kind: "table",
      caption: `Decisions made in ${period.label}`,
      columns: [
        { header: "Ombudsman reference", type: "text" },
        { header: "Decided", type: "date" },
        { header: "Kind", type: "text" },
        { header: "Findings", type: "text" },
        { header: "Complaint", type: "text" },
      ],
      rows: decided.map((c) => [
        c.hosReference,
        c.decidedOn,
        labelOfKey(c.kind),
        c.findings.map((f) => `${f.element}: ${labelOfKey(f.finding).toLowerCase()}`).join("; ") ||
          "None recorded",
        c.complaintReference
          ? { value: c.complaintReference, href: ctx.links.complaint(c.complaintReference) }
          : null,
      ]),
      firstCellIsHeader: true,
    });
  if (open.length > 0)
    blocks.push({
      kind: "table",
      caption: "Orders not yet complied with",
      columns: [
        { header: "Ombudsman reference", type: "text" },
        { header: "Order", type: "text" },
        { header: "Due", type: "date" },
        { header: "Status", type: "text" },
      ],
      rows: open.map(({ c, o, state }) => [c.hosReference, o.description, o.dueOn, labelOfKey(state)]),
      firstCellIsHeader: true,
    });
  return blocks;
}
