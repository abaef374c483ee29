import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  InvalidDateError,
  civilFromDayNumber,
  dayNumberFromCivil,
  formatLondonDateTime,
  formatLongDate,
  fromDayNumber,
  isLocalDate,
  isWeekend,
  toDayNumber,
  weekdayOf,
  yearOf,
} from "./day-number.ts";

const MS_PER_DAY = 86_400_000;
/** 0001-01-01 and 9999-12-31 as day numbers, worked out with Date (not with the code under test). */
const FIRST_DAY = Date.parse("0001-01-01T00:00:00Z") / MS_PER_DAY;
const LAST_DAY = Date.parse("9999-12-31T00:00:00Z") / MS_PER_DAY;

/** The same date through Date, as an independent reference. */
function isoFromDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

describe("day numbers", () => {
  it("counts from 1970-01-01", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("1970-01-02")).toBe(1);
    expect(toDayNumber("1969-12-31")).toBe(-1);
    expect(toDayNumber("2026-11-06")).toBe(Date.UTC(2026, 10, 6) / MS_PER_DAY);
    expect(fromDayNumber(0)).toBe("1970-01-01");
  });

  it("reference range is what the test thinks it is", () => {
    expect(isoFromDate(FIRST_DAY)).toBe("0001-01-01");
    expect(isoFromDate(LAST_DAY)).toBe("9999-12-31");
  });

  it("round-trips every day number from year 1 to year 9999, and agrees with Date", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), (n) => {
        const date = fromDayNumber(n);
        expect(date).toBe(isoFromDate(n));
        expect(isLocalDate(date)).toBe(true);
        expect(toDayNumber(date)).toBe(n);
      }),
      { numRuns: 5000 },
    );
  });

  it("round-trips civil dates through day numbers, beyond the range Date can write simply", () => {
    fc.assert(
      fc.property(fc.integer({ min: -3_000_000, max: 3_000_000 }), (n) => {
        const c = civilFromDayNumber(n);
        expect(dayNumberFromCivil(c.year, c.month, c.day)).toBe(n);
        expect(c.month).toBeGreaterThanOrEqual(1);
        expect(c.month).toBeLessThanOrEqual(12);
        expect(c.day).toBeGreaterThanOrEqual(1);
        expect(c.day).toBeLessThanOrEqual(31);
      }),
      { numRuns: 5000 },
    );
  });

  it("goes up by one from each day to the next, across month, year and leap-day boundaries", () => {
    for (const [a, b] of [
      ["2026-01-31", "2026-02-01"],
      ["2026-02-28", "2026-03-01"],
      ["2028-02-28", "2028-02-29"],
      ["2028-02-29", "2028-03-01"],
      ["2026-12-31", "2027-01-01"],
      ["1999-12-31", "2000-01-01"],
      ["2100-02-28", "2100-03-01"],
    ] as const) {
      expect(toDayNumber(b) - toDayNumber(a), `${a} → ${b}`).toBe(1);
    }
  });

  it("gives the year of a day number", () => {
    expect(yearOf(toDayNumber("2026-12-31"))).toBe(2026);
    expect(yearOf(toDayNumber("2027-01-01"))).toBe(2027);
    expect(yearOf(toDayNumber("1969-12-31"))).toBe(1969);
  });
});

describe("weekdays", () => {
  it.each<[string, number, string]>([
    ["1970-01-01", 4, "Thursday"],
    ["1969-12-31", 3, "Wednesday"],
    ["2000-02-29", 2, "Tuesday"],
    ["2026-10-31", 6, "Saturday"],
    ["2026-11-01", 0, "Sunday"],
    ["2026-11-02", 1, "Monday"],
    ["2026-11-06", 5, "Friday"],
    ["2026-12-25", 5, "Friday"],
    ["2027-12-25", 6, "Saturday"],
    ["2028-02-29", 2, "Tuesday"],
    ["2032-12-25", 6, "Saturday"],
  ])("%s is weekday %i, a %s", (date, weekday) => {
    expect(weekdayOf(toDayNumber(date))).toBe(weekday);
    expect(isWeekend(toDayNumber(date))).toBe(weekday === 0 || weekday === 6);
  });

  it("agrees with Date.getUTCDay for any day, including before 1970", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), (n) => {
        expect(weekdayOf(n)).toBe(new Date(n * MS_PER_DAY).getUTCDay());
      }),
      { numRuns: 5000 },
    );
  });
});

describe("isLocalDate", () => {
  it.each(["2026-02-29", "2026-13-01", "2026-1-1", "2026-00-10", "2026-04-31", "2026-11-00", "2100-02-29"])(
    "refuses %s",
    (value) => {
      expect(isLocalDate(value)).toBe(false);
    },
  );

  it.each(["", " 2026-11-06", "2026-11-06 ", "2026-11-06T00:00:00Z", "26-11-06", "2026/11/06", "06/11/2026"])(
    "refuses %j",
    (value) => {
      expect(isLocalDate(value)).toBe(false);
    },
  );

  it("refuses values that are not text", () => {
    for (const value of [20261106, null, undefined, new Date(Date.UTC(2026, 10, 6)), {}]) {
      expect(isLocalDate(value)).toBe(false);
    }
  });

  it.each(["2028-02-29", "2000-02-29", "2024-02-29", "2026-12-31", "2026-01-01", "2026-04-30"])(
    "accepts %s",
    (value) => {
      expect(isLocalDate(value)).toBe(true);
    },
  );
});

describe("formatLongDate", () => {
  it("writes a date the way a letter does", () => {
    expect(formatLongDate("2026-11-06")).toBe("Friday 6 November 2026");
    expect(formatLongDate("2027-01-01")).toBe("Friday 1 January 2027");
    expect(formatLongDate("2028-02-29")).toBe("Tuesday 29 February 2028");
    expect(formatLongDate("2026-10-31")).toBe("Saturday 31 October 2026");
  });

  it("refuses a date that does not exist", () => {
    expect(() => formatLongDate("2026-02-29")).toThrow(InvalidDateError);
  });
});

describe("InvalidDateError", () => {
  it("says in plain English what is wrong and how to write a date", () => {
    let error: unknown;
    try {
      toDayNumber("2026-02-29");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidDateError);
    const e = error as InvalidDateError;
    expect(e.code).toBe("INVALID_DATE");
    expect(e.name).toBe("InvalidDateError");
    expect(e.value).toBe("2026-02-29");
    expect(e.message).toBe(
      '"2026-02-29" is not a real date; write it as YYYY-MM-DD, for example 2026-11-06.',
    );
    expect(e.message).not.toMatch(/NaN|undefined|Invalid|RangeError/);
  });

  it("is thrown for badly written dates too", () => {
    expect(() => toDayNumber("2026-1-1")).toThrow(/"2026-1-1" is not a real date/);
    expect(() => toDayNumber("2026-13-01")).toThrow(InvalidDateError);
  });
});

describe("formatLondonDateTime", () => {
  it("writes an instant as the date and time in London, in GMT and in BST", () => {
    expect(formatLondonDateTime(new Date("2027-01-14T23:30:00Z"))).toBe("Thursday 14 January 2027 at 23:30");
    // 23:30 UTC on 30 April is 00:30 on 1 May in London (BST).
    expect(formatLondonDateTime(new Date("2027-04-30T23:30:00Z"))).toBe("Saturday 1 May 2027 at 00:30");
  });
});
