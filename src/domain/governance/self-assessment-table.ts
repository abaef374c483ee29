import { formatLongDate } from "../calendar/day-number.ts";
import type { TableBlock } from "../reporting/report-document.ts";
import type { ReportedAssessmentRow } from "./annual-report.ts";
import type { Answers } from "./self-assessment.ts";
import type { EvidenceItem } from "./self-assessment-evidence.ts";
import type { Provisions } from "./self-assessment-provisions.ts";

/**
 * The self-assessment provision by provision, as the reports carry it: the annual report's part (a) and
 * the self-assessment's own PDF and CSV share these rows and this table, so they say the same.
 */

/** The evidence Redress showed that supports a statement, as text: what a published report shows. */
export function supportingEvidence(items: readonly EvidenceItem[]): string[] {
  return items.filter((e) => e.available && e.source !== "lint").map((e) => e.text);
}

/** Where each piece of evidence comes from, in the words of the page (views/governance/macros.njk). */
const SOURCES: Record<EvidenceItem["source"], string> = {
  pack: "Policy pack",
  lint: "Code check",
  tsm: "Timeliness",
  letters: "Letters",
  redress: "Redress",
  governance: "Records",
};
const SEVERITY = { error: "breach", warning: "risk", info: "note" } as const;

/**
 * Every piece of evidence Redress showed, labelled as the self-assessment page labels it: the Code
 * check's findings and the gaps too, since the landlord's own assessment must see them.
 */
export function evidenceAsShown(items: readonly EvidenceItem[]): string[] {
  return items.map((e) => {
    const label =
      e.source === "lint"
        ? `${SOURCES.lint} (${SEVERITY[e.severity ?? "info"]})`
        : e.available
          ? SOURCES[e.source]
          : `${SOURCES[e.source]} (gap)`;
    return `${label}: ${e.text}${e.cite ? ` (${e.cite})` : ""}`;
  });
}

/**
 * Each provision with its answer: the Code paragraphs it answers, the evidence Redress showed (as `evidence`
 * words it) followed by the officer's own, and the commentary, actions and date for compliance.
 */
export function assessmentRows(
  provisions: Provisions,
  answers: Answers,
  prefilled: Readonly<Record<string, readonly EvidenceItem[]>>,
  evidence: (items: readonly EvidenceItem[]) => string[],
): ReportedAssessmentRow[] {
  return provisions.rows.map((row) => {
    const a = answers[row.id];
    const own = a?.evidence.trim();
    return {
      id: row.id,
      provision: row.paragraphs.join("–"),
      section: row.section,
      requirement: row.requirement,
      comply: a?.comply ?? null,
      evidence: [...evidence(prefilled[row.id] ?? []), ...(own ? [own] : [])],
      commentary: a?.commentary ?? "",
      actions: a?.actions ?? "",
      complianceBy: a?.complianceBy ?? null,
      meetsIntentOtherwise: a?.meetsIntentOtherwise ?? false,
    };
  });
}

/** "Yes", "No" or "Not answered". */
export function complyWords(comply: ReportedAssessmentRow["comply"]): string {
  return comply === "yes" ? "Yes" : comply === "no" ? "No" : "Not answered";
}

/** A provision that is not complied with but whose intent is met another way (explained in the commentary). */
const MEETS_INTENT = "Meets the intent another way.";
const meetsIntent = (r: ReportedAssessmentRow) => r.comply === "no" && r.meetsIntentOtherwise === true;

/** The self-assessment's rows as a table: provision, requirement, comply, evidence, commentary with the actions. */
export function assessmentTable(caption: string, rows: readonly ReportedAssessmentRow[]): TableBlock {
  return {
    kind: "table",
    caption,
    columns: ["Provision", "Requirement", "Comply", "Evidence", "Commentary"].map((header) => ({
      header,
      type: "text" as const,
    })),
    rows: rows.map((r) => [
      r.provision,
      r.requirement,
      complyWords(r.comply),
      r.evidence.join("\n"),
      [
        r.commentary,
        meetsIntent(r) ? MEETS_INTENT : "",
        r.actions
          ? `Actions: ${r.actions}${r.complianceBy ? ` (by ${formatLongDate(r.complianceBy)})` : ""}`
          : "",
      ]
        .filter((part) => part !== "")
        .join("\n"),
    ]),
    firstCellIsHeader: true,
  };
}

/**
 * The self-assessment as a spreadsheet, one row per provision, each part in its own column (the date for
 * compliance a date, the evidence one piece a line).
 */
export function assessmentCsvTable(caption: string, rows: readonly ReportedAssessmentRow[]): TableBlock {
  return {
    kind: "table",
    caption,
    columns: [
      { header: "Section", type: "number", unit: "count" },
      { header: "Provision", type: "text" },
      { header: "Requirement", type: "text" },
      { header: "Comply", type: "text" },
      { header: "Evidence", type: "text" },
      { header: "Commentary", type: "text" },
      { header: "Actions", type: "text" },
      { header: "Compliance by", type: "date" },
    ],
    rows: rows.map((r) => [
      r.section,
      r.provision,
      r.requirement,
      complyWords(r.comply),
      r.evidence.join("\n"),
      [r.commentary, meetsIntent(r) ? MEETS_INTENT : ""].filter((part) => part !== "").join("\n"),
      r.actions,
      r.complianceBy,
    ]),
    firstCellIsHeader: false,
  };
}
