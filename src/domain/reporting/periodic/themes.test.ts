import { describe, expect, it } from "vitest";
import { breakdown } from "../figures.ts";
import { categoryMovements, systemicIssues, type ThemedLesson } from "./themes.ts";

/** A period's categories from counts: `{ repairs: 3 }` is three complaints R-repairs-1..3. */
const period = (counts: Record<string, number>, tag = "") =>
  breakdown(
    new Map(
      Object.entries(counts).map(([key, n]) => [
        key,
        Array.from({ length: n }, (_, i) => `${tag}${key}-${i + 1}`),
      ]),
    ),
  );

const lesson = (
  reference: string,
  themes: string[],
  status: ThemedLesson["status"] = "to-do",
): ThemedLesson => ({
  reference,
  themes,
  status,
});

describe("themes", () => {
  it("orders categories by complaints this period, then last period, with each one's movement", () => {
    const movements = categoryMovements([
      period({ repairs: 1, leaks: 4 }),
      period({ repairs: 2, "damp-and-mould": 5 }),
      period({ repairs: 5, leaks: 2, "not-recorded": 9 }),
    ]);
    expect(movements.map((m) => [m.key, m.current.count, m.previous.count, m.earlierAverage])).toEqual([
      ["repairs", 5, 2, 1.5],
      ["leaks", 2, 0, 2],
      // Gone this period but named, so a fall shows.
      ["damp-and-mould", 0, 5, 2.5],
    ]);
    expect(movements[0]?.current.references).toEqual([
      "repairs-1",
      "repairs-2",
      "repairs-3",
      "repairs-4",
      "repairs-5",
    ]);
  });

  it("has no earlier average when the trend is the period alone", () => {
    expect(categoryMovements([period({ repairs: 4 })])[0]).toMatchObject({ earlierAverage: null });
  });
});

describe("systemic issues", () => {
  it("lists a lesson theme recorded on lessons from three or more complaints, not two", () => {
    const lessons = [
      lesson("A", ["communication"]),
      lesson("B", ["communication", "repairs"]),
      lesson("B", ["communication"], "done"),
      lesson("C", ["communication"], "planned"),
      lesson("A", ["repairs"]),
      // "None" is no lesson: it does not make a third complaint.
      lesson("D", ["repairs"], "nothing-to-learn"),
    ];
    expect(systemicIssues(lessons, [])).toEqual([
      { kind: "recurring-theme", key: "communication", references: ["A", "B", "C"], lessons: 4, open: 3 },
    ]);
  });

  it("lists a category at three or more complaints and at least one and a half times its earlier average", () => {
    const issues = systemicIssues(
      [],
      categoryMovements([
        period({ repairs: 2, leaks: 2, "damp-and-mould": 0, asb: 2 }),
        period({ repairs: 2, leaks: 3, "damp-and-mould": 0, asb: 2 }),
        // repairs 3 = 1.5 x 2: listed; leaks 3 < 1.5 x 2.5: not; damp 3 from nothing: listed; asb 2 < 3: not.
        period({ repairs: 3, leaks: 3, "damp-and-mould": 3, asb: 2 }),
      ]),
    );
    expect(issues.map((i) => i.key).sort()).toEqual(["damp-and-mould", "repairs"]);
    expect(issues.find((i) => i.key === "repairs")).toMatchObject({
      kind: "rising-category",
      count: 3,
      earlierAverage: 2,
      references: ["repairs-1", "repairs-2", "repairs-3"],
    });
  });

  it("finds no rising category without earlier periods to compare with", () => {
    expect(systemicIssues([], categoryMovements([period({ repairs: 9 })]))).toEqual([]);
  });
});
