import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { ruleBasedBankHolidays } from "./bank-holidays.ts";
import { fromDayNumber, toDayNumber } from "./day-number.ts";
import { englandAndWalesCalendar } from "./england-and-wales.ts";
import { DateOutsideCalendarError, WorkingCalendar, type ClosureDay } from "./working-calendar.ts";

/**
 * England and Wales bank holidays 2018–2028 as published on GOV.UK, typed by hand (not read from
 * data/bank-holidays.json), so the expected dates below do not depend on the code under test.
 */
const OFFICIAL_2018_2028 = `
  2018-01-01 2018-03-30 2018-04-02 2018-05-07 2018-05-28 2018-08-27 2018-12-25 2018-12-26
  2019-01-01 2019-04-19 2019-04-22 2019-05-06 2019-05-27 2019-08-26 2019-12-25 2019-12-26
  2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28
  2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28
  2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27
  2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26
  2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26
  2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26
  2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28
  2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28
  2028-01-03 2028-04-14 2028-04-17 2028-05-01 2028-05-29 2028-08-28 2028-12-25 2028-12-26
`
  .trim()
  .split(/\s+/);

/** The hand-typed list for 2018–2028; the rule-based projection for other years (no official list exists). */
function holidaysForYears(first: number, last: number): Set<string> {
  const set = new Set<string>();
  for (let year = first; year <= last; year++) {
    if (year >= 2018 && year <= 2028)
      OFFICIAL_2018_2028.filter((d) => d.startsWith(`${year}-`)).forEach((d) => set.add(d));
    else ruleBasedBankHolidays(year).forEach((h) => set.add(h.date));
  }
  return set;
}

const HOLIDAYS = holidaysForYears(2016, 2037);

/**
 * The oracle: step a Date one day at a time, counting Monday–Friday days that are neither a holiday nor
 * a closure. Deliberately simple and slow; shares nothing with WorkingCalendar.
 */
function oracleAdd(
  start: string,
  n: number,
  holidays: ReadonlySet<string>,
  closures: ReadonlySet<string> = new Set(),
) {
  const d = new Date(`${start}T00:00:00Z`);
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + step);
    const iso = d.toISOString().slice(0, 10);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(iso) && !closures.has(iso)) left--;
  }
  return d.toISOString().slice(0, 10);
}

function oracleIsWorking(
  date: string,
  holidays: ReadonlySet<string>,
  closures: ReadonlySet<string> = new Set(),
) {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date) && !closures.has(date);
}

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const calendar = englandAndWalesCalendar();
const add = (date: string, n: number) => calendar.addWorkingDaysToDate(date, n);

describe("the oracle itself", () => {
  it("gives the DESIGN.md example: received Saturday 31 Oct 2026, 5 working days → Friday 6 Nov 2026", () => {
    expect(oracleAdd("2026-10-31", 5, HOLIDAYS)).toBe("2026-11-06");
  });
});

