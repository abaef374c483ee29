import { formatLongDate, londonDateOf, type LocalDate } from "../calendar/day-number.ts";
import type { Figure, ReportBlock, ReportDocument } from "../reporting/report-document.ts";
import { formatValue } from "../reporting/report-format.ts";
import type {
  AnnualReportContent,
  Figure as ReportedFigure,
  OmbudsmanPublication,
  ReportedCase,
} from "./annual-report.ts";
import { assessmentTable } from "./self-assessment-table.ts";

/**
 * A version as issued to the governing body, with its response once recorded (Code 8.2): the fields of a
 * stored version the report shows. Who issued it and who recorded the response stay off the report: it is
 * published, and they are the landlord's own records.
 */
export interface IssuedAnnualReport {
  version: number;
  issuedAt: Date;
  response: string | null;
  responseBody: string | null;
  responseGivenOn: LocalDate | null;
}

const count = (n: number) => formatValue(n, "count");
const words = (s: string) => s.replace(/-/g, " ");
const paragraph = (text: string): ReportBlock => ({ kind: "paragraph", text });
const heading = (level: 2 | 3, text: string): ReportBlock => ({ kind: "heading", level, text });
/** "2026-11" as "November 2026". */
const monthOf = (month: string) => formatLongDate(`${month}-01`).replace(/^\S+ \d+ /, "");

/**
 * The annual complaints performance and service improvement report (Code 8.1) as a report document, for
 * its PDF: the parts (a) to (f) in the order and words of its page, and for an issued version the governing
 * body's response first, as on the version's page. The content is what may be published (no complaint
 * references, nothing about a resident) and nothing is added to it. Lines that the page breaks with <br>
 * are kept apart by a newline within their paragraph.
 */
export function annualReportDocument(
  report: AnnualReportContent,
  issued?: IssuedAnnualReport,
): ReportDocument {
  const { label } = report.period;
  return {
    language: "en-GB",
    title: `Annual complaints performance and service improvement report ${label}`,
    organisation: report.organisation,
    period: report.period,
    producedOn: report.assembledOn,
    blocks: [
      ...(issued
        ? issuedVersion(issued)
        : [paragraph(`As it stands on ${formatLongDate(report.assembledOn)}: not yet issued.`)]),
      ...selfAssessment(report.selfAssessment),
      ...performance(report.performance, label),
      ...ombudsmanFindings(report.ombudsman, label),
      ...improvements(report.improvements, label),
      heading(2, "(e) The Ombudsman's annual letter or performance report"),
      ...publications(report.annualLetters),
      heading(2, "(f) Other Ombudsman reports or publications about us"),
      ...publications(report.otherReports),
    ],
  };
}

function issuedVersion(issued: IssuedAnnualReport): ReportBlock[] {
  const blocks = [
    paragraph(
      `Version ${issued.version}, issued to the governing body on ${formatLongDate(londonDateOf(issued.issuedAt))}.`,
    ),
    heading(2, "The governing body's response"),
  ];
  if (issued.responseGivenOn === null || issued.response === null)
    return [...blocks, paragraph("Not recorded yet.")];
  return [
    ...blocks,
    paragraph(`${issued.responseBody ?? "The governing body"}, ${formatLongDate(issued.responseGivenOn)}:`),
    ...issued.response
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "")
      .map(paragraph),
  ];
}

function selfAssessment(sa: AnnualReportContent["selfAssessment"]): ReportBlock[] {
  const title = heading(2, "(a) The annual self-assessment against the Complaint Handling Code");
  if (!sa) return [title, paragraph("No self-assessment has been saved for this year.")];
  const approval = sa.approvedOn
    ? `, approved by ${sa.approvedByBody ?? "the governing body"} on ${formatLongDate(sa.approvedOn)}`
    : ", not yet approved by the governing body";
  const { counts } = sa;
  return [
    title,
    paragraph(
      `Version ${sa.version}${approval}: ${count(counts.yes)} of ${count(counts.rows)} provisions complied with, ${count(counts.no)} not, ${count(counts.unanswered)} not answered.`,
    ),
    assessmentTable("The self-assessment, provision by provision", sa.rows),
  ];
}

