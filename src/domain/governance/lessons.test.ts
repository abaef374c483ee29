import { describe, expect, it } from "vitest";
import { GovernanceRuleError } from "./governance-errors.ts";
import {
  checkLessonAction,
  lessonProgress,
  lessonThemes,
  readsAsNothingToLearn,
  themeCounts,
  type FollowUpAction,
} from "./lessons.ts";

const TODAY = "2026-12-15";
const parts: FollowUpAction = {
  id: "parts",
  description: "Stock parts",
  owner: "Repairs",
  dueOn: "2026-11-30",
  completedOn: null,
};

const refused = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof GovernanceRuleError) return { code: error.code, field: error.field };
    throw error;
  }
  return null;
};

describe("a lesson's progress", () => {
  it("is to do until something is recorded, unless it says there was nothing to learn", () => {
    expect(lessonProgress("Book the follow-up visit", null, null, TODAY).status).toBe("to-do");
    for (const none of ["None", "none.", "N/A", "No learning", "No lessons learnt", "Nothing to learn"])
      expect(readsAsNothingToLearn(none), none).toBe(true);
    expect(readsAsNothingToLearn("No service failure; the explanation was made clearer")).toBe(false);
    expect(lessonProgress("None", null, null, TODAY).status).toBe("nothing-to-learn");
  });

  it("is overdue once a planned action's date has passed, and done when done", () => {
    const planned = checkLessonAction(
      {
        themes: ["repairs"],
        status: "planned",
        action: "Brief schedulers",
        owner: "Repairs lead",
        dueOn: "2026-12-14",
      },
      [],
      TODAY,
    );
    expect(lessonProgress("x", planned, null, TODAY)).toMatchObject({
      status: "overdue",
      owner: "Repairs lead",
    });
    expect(lessonProgress("x", { ...planned, dueOn: TODAY }, null, TODAY).status).toBe("planned");
    const done = checkLessonAction(
      { themes: [], status: "done", action: "Briefed", doneOn: "2026-12-01" },
      [],
      TODAY,
    );
    expect(lessonProgress("x", done, null, TODAY)).toMatchObject({ status: "done", doneOn: "2026-12-01" });
  });

  it("follows a linked follow-up action of the complaint: its owner, date and completion", () => {
    const linked = checkLessonAction(
      { themes: [], status: "planned", linkedActionId: "parts" },
      [parts],
      TODAY,
    );
    expect(linked).toMatchObject({ linkedActionId: "parts", status: "planned" });
    expect(lessonProgress("x", linked, parts, TODAY)).toEqual({
      status: "overdue",
      action: "Stock parts",
      owner: "Repairs",
      dueOn: "2026-11-30",
      doneOn: null,
    });
    expect(lessonProgress("x", linked, { ...parts, completedOn: "2026-11-29" }, TODAY)).toMatchObject({
      status: "done",
      doneOn: "2026-11-29",
    });
  });
});

describe("recording what is done about a lesson", () => {
  it("needs what, who and by when for a planned action", () => {
    const base = { themes: [] as never[], status: "planned" as const };
    expect(refused(() => checkLessonAction(base, [], TODAY))).toEqual({
      code: "LESSON_ACTION_REQUIRED",
      field: "action",
    });
    expect(refused(() => checkLessonAction({ ...base, action: "Do it" }, [], TODAY))?.field).toBe("owner");
    expect(
      refused(() => checkLessonAction({ ...base, action: "Do it", owner: "Me" }, [], TODAY))?.field,
    ).toBe("dueOn");
  });

  it("needs a date that has happened for a done action, and a reason for no action", () => {
    const done = { themes: [] as never[], status: "done" as const, action: "Did it" };
    expect(refused(() => checkLessonAction(done, [], TODAY))?.code).toBe("LESSON_DONE_ON_REQUIRED");
    expect(refused(() => checkLessonAction({ ...done, doneOn: "2026-12-16" }, [], TODAY))?.code).toBe(
      "DATE_IN_FUTURE",
    );
    expect(refused(() => checkLessonAction({ themes: [], status: "no-action" }, [], TODAY))?.code).toBe(
      "LESSON_NO_ACTION_REASON_REQUIRED",
    );
  });

  it("refuses a follow-up action the complaint does not have", () => {
    expect(
      refused(() =>
        checkLessonAction({ themes: [], status: "planned", linkedActionId: "nope" }, [parts], TODAY),
      ),
    ).toEqual({ code: "UNKNOWN_FOLLOW_UP_ACTION", field: "linkedActionId" });
  });
});

describe("themes", () => {
  it("are the recorded tags, or else the complaint's category", () => {
    expect(lessonThemes(null, "repairs")).toEqual(["repairs"]);
    expect(lessonThemes(null, null)).toEqual([]);
    const record = checkLessonAction(
      { themes: ["communication", "communication"], status: "no-action", action: "Covered" },
      [],
      TODAY,
    );
    expect(lessonThemes(record, "repairs")).toEqual(["communication"]);
  });

  it("count lessons per theme, most first, leaving out lines that say there was nothing to learn", () => {
    expect(
      themeCounts([
        { themes: ["repairs"], status: "to-do" },
        { themes: ["repairs", "communication"], status: "done" },
        { themes: ["communication"], status: "overdue" },
        { themes: ["damp-and-mould"], status: "nothing-to-learn" },
        { themes: ["leaks"], status: "no-action" },
      ]),
    ).toEqual([
      { theme: "communication", lessons: 2, open: 1 },
      { theme: "repairs", lessons: 2, open: 1 },
      { theme: "leaks", lessons: 1, open: 0 },
    ]);
  });
});