describe("hand-checked deadlines", () => {
  it.each([
    // Received on a Saturday: Mon 2, Tue 3, Wed 4, Thu 5, Fri 6 Nov.
    ["2026-10-31", 5, "2026-11-06"],
    // Sunday: same answer.
    ["2026-11-01", 5, "2026-11-06"],
    // Monday: the day itself does not count: Tue 3 ... Mon 9.
    ["2026-11-02", 5, "2026-11-09"],
    // Thu 24 Dec 2026: 25 (Christmas), 26–27 (weekend), 28 (Boxing Day substitute) skipped;
    // count 29, 30, 31 Dec; 1 Jan (holiday), 2–3 (weekend) skipped; 4, 5 Jan.
    ["2026-12-24", 5, "2027-01-05"],
    // Friday before the Early May bank holiday Monday (4 May 2026): Sat, Sun, Mon skipped → Tue 5 May.
    ["2026-05-01", 1, "2026-05-05"],
    // On the bank holiday itself: it does not count; Tue 5 is the first working day after it.
    ["2026-05-04", 1, "2026-05-05"],
    // On the bank holiday: Tue 5, Wed 6, Thu 7, Fri 8, Mon 11.
    ["2026-05-04", 5, "2026-05-11"],
    // On Good Friday 2026 (3 Apr): Sat, Sun, Easter Monday skipped; 7,8,9,10,13,14,15,16,17,20 April.
    ["2026-04-03", 10, "2026-04-20"],
    // On the Summer bank holiday (Mon 31 Aug 2026): 1–4, 7–11, 14–18, 21–25 Sep is 19; the 20th is Mon 28 Sep.
    ["2026-08-31", 20, "2026-09-28"],
    // Fri 24 Dec 2027: 25–26 weekend, 27–28 substitutes; 29, 30, 31 Dec; 1–2 Jan weekend, 3 Jan substitute; 4, 5 Jan.
    ["2027-12-24", 5, "2028-01-05"],
    // Thu 31 Dec 2026: 1 Jan holiday, weekend; Mon 4 Jan is the first.
    ["2026-12-31", 1, "2027-01-04"],
    // Backwards from Tue 5 May 2026: Mon 4 (holiday), Sun 3, Sat 2 skipped → Fri 1 May.
    ["2026-05-05", -1, "2026-05-01"],
    // Backwards from a holiday: the holiday itself does not count either.
    ["2026-12-28", -1, "2026-12-24"],
    // Zero working days: the date itself.
    ["2026-10-31", 0, "2026-10-31"],
  ] as const)("%s + %i working days → %s", (start, n, expected) => {
    expect(add(start, n)).toBe(expected);
    expect(oracleAdd(start, n, HOLIDAYS)).toBe(expected);
  });
});

/** Rows for every bank holiday H of 2026–2028: the working day before H, the non-working run around H, the working day after. */
function tableRows(): [string, string, number, string][] {
  const rows: [string, string, number, string][] = [];
  for (const holiday of OFFICIAL_2018_2028.filter((d) => d >= "2026-01-01" && d <= "2028-12-31")) {
    let runStart = holiday;
    while (!oracleIsWorking(shiftDays(runStart, -1), HOLIDAYS)) runStart = shiftDays(runStart, -1);
    let runEnd = holiday;
    while (!oracleIsWorking(shiftDays(runEnd, 1), HOLIDAYS)) runEnd = shiftDays(runEnd, 1);
    const triggers = [shiftDays(runStart, -1)];
    for (let d = runStart; d <= runEnd; d = shiftDays(d, 1)) triggers.push(d);
    triggers.push(shiftDays(runEnd, 1));
    for (const trigger of triggers) {
      for (const n of [5, 10, 20]) rows.push([holiday, trigger, n, oracleAdd(trigger, n, HOLIDAYS)]);
    }
  }
  return rows;
}

describe("deadline tables around every bank holiday of 2026–2028", () => {
  const rows = tableRows();

  it("has rows for all 24 holidays, with the holiday itself as a trigger", () => {
    expect(new Set(rows.map(([h]) => h)).size).toBe(24);
    for (const h of new Set(rows.map(([holiday]) => holiday))) {
      expect(rows.some(([holiday, trigger]) => holiday === h && trigger === h)).toBe(true);
    }
  });

  it.each(rows)("around %s: %s + %i working days → %s", (_holiday, trigger, n, expected) => {
    expect(add(trigger, n)).toBe(expected);
  });
});

