import { formatLongDate, type LocalDate } from "../calendar/day-number.ts";
import type { ReportBlock, ReportDocument, TableBlock } from "../reporting/report-document.ts";
import type { ReportingPeriod } from "../reporting/reporting-year.ts";
import type { LessonProgress, LessonStatus } from "./lessons.ts";

/** A lesson as the log lists it. */
export interface LoggedLesson {
  reference: string;
  respondedOn: LocalDate;
  stage: 1 | 2;
  text: string;
  themes: readonly string[];
  progress: LessonProgress;
}

/** What the learning log page shows: the year's counts and themes (all lessons), and the lessons the filter keeps. */
export interface LearningLogContent {
  organisation: { id: string; name: string };
  period: ReportingPeriod;
  today: LocalDate;
  filter: { theme?: string; status?: "open" | LessonStatus };
  counts: Record<LessonStatus, number> & { all: number };
  themes: readonly { theme: string; lessons: number; open: number }[];
  /** Newest response first. */
  lessons: readonly LoggedLesson[];
}

/** Where a lesson stands, in the words of the page's tags (views/governance/macros.njk). */
export const LESSON_STATUS_WORDS: Record<LessonStatus, string> = {
  "to-do": "Nothing recorded yet",
  "nothing-to-learn": "Nothing to learn",
  planned: "Planned",
  overdue: "Overdue",
  done: "Done",
  "no-action": "No action needed",
};

/** A theme as the page writes it: "record-keeping" as "Record keeping". */
export const themeWords = (theme: string) => {
  const words = theme.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
};

const paragraph = (text: string): ReportBlock => ({ kind: "paragraph", text });
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "Learning log: 2026/27". */
export const learningLogTitle = (period: ReportingPeriod) => `Learning log: ${period.label}`;

/**
 * The learning log (Code 9.1-9.4) as a report document, for its PDF: in the page's order and words, which
 * lessons are shown (the filter), how many of the year's lessons stand where, the themes, then the lessons
 * with their complaint, action, owner, date and where each stands. An internal report: complaint
 * references are on it.
 */
export function learningLogDocument(log: LearningLogContent): ReportDocument {
  const { counts, period } = log;
  const filter = filterWords(log.filter);
  return {
    language: "en-GB",
    title: learningLogTitle(period),
    organisation: log.organisation,
    period,
    producedOn: log.today,
    blocks: [
      paragraph(
        `Every lesson recorded when a complaint was answered between ${formatLongDate(period.from)} and ${formatLongDate(period.to)}, and what is being done about it (Code 9.1 to 9.4). A lesson whose words say there was nothing to learn needs no action.`,
      ),
      ...(filter
        ? [paragraph(`Lessons shown: ${filter}. The counts and the themes are of all the year's lessons.`)]
        : []),
      paragraph(
        `${plural(counts.all, "lesson")} this year: ${counts["to-do"]} with nothing recorded yet, ${counts.planned} planned, ${counts.overdue} overdue, ${counts.done} done, ${counts["no-action"]} needing no action, ${counts["nothing-to-learn"]} saying there was nothing to learn.`,
      ),
      { kind: "heading", level: 2, text: "Themes" },
      log.themes.length
        ? themesTable(log.themes)
        : paragraph(
            "No lessons with a theme yet. A lesson takes its complaint's category until it is tagged.",
          ),
      { kind: "heading", level: 2, text: "Lessons" },
      log.lessons.length ? lessonsTable(log.lessons) : paragraph("No lessons match."),
    ],
  };
}

/** The filter in words ("theme: Repairs; where it stands: Overdue"), or "" when every lesson is shown. */
function filterWords(filter: LearningLogContent["filter"]): string {
  const parts = [
    ...(filter.theme ? [`theme: ${themeWords(filter.theme)}`] : []),
    ...(filter.status
      ? [
          `where it stands: ${filter.status === "open" ? "Needs attention (nothing recorded yet, planned or overdue)" : LESSON_STATUS_WORDS[filter.status]}`,
        ]
      : []),
  ];
  return parts.join("; ");
}

function themesTable(themes: LearningLogContent["themes"]): TableBlock {
  return {
    kind: "table",
    caption: "Lessons by theme, most first",
    columns: [
      { header: "Theme", type: "text" },
      { header: "Lessons", type: "number", unit: "count" },
      { header: "Still open", type: "number", unit: "count" },
    ],
    rows: themes.map((t) => [themeWords(t.theme), t.lessons, t.open]),
    firstCellIsHeader: true,
  };
}

/** The lessons, one row each: the table of the PDF and the log's CSV. */
export function lessonsTable(lessons: readonly LoggedLesson[]): TableBlock {
  return {
    kind: "table",
    caption: "Lessons, newest response first",
    columns: [
      { header: "Complaint", type: "text" },
      { header: "Answered", type: "date" },
      { header: "Stage", type: "number", unit: "count" },
      { header: "Lesson", type: "text" },
      { header: "Themes", type: "text" },
      { header: "Action", type: "text" },
      { header: "Owner", type: "text" },
      { header: "Due", type: "date" },
      { header: "Where it stands", type: "text" },
      { header: "Done on", type: "date" },
    ],
    rows: lessons.map((l) => [
      l.reference,
      l.respondedOn,
      l.stage,
      l.text,
      l.themes.map((t) => t.replace(/-/g, " ")).join(", "),
      l.progress.action,
      l.progress.owner,
      l.progress.dueOn,
      LESSON_STATUS_WORDS[l.progress.status],
      l.progress.doneOn,
    ]),
    firstCellIsHeader: true,
  };
}
