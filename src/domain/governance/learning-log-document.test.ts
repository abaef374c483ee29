import { describe, expect, it } from "vitest";
import { reportingYear } from "../reporting/reporting-year.ts";
import {
  learningLogDocument,
  lessonsTable,
  type LearningLogContent,
  type LoggedLesson,
} from "./learning-log-document.ts";
import { outlineOf } from "../reporting/test-builders.ts";

const period = reportingYear(2026);
const none = { action: null, owner: null, dueOn: null, doneOn: null };

const planned: LoggedLesson = {
  reference: "BCHG-2026-00012",
  respondedOn: "2026-11-09",
  stage: 1,
  text: "Book the follow-up visit when a repair needs parts",
  themes: ["repairs", "record-keeping"],
  progress: {
    status: "overdue",
    action: "Brief schedulers",
    owner: "Repairs lead",
    dueOn: "2026-12-14",
    doneOn: null,
  },
};
const done: LoggedLesson = {
  reference: "BCHG-2026-00007",
  respondedOn: "2026-10-02",
  stage: 2,
  text: "Call back the same day",
  themes: ["communication"],
  progress: { status: "done", action: "Added to the script", owner: null, dueOn: null, doneOn: "2026-10-20" },
};
const nothing: LoggedLesson = {
  reference: "BCHG-2026-00003",
  respondedOn: "2026-06-01",
  stage: 1,
  text: "None",
  themes: [],
  progress: { status: "nothing-to-learn", ...none },
};

const log: LearningLogContent = {
  organisation: { id: "bchg", name: "Bright Crescent Housing Group" },
  period,
  today: "2027-02-01",
  filter: {},
  counts: { all: 3, "to-do": 0, planned: 0, overdue: 1, done: 1, "no-action": 0, "nothing-to-learn": 1 },
  themes: [
    { theme: "communication", lessons: 1, open: 0 },
    { theme: "record-keeping", lessons: 1, open: 1 },
    { theme: "repairs", lessons: 1, open: 1 },
  ],
  lessons: [planned, done, nothing],
};

const INTRO =
  "P Every lesson recorded when a complaint was answered between Wednesday 1 April 2026 and Wednesday 31 March 2027, and what is being done about it (Code 9.1 to 9.4). A lesson whose words say there was nothing to learn needs no action.";

describe("the learning log as a report document", () => {
  it("sets out the year's counts, the themes and every lesson, in the page's order and words", () => {
    const document = learningLogDocument(log);
    expect(document).toMatchObject({
      language: "en-GB",
      title: "Learning log: 2026/27",
      organisation: { id: "bchg", name: "Bright Crescent Housing Group" },
      period,
      producedOn: "2027-02-01",
    });
    expect(outlineOf(document.blocks)).toEqual([
      INTRO,
      "P 3 lessons this year: 0 with nothing recorded yet, 0 planned, 1 overdue, 1 done, 0 needing no action, 1 saying there was nothing to learn.",
      "H2 Themes",
      "Table Lessons by theme, most first",
      "H2 Lessons",
      "Table Lessons, newest response first",
    ]);
    const [themes, lessons] = document.blocks.filter((b) => b.kind === "table");
    expect(themes).toMatchObject({
      columns: [
        { header: "Theme", type: "text" },
        { header: "Lessons", type: "number", unit: "count" },
        { header: "Still open", type: "number", unit: "count" },
      ],
      rows: [
        ["Communication", 1, 0],
        ["Record keeping", 1, 1],
        ["Repairs", 1, 1],
      ],
      firstCellIsHeader: true,
    });
    expect(lessons).toEqual(lessonsTable(log.lessons));
  });

  it("makes a row of each lesson: its complaint, when and at which stage answered, the action, who, by when, where it stands", () => {
    const table = lessonsTable(log.lessons);
    expect(table.columns.map((c) => `${c.header} (${c.type})`)).toEqual([
      "Complaint (text)",
      "Answered (date)",
      "Stage (number)",
      "Lesson (text)",
      "Themes (text)",
      "Action (text)",
      "Owner (text)",
      "Due (date)",
      "Where it stands (text)",
      "Done on (date)",
    ]);
    expect(table.rows).toEqual([
      [
        "BCHG-2026-00012",
        "2026-11-09",
        1,
        "Book the follow-up visit when a repair needs parts",
        "repairs, record keeping",
        "Brief schedulers",
        "Repairs lead",
        "2026-12-14",
        "Overdue",
        null,
      ],
      [
        "BCHG-2026-00007",
        "2026-10-02",
        2,
        "Call back the same day",
        "communication",
        "Added to the script",
        null,
        null,
        "Done",
        "2026-10-20",
      ],
      ["BCHG-2026-00003", "2026-06-01", 1, "None", "", null, null, null, "Nothing to learn", null],
    ]);
  });

  it("says which lessons a filter keeps, and that the counts and themes are of the whole year", () => {
    const filtered = learningLogDocument({
      ...log,
      filter: { theme: "record-keeping", status: "open" },
      lessons: [planned],
    });
    expect(outlineOf(filtered.blocks)[1]).toBe(
      "P Lessons shown: theme: Record keeping; where it stands: Needs attention (nothing recorded yet, planned or overdue). The counts and the themes are of all the year's lessons.",
    );
    expect(outlineOf(learningLogDocument({ ...log, filter: { status: "no-action" } }).blocks)[1]).toBe(
      "P Lessons shown: where it stands: No action needed. The counts and the themes are of all the year's lessons.",
    );
  });

  it("says when there are no themes and no lessons rather than showing empty tables", () => {
    const empty = learningLogDocument({
      ...log,
      counts: { all: 1, "to-do": 1, planned: 0, overdue: 0, done: 0, "no-action": 0, "nothing-to-learn": 0 },
      themes: [],
      filter: { theme: "leaks" },
      lessons: [],
    });
    expect(outlineOf(empty.blocks).slice(2)).toEqual([
      "P 1 lesson this year: 1 with nothing recorded yet, 0 planned, 0 overdue, 0 done, 0 needing no action, 0 saying there was nothing to learn.",
      "H2 Themes",
      "P No lessons with a theme yet. A lesson takes its complaint's category until it is tagged.",
      "H2 Lessons",
      "P No lessons match.",
    ]);
  });
});