describe("properties against the oracle", () => {
  const FROM = toDayNumber("2018-01-01");
  const TO = toDayNumber("2035-12-31");
  const startArb = fc.integer({ min: FROM, max: TO });

  it("addWorkingDays equals the oracle for start dates 2018–2035 and n in -60..60", () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: -60, max: 60 }), (start, n) => {
        const date = fromDayNumber(start);
        expect(fromDayNumber(calendar.addWorkingDays(start, n))).toBe(oracleAdd(date, n, HOLIDAYS));
      }),
      { numRuns: 4000 },
    );
  });

  it("addWorkingDays equals the oracle with random closure days as well", () => {
    fc.assert(
      fc.property(
        startArb,
        fc.integer({ min: -60, max: 60 }),
        fc.uniqueArray(fc.integer({ min: -90, max: 90 }), { maxLength: 15 }),
        (start, n, offsets) => {
          const closures: ClosureDay[] = offsets.map((o) => ({
            date: fromDayNumber(start + o),
            reason: "Closed",
          }));
          const withClosures = calendar.withClosures(closures);
          const closed = new Set(closures.map((c) => c.date));
          expect(fromDayNumber(withClosures.addWorkingDays(start, n))).toBe(
            oracleAdd(fromDayNumber(start), n, HOLIDAYS, closed),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("isWorkingDay equals the oracle", () => {
    fc.assert(
      fc.property(startArb, (day) => {
        expect(calendar.isWorkingDay(day)).toBe(oracleIsWorking(fromDayNumber(day), HOLIDAYS));
      }),
      { numRuns: 4000 },
    );
  });

  it("for n > 0: the result is a working day, strictly after the start, and n working days later", () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const result = calendar.addWorkingDays(start, n);
        expect(result).toBeGreaterThan(start);
        expect(calendar.isWorkingDay(result)).toBe(true);
        expect(calendar.nonWorkingReason(result)).toBeNull();
        expect(calendar.workingDaysBetween(start, result)).toBe(n);
        expect(calendar.workingDaysBetween(result, start)).toBe(-n);
        // Not one calendar day earlier: the (n-1)th working day is before it.
        expect(calendar.workingDaysBetween(start, result - 1)).toBe(n - 1);
      }),
      { numRuns: 4000 },
    );
  });

  it("for n < 0: the result is a working day strictly before the start", () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: -60, max: -1 }), (start, n) => {
        const result = calendar.addWorkingDays(start, n);
        expect(result).toBeLessThan(start);
        expect(calendar.isWorkingDay(result)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("adding in two steps from a working day is adding in one", () => {
    fc.assert(
      fc.property(
        startArb,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        (start, a, b) => {
          const mid = calendar.addWorkingDays(start, a);
          expect(calendar.addWorkingDays(mid, b)).toBe(calendar.addWorkingDays(start, a + b));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("workingDaysBetween", () => {
  it("counts working days in (from, to]", () => {
    const between = (a: string, b: string) => calendar.workingDaysBetween(toDayNumber(a), toDayNumber(b));
    expect(between("2026-10-31", "2026-11-06")).toBe(5);
    expect(between("2026-12-24", "2027-01-05")).toBe(5);
    expect(between("2026-12-24", "2026-12-28")).toBe(0);
    expect(between("2026-11-06", "2026-11-06")).toBe(0);
    expect(between("2027-01-05", "2026-12-24")).toBe(-5);
  });
});

describe("closures", () => {
  const christmasClosure: ClosureDay[] = [
    { date: "2026-12-29", reason: "Christmas closure" },
    { date: "2026-12-30", reason: "Christmas closure" },
    { date: "2026-12-31", reason: "Christmas closure" },
  ];
  const closed = englandAndWalesCalendar({ closures: christmasClosure });

  it("skips closure days", () => {
    // Thu 24 Dec 2026: 25–31 Dec and 1–3 Jan all closed; Mon 4 Jan is the first working day.
    expect(closed.addWorkingDaysToDate("2026-12-24", 1)).toBe("2027-01-04");
    expect(closed.addWorkingDaysToDate("2026-12-24", 5)).toBe("2027-01-08");
    expect(add("2026-12-24", 5)).toBe("2027-01-05");
  });

  it("names the reason a day is not a working day", () => {
    const reason = (date: string) => closed.nonWorkingReason(toDayNumber(date));
    expect(reason("2026-12-30")).toEqual({ kind: "closure", name: "Christmas closure" });
    expect(reason("2026-12-25")).toEqual({ kind: "bank-holiday", name: "Christmas Day" });
    expect(reason("2026-12-28")).toEqual({ kind: "bank-holiday", name: "Boxing Day (substitute day)" });
    expect(reason("2026-12-26")).toEqual({ kind: "weekend" });
    expect(reason("2027-01-04")).toBeNull();
    expect(closed.isWorkingDay(toDayNumber("2026-12-30"))).toBe(false);
  });

  it("reports a closure on a weekend or bank holiday as the weekend or holiday", () => {
    const cal = englandAndWalesCalendar({
      closures: [
        { date: "2026-12-25", reason: "Closed" },
        { date: "2026-12-26", reason: "Closed" },
      ],
    });
    expect(cal.nonWorkingReason(toDayNumber("2026-12-25"))).toEqual({
      kind: "bank-holiday",
      name: "Christmas Day",
    });
    expect(cal.nonWorkingReason(toDayNumber("2026-12-26"))).toEqual({ kind: "weekend" });
    expect(cal.addWorkingDaysToDate("2026-12-24", 5)).toBe("2027-01-05");
  });

  it("changes the calendar id when the closures change, and not otherwise", () => {
    const plain = englandAndWalesCalendar();
    const other = englandAndWalesCalendar({
      closures: [{ date: "2026-12-29", reason: "Christmas closure" }],
    });
    const reordered = englandAndWalesCalendar({ closures: [...christmasClosure].reverse() });
    expect(plain.id).toBe(englandAndWalesCalendar().id);
    expect(closed.id).not.toBe(plain.id);
    expect(closed.id).not.toBe(other.id);
    expect(other.id).not.toBe(plain.id);
    expect(reordered.id).toBe(closed.id);
    expect(closed.id.startsWith(plain.label)).toBe(true);
  });

  it("withClosures gives a calendar with those closures, leaving the original alone", () => {
    const plain = englandAndWalesCalendar();
    const withThem = plain.withClosures(christmasClosure);
    expect(withThem.closureDays).toEqual(christmasClosure);
    expect(withThem.id).toBe(closed.id);
    expect(withThem.addWorkingDaysToDate("2026-12-24", 5)).toBe("2027-01-08");
    expect(plain.closureDays).toEqual([]);
    expect(plain.addWorkingDaysToDate("2026-12-24", 5)).toBe("2027-01-05");
    expect(withThem.withClosures([]).id).toBe(plain.id);
  });

  it("lists closure days in date order", () => {
    const cal = englandAndWalesCalendar({ closures: [...christmasClosure].reverse() });
    expect(cal.closureDays.map((c) => c.date)).toEqual(["2026-12-29", "2026-12-30", "2026-12-31"]);
  });
});

describe("corrections to the bank holidays", () => {
  it("an added bank holiday is skipped and named, and changes the id", () => {
    const cal = englandAndWalesCalendar({ added: [{ date: "2026-11-02", name: "A one-off bank holiday" }] });
    expect(cal.addWorkingDaysToDate("2026-10-31", 5)).toBe("2026-11-09");
    expect(cal.nonWorkingReason(toDayNumber("2026-11-02"))).toEqual({
      kind: "bank-holiday",
      name: "A one-off bank holiday",
    });
    expect(cal.id).not.toBe(calendar.id);
  });

  it("a removed bank holiday is a working day again", () => {
    const cal = englandAndWalesCalendar({ removed: ["2026-05-04"] });
    expect(cal.addWorkingDaysToDate("2026-05-01", 1)).toBe("2026-05-04");
    expect(cal.id).not.toBe(calendar.id);
  });
});

describe("growing beyond the first tables", () => {
  it("computes dates far after the initial years (2060) correctly", () => {
    const cal = englandAndWalesCalendar();
    const holidays = holidaysForYears(2058, 2062);
    for (const [start, n] of [
      ["2060-12-23", 5],
      ["2060-05-28", 20],
      ["2060-12-31", -10],
      ["2061-01-01", 1],
    ] as const) {
      expect(cal.addWorkingDaysToDate(start, n), `${start} + ${n}`).toBe(oracleAdd(start, n, holidays));
    }
    // Still right for the years it started with.
    expect(cal.addWorkingDaysToDate("2026-12-24", 5)).toBe("2027-01-05");
  });

  it("computes dates far before the initial years (1995) correctly", () => {
    const cal = englandAndWalesCalendar();
    const holidays = holidaysForYears(1993, 1997);
    for (const [start, n] of [
      ["1995-04-13", 5],
      ["1995-12-22", 10],
      ["1995-01-01", -5],
      ["1995-08-25", 1],
    ] as const) {
      expect(cal.addWorkingDaysToDate(start, n), `${start} + ${n}`).toBe(oracleAdd(start, n, holidays));
    }
    expect(cal.addWorkingDaysToDate("2026-10-31", 5)).toBe("2026-11-06");
  });

  it("grows for a count that runs past the end of the tables", () => {
    const cal = englandAndWalesCalendar();
    expect(cal.addWorkingDaysToDate("2035-12-20", 60)).toBe(oracleAdd("2035-12-20", 60, HOLIDAYS));
    expect(cal.addWorkingDaysToDate("2018-01-10", -60)).toBe(oracleAdd("2018-01-10", -60, HOLIDAYS));
    expect(cal.workingDaysBetween(toDayNumber("2026-01-01"), toDayNumber("2040-01-01"))).toBeGreaterThan(
      3500,
    );
  });

  it("applies closures in years it grows into", () => {
    const cal = englandAndWalesCalendar({ closures: [{ date: "2060-06-01", reason: "Office move" }] });
    const holidays = holidaysForYears(2059, 2061);
    expect(cal.addWorkingDaysToDate("2060-05-28", 5)).toBe(
      oracleAdd("2060-05-28", 5, holidays, new Set(["2060-06-01"])),
    );
    expect(cal.nonWorkingReason(toDayNumber("2060-06-01"))).toEqual({ kind: "closure", name: "Office move" });
  });

  it("refuses year 2500 clearly", () => {
    const cal = englandAndWalesCalendar();
    const day = toDayNumber("2500-01-04");
    expect(() => cal.addWorkingDays(day, 5)).toThrow(DateOutsideCalendarError);
    expect(() => cal.isWorkingDay(day)).toThrow(DateOutsideCalendarError);
    expect(() => cal.addWorkingDaysToDate("2500-01-04", 5)).toThrow(/2500-01-04 is outside the years/);
    try {
      cal.addWorkingDays(day, 5);
    } catch (e) {
      expect((e as DateOutsideCalendarError).code).toBe("DATE_OUTSIDE_CALENDAR");
    }
    // And still works afterwards.
    expect(cal.addWorkingDaysToDate("2026-10-31", 5)).toBe("2026-11-06");
  });

  it("refuses a count that runs past the last year it can hold", () => {
    const cal = englandAndWalesCalendar();
    expect(() => cal.addWorkingDaysToDate("2200-12-30", 5)).toThrow(DateOutsideCalendarError);
    expect(() => cal.addWorkingDaysToDate("1980-01-01", 1)).toThrow(DateOutsideCalendarError);
  });

  it("counts past a closure longer than the growth step (no endless retry)", () => {
    const closures: ClosureDay[] = [];
    for (let d = toDayNumber("2036-01-01"); d <= toDayNumber("2038-06-30"); d++) {
      closures.push({ date: fromDayNumber(d), reason: "Closed" });
    }
    const cal = englandAndWalesCalendar({ closures });
    // Thursday 1 July 2038 is the first working day after the closure.
    expect(cal.addWorkingDaysToDate("2035-12-31", 1)).toBe("2038-07-01");
    expect(englandAndWalesCalendar({ closures }).addWorkingDaysToDate("2038-07-01", -1)).toBe("2035-12-31");
  });

  it("can be built for other years and bank-holiday sources", () => {
    const cal = new WorkingCalendar({
      bankHolidays: () => [],
      label: "weekends-only",
      years: { first: 2026, last: 2026 },
    });
    expect(cal.addWorkingDaysToDate("2026-12-24", 5)).toBe("2026-12-31");
    expect(cal.addWorkingDaysToDate("2026-12-31", 1)).toBe("2027-01-01");
    expect(cal.id).toBe("weekends-only");
  });
});

describe("bad input", () => {
  it.each([1.5, -0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    "refuses %s working days, and still counts correctly afterwards",
    (n) => {
      const cal = englandAndWalesCalendar();
      expect(() => cal.addWorkingDays(toDayNumber("2026-10-31"), n)).toThrow(RangeError);
      expect(cal.addWorkingDaysToDate("2026-10-31", 5)).toBe("2026-11-06");
    },
  );

  it("refuses a day number that is not a whole number", () => {
    const cal = englandAndWalesCalendar();
    const day = toDayNumber("2026-11-02") + 0.5;
    expect(() => cal.addWorkingDays(day, 1)).toThrow(RangeError);
    expect(() => cal.isWorkingDay(day)).toThrow(RangeError);
    expect(() => cal.nonWorkingReason(day)).toThrow(RangeError);
    expect(() => cal.workingDaysBetween(day, day + 3)).toThrow(RangeError);
    expect(() => cal.isWorkingDay(Number.NaN)).toThrow(RangeError);
  });
});