function performance(p: AnnualReportContent["performance"], label: string): ReportBlock[] {
  const perThousand = (what: string, f: ReportedFigure): Figure => ({
    label: `CH01 ${what}`,
    value: f.value,
    unit: "per-1000-homes",
    note: `${count(f.numerator)} complaints, ${count(f.denominator)} homes`,
  });
  const withinCode = (stage: 1 | 2, f: ReportedFigure): Figure => ({
    label: `CH02 Stage ${stage} responses within the Code's timescales`,
    value: f.value,
    unit: "percent",
    note: `${count(f.numerator)} of ${count(f.denominator)} responses`,
  });
  return [
    heading(2, "(b) Complaint-handling performance"),
    heading(3, "Tenant Satisfaction Measures"),
    {
      kind: "figures",
      figures: [
        perThousand("Stage 1 complaints received, low cost rental", p.ch01.stage1),
        perThousand("Stage 2 complaints received, low cost rental", p.ch01.stage2),
        perThousand("Stage 1 complaints received, low cost home ownership", p.ch01.stage1Lcho),
        perThousand("Stage 2 complaints received, low cost home ownership", p.ch01.stage2Lcho),
        withinCode(1, p.ch02.stage1),
        withinCode(2, p.ch02.stage2),
      ],
    },
    heading(3, "The types of complaint we refused to accept"),
    p.refusals.length
      ? {
          kind: "table",
          caption: "Matters refused by stage and ground",
          columns: [
            { header: "Refused", type: "text" },
            { header: "Ground in our policy", type: "text" },
            { header: "Number", type: "number", unit: "count" },
          ],
          rows: p.refusals.map((r) => [
            r.stage === 1 ? "Not accepted as a complaint" : "Escalation to Stage 2 refused",
            r.groundText,
            r.count,
          ]),
          firstCellIsHeader: false,
        }
      : paragraph(`No complaint was refused in ${label}.`),
  ];
}

/** A case as the page lists it: what it was and when, the findings on each element, then its orders. */
function reportedCase(c: ReportedCase): ReportBlock {
  const what = c.kind === "determination" ? "Determination" : "Complaint Handling Failure Order";
  const lines = [
    `${what} ${c.hosReference}, ${formatLongDate(c.decidedOn)}${c.summary ? `: ${c.summary}` : ""}`,
  ];
  if (c.findings.length) lines.push(c.findings.map((f) => `${f.element}: ${words(f.finding)}`).join("; "));
  for (const o of c.orders) {
    const due = o.dueOn ? `, due ${formatLongDate(o.dueOn)}` : "";
    const complied = o.compliedOn
      ? `complied with on ${formatLongDate(o.compliedOn)}`
      : "not yet complied with";
    lines.push(`${o.kind === "order" ? "Order" : "Recommendation"}: ${o.description}${due}; ${complied}`);
  }
  return paragraph(lines.join("\n"));
}

function ombudsmanFindings(o: AnnualReportContent["ombudsman"], label: string): ReportBlock[] {
  const { summary } = o;
  return [
    heading(2, "(c) Ombudsman findings of non-compliance with the Code"),
    ...(o.nonCompliance.length ? o.nonCompliance.map(reportedCase) : [paragraph(`None in ${label}.`)]),
    paragraph(
      `All Ombudsman determinations in the year: ${count(summary.determinations)}; Complaint Handling Failure Orders: ${count(summary.failureOrders)}; orders not yet complied with: ${count(summary.ordersOutstanding)}, of which overdue: ${count(summary.ordersOverdue)}.`,
    ),
    ...o.cases.map(reportedCase),
  ];
}

function improvements(entries: AnnualReportContent["improvements"], label: string): ReportBlock[] {
  return [
    heading(2, "(d) Service improvements made from learning"),
    ...(entries.length
      ? entries.map((e) =>
          paragraph(
            [
              `You said: ${e.youSaid}`,
              `We did: ${e.weDid}`,
              `${monthOf(e.changedIn)}${e.themes.length ? ` · ${e.themes.map(words).join(", ")}` : ""}`,
            ].join("\n"),
          ),
        )
      : [paragraph(`No improvement approved for publication was made in ${label}.`)]),
  ];
}

function publications(list: readonly OmbudsmanPublication[]): ReportBlock[] {
  if (!list.length) return [paragraph("None recorded for this year.")];
  return list.map((p) =>
    paragraph(
      `${p.title}, ${formatLongDate(p.publishedOn)}${p.summary ? `: ${p.summary}` : ""}${p.link ? ` (${p.link})` : ""}`,
    ),
  );
}
