import { formatLondonDateTime, formatLongDate, type LocalDate } from "../calendar/day-number.ts";
import type { ReportBlock, ReportDocument, TableBlock } from "../reporting/report-document.ts";
import type { ReportingPeriod } from "../reporting/reporting-year.ts";
import { assessmentSummary, type Answers } from "./self-assessment.ts";
import type { EvidenceItem } from "./self-assessment-evidence.ts";
import type { Provision, Provisions } from "./self-assessment-provisions.ts";
import {
  assessmentCsvTable,
  assessmentRows,
  assessmentTable,
  evidenceAsShown,
} from "./self-assessment-table.ts";

/** A saved version as the page lists it (its answers apart). */
export interface AssessmentVersionSummary {
  version: number;
  change: string;
  savedBy: string;
  savedAt: Date;
  approvedOn: LocalDate | null;
  approvedByBody: string | null;
  approvalRecordedBy: string | null;
}

/** What the self-assessment page shows for a year: the version shown, its answers and evidence, and every version. */
export interface SelfAssessmentContent {
  organisation: { id: string; name: string };
  period: ReportingPeriod;
  today: LocalDate;
  provisions: Provisions;
  /** Newest first. */
  versions: readonly AssessmentVersionSummary[];
  /** Null before the first save. */
  shown: AssessmentVersionSummary | null;
  latestVersion: number;
  answers: Answers;
  /** The evidence Redress showed, by row id: kept with an earlier version, or as it is today for the latest. */
  prefill: Readonly<Record<string, readonly EvidenceItem[]>>;
}

/** How sure the team's checklist is of a row, in the page's words (views/governance/macros.njk). */
const CERTAINTY: Record<Provision["certainty"], string> = {
  V: "Wording confirmed",
  C: "Content confirmed; number or wording not",
  U: "Not confirmed",
};
const certaintyOf = (row: Provision) => `${CERTAINTY[row.certainty]}${row.note ? `. ${row.note}` : ""}`;

const paragraph = (text: string): ReportBlock => ({ kind: "paragraph", text });

/** "Complaint Handling Code self-assessment: 2026/27". */
export const selfAssessmentTitle = (period: ReportingPeriod) =>
  `Complaint Handling Code self-assessment: ${period.label}`;

/**
 * The Code self-assessment of a year as a report document, for its PDF: in the page's order and words,
 * the version shown and whether the governing body approved it, how far it has got, then section by
 * section each provision with its answer and the evidence Redress showed (the Code check's findings and
 * the gaps included, as on the page), and every saved version. An internal record: who saved each version
 * is on it.
 */
export function selfAssessmentDocument(content: SelfAssessmentContent): ReportDocument {
  const { provisions, shown } = content;
  const summary = assessmentSummary(provisions, content.answers);
  const rows = assessmentRows(provisions, content.answers, content.prefill, evidenceAsShown);
  const certainty = new Map(provisions.rows.map((row) => [row.id, certaintyOf(row)]));
  return {
    language: "en-GB",
    title: selfAssessmentTitle(content.period),
    organisation: content.organisation,
    period: content.period,
    producedOn: content.today,
    blocks: [
      ...(shown ? versionShown(shown, content.latestVersion) : notStarted()),
      paragraph(
        `${summary.yes} of ${summary.rows} provisions complied with, ${summary.no} not, ${summary.unanswered} not answered yet.`,
      ),
      ...provisions.notes.map(paragraph),
      paragraph(
        "The requirements are paraphrased from the Code, each with how sure the checklist behind them is. Check them against the Code before publishing.",
      ),
      ...summary.sections.flatMap((s): ReportBlock[] => [
        { kind: "heading", level: 2, text: `${s.number}. ${s.title}` },
        paragraph(`${s.yes} yes, ${s.no} no, ${s.unanswered} not answered.`),
        assessmentTable(
          `Section ${s.number}: ${s.title}`,
          rows
            .filter((r) => r.section === s.number)
            .map((r) => ({ ...r, requirement: `${r.requirement}\n${certainty.get(r.id) ?? ""}` })),
        ),
      ]),
      ...versionsTable(content.versions),
    ],
  };
}

/** The self-assessment as a spreadsheet: one row per Code requirement, of the version the page shows. */
export function selfAssessmentCsvTable(content: SelfAssessmentContent): TableBlock {
  const rows = assessmentRows(content.provisions, content.answers, content.prefill, evidenceAsShown);
  return assessmentCsvTable("The self-assessment, provision by provision", rows);
}

function versionShown(shown: AssessmentVersionSummary, latest: number): ReportBlock[] {
  const approval = shown.approvedOn
    ? `Approved by ${shown.approvedByBody ?? "the governing body"} on ${formatLongDate(shown.approvedOn)}.`
    : "Not approved by the governing body.";
  return [
    paragraph(
      `Version ${shown.version} of ${latest}, saved by ${shown.savedBy} on ${formatLondonDateTime(shown.savedAt)} (${shown.change}). ${approval}`,
    ),
    ...(shown.version === latest
      ? []
      : [paragraph("This is an earlier version, with the evidence Redress showed when it was saved.")]),
  ];
}

function notStarted(): ReportBlock[] {
  return [
    paragraph(
      "Not started for this year. Each section is saved as a new version, and the earlier versions are kept.",
    ),
  ];
}

function versionsTable(versions: readonly AssessmentVersionSummary[]): ReportBlock[] {
  if (!versions.length) return [];
  return [
    { kind: "heading", level: 2, text: "Versions" },
    {
      kind: "table",
      caption: "Every saved version, newest first",
      columns: ["Version", "Saved", "What changed", "Governing body"].map((header) => ({
        header,
        type: "text" as const,
      })),
      rows: versions.map((v) => [
        `Version ${v.version}`,
        `${formatLondonDateTime(v.savedAt)} by ${v.savedBy}`,
        v.change,
        v.approvedOn
          ? `Approved by ${v.approvedByBody ?? "the governing body"} on ${formatLongDate(v.approvedOn)}${v.approvalRecordedBy ? ` (recorded by ${v.approvalRecordedBy})` : ""}`
          : "",
      ]),
      firstCellIsHeader: true,
    },
  ];
}
