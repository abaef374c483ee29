import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { fromDayNumber, toDayNumber } from "./day-number.ts";
import { englandAndWalesCalendar } from "./england-and-wales.ts";
import { describeExplanation, explainAddWorkingDays } from "./explain.ts";

const calendar = englandAndWalesCalendar();

describe("explainAddWorkingDays", () => {
  it("lists the weekends and bank holidays, with names, between the start and the result", () => {
    const e = explainAddWorkingDays(calendar, "2026-12-24", 5);
    expect(e.start).toBe("2026-12-24");
    expect(e.workingDays).toBe(5);
    expect(e.result).toBe("2027-01-05");
    expect(e.skipped).toEqual([
      { date: "2026-12-25", reason: "bank-holiday", name: "Christmas Day" },
      { date: "2026-12-26", reason: "weekend" },
      { date: "2026-12-27", reason: "weekend" },
      { date: "2026-12-28", reason: "bank-holiday", name: "Boxing Day (substitute day)" },
      { date: "2027-01-01", reason: "bank-holiday", name: "New Year’s Day" },
      { date: "2027-01-02", reason: "weekend" },
      { date: "2027-01-03", reason: "weekend" },
    ]);
    expect(e.calendar).toBe(calendar.id);
  });

  it("states the counting rule: the start day never counts", () => {
    const e = explainAddWorkingDays(calendar, "2026-10-31", 5);
    expect(e.result).toBe("2026-11-06");
    expect(e.rule).toBe("the 5th working day after Saturday 31 October 2026; that day itself never counts");
    // The start is a Saturday, but it is not "skipped": it is never counted in the first place.
    expect(e.skipped).toEqual([{ date: "2026-11-01", reason: "weekend" }]);
  });

  it("uses the right ordinal", () => {
    const rule = (n: number) => explainAddWorkingDays(calendar, "2026-11-02", n).rule;
    expect(rule(1)).toMatch(/^the 1st /);
    expect(rule(2)).toMatch(/^the 2nd /);
    expect(rule(3)).toMatch(/^the 3rd /);
    expect(rule(4)).toMatch(/^the 4th /);
    expect(rule(11)).toMatch(/^the 11th /);
    expect(rule(12)).toMatch(/^the 12th /);
    expect(rule(13)).toMatch(/^the 13th /);
    expect(rule(20)).toMatch(/^the 20th /);
    expect(rule(21)).toMatch(/^the 21st /);
    expect(rule(22)).toMatch(/^the 22nd /);
    expect(rule(111)).toMatch(/^the 111th /);
  });

  it("lists closure days, with their reasons", () => {
    const closed = englandAndWalesCalendar({
      closures: [
        { date: "2026-12-29", reason: "Christmas closure" },
        { date: "2026-12-30", reason: "Christmas closure" },
      ],
    });
    const e = explainAddWorkingDays(closed, "2026-12-24", 5);
    expect(e.result).toBe("2027-01-07");
    expect(e.skipped.filter((s) => s.reason === "closure")).toEqual([
      { date: "2026-12-29", reason: "closure", name: "Christmas closure" },
      { date: "2026-12-30", reason: "closure", name: "Christmas closure" },
    ]);
    expect(e.calendar).toBe(closed.id);
  });

  it("skips nothing for zero working days", () => {
    const e = explainAddWorkingDays(calendar, "2026-12-25", 0);
    expect(e.result).toBe("2026-12-25");
    expect(e.skipped).toEqual([]);
  });

  it("always agrees with addWorkingDays, and skips exactly the non-working days in between", () => {
    const withClosures = calendar.withClosures([
      { date: "2027-08-02", reason: "Office move" },
      { date: "2030-12-23", reason: "Christmas closure" },
    ]);
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber("2024-01-01"), max: toDayNumber("2031-12-31") }),
        fc.integer({ min: 0, max: 40 }),
        fc.boolean(),
        (start, n, closures) => {
          const cal = closures ? withClosures : calendar;
          const e = explainAddWorkingDays(cal, fromDayNumber(start), n);
          const result = cal.addWorkingDays(start, n);
          expect(e.result).toBe(fromDayNumber(result));
          // Days strictly between start and result: n - 1 working days (none for n = 0), the rest skipped.
          expect(e.skipped.length).toBe(n === 0 ? 0 : result - start - n);
          for (const s of e.skipped) {
            expect(s.date > e.start && s.date < e.result).toBe(true);
            expect(cal.isWorkingDay(toDayNumber(s.date))).toBe(false);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("describeExplanation", () => {
  it("explains a deadline over Christmas in sentences, naming the bank holidays", () => {
    const text = describeExplanation(explainAddWorkingDays(calendar, "2026-12-24", 5));
    expect(text).toBe(
      "Tuesday 5 January 2027 is the 5th working day after Thursday 24 December 2026; that day itself never counts. " +
        "Weekend days skipped: 4. " +
        "Bank holidays skipped: Friday 25 December 2026 (Christmas Day); " +
        "Monday 28 December 2026 (Boxing Day (substitute day)); Friday 1 January 2027 (New Year’s Day).",
    );
  });

  it("mentions the bank holiday by name", () => {
    const text = describeExplanation(explainAddWorkingDays(calendar, "2026-05-01", 1));
    expect(text).toContain("Tuesday 5 May 2026 is the 1st working day after Friday 1 May 2026");
    expect(text).toContain("Monday 4 May 2026 (Early May bank holiday)");
    expect(text).not.toMatch(/closure/i);
  });

  it("names closures and says the Complaint Handling Code does not provide for them", () => {
    const closed = englandAndWalesCalendar({
      closures: [{ date: "2026-11-04", reason: "Staff training day" }],
    });
    const text = describeExplanation(explainAddWorkingDays(closed, "2026-10-31", 5));
    expect(text).toContain("Monday 9 November 2026 is the 5th working day");
    expect(text).toContain("Closure days skipped: Wednesday 4 November 2026 (Staff training day).");
    expect(text).toContain("The Complaint Handling Code does not provide for closure days.");
  });

  it("says nothing about skipped days when there were none", () => {
    const text = describeExplanation(explainAddWorkingDays(calendar, "2026-11-02", 1));
    expect(text).toBe(
      "Tuesday 3 November 2026 is the 1st working day after Monday 2 November 2026; that day itself never counts.",
    );
  });
});
