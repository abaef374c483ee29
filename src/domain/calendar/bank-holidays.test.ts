import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  englandAndWalesBankHolidays,
  govUkBankHolidaysSchema,
  ruleBasedBankHolidays,
  snapshotYears,
  type BankHoliday,
} from "./bank-holidays.ts";
import { bundledBankHolidays } from "./england-and-wales.ts";

/**
 * England and Wales bank holidays 2018–2028 as published on GOV.UK (www.gov.uk/bank-holidays), typed by
 * hand for this test: it must not be read from data/bank-holidays.json, which it checks.
 */
const OFFICIAL: readonly (readonly [date: string, title: string])[] = [
  ["2018-01-01", "New Year’s Day"],
  ["2018-03-30", "Good Friday"],
  ["2018-04-02", "Easter Monday"],
  ["2018-05-07", "Early May bank holiday"],
  ["2018-05-28", "Spring bank holiday"],
  ["2018-08-27", "Summer bank holiday"],
  ["2018-12-25", "Christmas Day"],
  ["2018-12-26", "Boxing Day"],

  ["2019-01-01", "New Year’s Day"],
  ["2019-04-19", "Good Friday"],
  ["2019-04-22", "Easter Monday"],
  ["2019-05-06", "Early May bank holiday"],
  ["2019-05-27", "Spring bank holiday"],
  ["2019-08-26", "Summer bank holiday"],
  ["2019-12-25", "Christmas Day"],
  ["2019-12-26", "Boxing Day"],

  ["2020-01-01", "New Year’s Day"],
  ["2020-04-10", "Good Friday"],
  ["2020-04-13", "Easter Monday"],
  ["2020-05-08", "Early May bank holiday (VE day)"],
  ["2020-05-25", "Spring bank holiday"],
  ["2020-08-31", "Summer bank holiday"],
  ["2020-12-25", "Christmas Day"],
  ["2020-12-28", "Boxing Day (substitute day)"],

  ["2021-01-01", "New Year’s Day"],
  ["2021-04-02", "Good Friday"],
  ["2021-04-05", "Easter Monday"],
  ["2021-05-03", "Early May bank holiday"],
  ["2021-05-31", "Spring bank holiday"],
  ["2021-08-30", "Summer bank holiday"],
  ["2021-12-27", "Christmas Day (substitute day)"],
  ["2021-12-28", "Boxing Day (substitute day)"],

  ["2022-01-03", "New Year’s Day (substitute day)"],
  ["2022-04-15", "Good Friday"],
  ["2022-04-18", "Easter Monday"],
  ["2022-05-02", "Early May bank holiday"],
  ["2022-06-02", "Spring bank holiday"],
  ["2022-06-03", "Platinum Jubilee bank holiday"],
  ["2022-08-29", "Summer bank holiday"],
  ["2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II"],
  ["2022-12-26", "Boxing Day"],
  ["2022-12-27", "Christmas Day (substitute day)"],

  ["2023-01-02", "New Year’s Day (substitute day)"],
  ["2023-04-07", "Good Friday"],
  ["2023-04-10", "Easter Monday"],
  ["2023-05-01", "Early May bank holiday"],
  ["2023-05-08", "Bank holiday for the coronation of King Charles III"],
  ["2023-05-29", "Spring bank holiday"],
  ["2023-08-28", "Summer bank holiday"],
  ["2023-12-25", "Christmas Day"],
  ["2023-12-26", "Boxing Day"],

  ["2024-01-01", "New Year’s Day"],
  ["2024-03-29", "Good Friday"],
  ["2024-04-01", "Easter Monday"],
  ["2024-05-06", "Early May bank holiday"],
  ["2024-05-27", "Spring bank holiday"],
  ["2024-08-26", "Summer bank holiday"],
  ["2024-12-25", "Christmas Day"],
  ["2024-12-26", "Boxing Day"],

  ["2025-01-01", "New Year’s Day"],
  ["2025-04-18", "Good Friday"],
  ["2025-04-21", "Easter Monday"],
  ["2025-05-05", "Early May bank holiday"],
  ["2025-05-26", "Spring bank holiday"],
  ["2025-08-25", "Summer bank holiday"],
  ["2025-12-25", "Christmas Day"],
  ["2025-12-26", "Boxing Day"],

  ["2026-01-01", "New Year’s Day"],
  ["2026-04-03", "Good Friday"],
  ["2026-04-06", "Easter Monday"],
  ["2026-05-04", "Early May bank holiday"],
  ["2026-05-25", "Spring bank holiday"],
  ["2026-08-31", "Summer bank holiday"],
  ["2026-12-25", "Christmas Day"],
  ["2026-12-28", "Boxing Day (substitute day)"],

  ["2027-01-01", "New Year’s Day"],
  ["2027-03-26", "Good Friday"],
  ["2027-03-29", "Easter Monday"],
  ["2027-05-03", "Early May bank holiday"],
  ["2027-05-31", "Spring bank holiday"],
  ["2027-08-30", "Summer bank holiday"],
  ["2027-12-27", "Christmas Day (substitute day)"],
  ["2027-12-28", "Boxing Day (substitute day)"],

  ["2028-01-03", "New Year’s Day (substitute day)"],
  ["2028-04-14", "Good Friday"],
  ["2028-04-17", "Easter Monday"],
  ["2028-05-01", "Early May bank holiday"],
  ["2028-05-29", "Spring bank holiday"],
  ["2028-08-28", "Summer bank holiday"],
  ["2028-12-25", "Christmas Day"],
  ["2028-12-26", "Boxing Day"],
];

const YEARS = Array.from({ length: 11 }, (_, i) => 2018 + i);
const officialDates = (year: number): string[] =>
  OFFICIAL.filter(([d]) => d.startsWith(`${year}-`)).map(([d]) => d);
const dates = (list: readonly BankHoliday[]): string[] => list.map((h) => h.date);

/** Saturday or Sunday, by Date (independent of the code under test). */
const isWeekendDate = (date: string): boolean => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

describe("the hand-typed list", () => {
  it("has 8 bank holidays a year except the years with extra ones (2020 moved one, 2022 and 2023 added)", () => {
    const counts = Object.fromEntries(YEARS.map((y) => [y, officialDates(y).length]));
    expect(counts).toEqual({
      2018: 8,
      2019: 8,
      2020: 8,
      2021: 8,
      2022: 10,
      2023: 9,
      2024: 8,
      2025: 8,
      2026: 8,
      2027: 8,
      2028: 8,
    });
  });

  it("has no weekend dates", () => {
    expect(OFFICIAL.filter(([d]) => isWeekendDate(d))).toEqual([]);
  });
});

describe("the bundled GOV.UK snapshot (data/bank-holidays.json)", () => {
  const events = bundledBankHolidays["england-and-wales"].events;

  it("matches the official dates and titles for 2018–2028 exactly", () => {
    expect(events.map((e) => [e.date, e.title])).toEqual(OFFICIAL.map(([d, t]) => [d, t]));
  });

  it("covers 2018 to 2028", () => {
    expect(snapshotYears(bundledBankHolidays)).toEqual({ first: 2018, last: 2028 });
  });

  it("is in the GOV.UK format", () => {
    expect(govUkBankHolidaysSchema.safeParse(bundledBankHolidays).success).toBe(true);
    expect(
      govUkBankHolidaysSchema.safeParse({
        "england-and-wales": {
          division: "england-and-wales",
          events: [{ title: "x", date: "2026-02-29", notes: "", bunting: true }],
        },
      }).success,
    ).toBe(false);
  });

  it("has an empty snapshot cover nothing", () => {
    expect(snapshotYears({ "england-and-wales": { division: "england-and-wales", events: [] } })).toBeNull();
  });
});

describe("ruleBasedBankHolidays (the date-holidays fallback)", () => {
  it.each(YEARS)("gives the official dates for %i", (year) => {
    const rules = ruleBasedBankHolidays(year);
    expect(dates(rules)).toEqual(officialDates(year));
    expect(rules.every((h) => h.source === "rules" && h.name.length > 0)).toBe(true);
  });

  it("moves Christmas and Boxing Day to the Monday and Tuesday when they fall at a weekend (2032)", () => {
    // 25 December 2032 is a Saturday.
    expect(new Date("2032-12-25T00:00:00Z").getUTCDay()).toBe(6);
    const dec = ruleBasedBankHolidays(2032).filter((h) => h.date.startsWith("2032-12-"));
    expect(dec.map((h) => h.date)).toEqual(["2032-12-27", "2032-12-28"]);
  });

  it("moves New Year's Day to the Monday when it falls at a weekend (2033)", () => {
    expect(dates(ruleBasedBankHolidays(2033))[0]).toBe("2033-01-03");
  });

  it("follows the standing pattern for 2029–2045", () => {
    for (let year = 2029; year <= 2045; year++) {
      expect(dates(ruleBasedBankHolidays(year)), String(year)).toEqual(standingPattern(year));
    }
  });
});

describe("englandAndWalesBankHolidays", () => {
  const source = englandAndWalesBankHolidays({ snapshot: bundledBankHolidays });

  it.each(YEARS)("uses the snapshot for %i", (year) => {
    const list = source(year);
    expect(dates(list)).toEqual(officialDates(year));
    expect(list.every((h) => h.source === "gov.uk")).toBe(true);
  });

  it("keeps the GOV.UK titles", () => {
    expect(source(2022).find((h) => h.date === "2022-09-19")?.name).toBe(
      "Bank Holiday for the State Funeral of Queen Elizabeth II",
    );
  });

  it.each([2017, 2029, 2030, 2031, 2032, 2033, 2050])(
    "uses the rules for %i, outside the snapshot",
    (year) => {
      const list = source(year);
      expect(list).toEqual(ruleBasedBankHolidays(year));
      expect(list.every((h) => h.source === "rules")).toBe(true);
    },
  );

  it("gives 2029 and 2031 from the rules, hand-checked", () => {
    expect(dates(source(2029))).toEqual([
      "2029-01-01",
      "2029-03-30",
      "2029-04-02",
      "2029-05-07",
      "2029-05-28",
      "2029-08-27",
      "2029-12-25",
      "2029-12-26",
    ]);
    // 2031: Christmas Day is a Thursday, so no substitute days.
    expect(dates(source(2031))).toEqual([
      "2031-01-01",
      "2031-04-11",
      "2031-04-14",
      "2031-05-05",
      "2031-05-26",
      "2031-08-25",
      "2031-12-25",
      "2031-12-26",
    ]);
  });

  it("gives substitute days from the rules in 2032, when Christmas falls on a Saturday", () => {
    expect(dates(source(2032)).filter((d) => d.startsWith("2032-12-"))).toEqual(["2032-12-27", "2032-12-28"]);
  });

  it("uses the rules for every year when there is no snapshot", () => {
    const rulesOnly = englandAndWalesBankHolidays();
    expect(rulesOnly(2026)).toEqual(ruleBasedBankHolidays(2026));
  });

  it("adds a date, in order, marked as added", () => {
    const withExtra = englandAndWalesBankHolidays({
      snapshot: bundledBankHolidays,
      added: [
        { date: "2026-06-15", name: "A one-off bank holiday" },
        { date: "2030-06-17", name: "Another" },
      ],
    });
    const list2026 = withExtra(2026);
    expect(dates(list2026)).toEqual([...officialDates(2026), "2026-06-15"].sort());
    expect(list2026.find((h) => h.date === "2026-06-15")).toEqual({
      date: "2026-06-15",
      name: "A one-off bank holiday",
      source: "added",
    });
    expect(dates(withExtra(2027))).toEqual(officialDates(2027));
    expect(dates(withExtra(2030))).toContain("2030-06-17");
  });

  it("removes a date, from the snapshot or from the rules", () => {
    const without = englandAndWalesBankHolidays({
      snapshot: bundledBankHolidays,
      removed: ["2026-05-04", "2030-05-06"],
    });
    expect(dates(without(2026))).toEqual(officialDates(2026).filter((d) => d !== "2026-05-04"));
    expect(dates(without(2030))).not.toContain("2030-05-06");
    expect(dates(without(2030))).toHaveLength(7);
  });

  it("moves a holiday when one date is removed and another added", () => {
    const moved = englandAndWalesBankHolidays({
      snapshot: bundledBankHolidays,
      removed: ["2027-05-03"],
      added: [{ date: "2027-05-07", name: "Early May bank holiday (moved)" }],
    });
    expect(dates(moved(2027))).toEqual([
      "2027-01-01",
      "2027-03-26",
      "2027-03-29",
      "2027-05-07",
      "2027-05-31",
      "2027-08-30",
      "2027-12-27",
      "2027-12-28",
    ]);
  });

  it("answers the same year the same way twice", () => {
    expect(source(2031)).toBe(source(2031));
  });
});

describe("no weekend date is ever returned", () => {
  const source = englandAndWalesBankHolidays({ snapshot: bundledBankHolidays });

  it("by the snapshot-then-rules source, for 1990–2200", () => {
    for (let year = 1990; year <= 2200; year++) {
      const weekend = source(year).filter((h) => isWeekendDate(h.date));
      expect(weekend, String(year)).toEqual([]);
    }
  });

  it("by the rules, for random years", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2500 }), (year) => {
        const list = ruleBasedBankHolidays(year);
        expect(list.filter((h) => isWeekendDate(h.date))).toEqual([]);
        expect(list.every((h) => h.date.startsWith(`${year}-`))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * The standing England and Wales pattern, worked out in the test: New Year's Day, Good Friday, Easter
 * Monday, first and last Monday of May, last Monday of August, Christmas Day and Boxing Day, a day at a
 * weekend moving to the next weekday that is not already a holiday. One-off changes cannot be predicted.
 */
function standingPattern(year: number): string[] {
  const utc = (m: number, d: number) => new Date(Date.UTC(year, m - 1, d));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
  const firstMonday = (m: number) => {
    const d = utc(m, 1);
    return addDays(d, (8 - d.getUTCDay()) % 7);
  };
  const lastMonday = (m: number) => {
    const d = utc(m + 1, 0);
    return addDays(d, -((d.getUTCDay() + 6) % 7));
  };
  const easter = easterSunday(year);
  const fixed: Date[] = [utc(1, 1), utc(12, 25), utc(12, 26)];
  const result = new Set<string>([
    iso(addDays(easter, -2)),
    iso(addDays(easter, 1)),
    iso(firstMonday(5)),
    iso(lastMonday(5)),
    iso(lastMonday(8)),
  ]);
  for (const day of fixed) {
    let d = day;
    while (d.getUTCDay() === 0 || d.getUTCDay() === 6 || result.has(iso(d))) d = addDays(d, 1);
    result.add(iso(d));
  }
  return [...result].sort();
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h - 7 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

describe("the England and Wales calendar before the snapshot", () => {
  it("knows the 2011 royal wedding and the 2012 Jubilee move that the rules miss", async () => {
    const { englandAndWalesCalendar } = await import("./england-and-wales.ts");
    const { toDayNumber } = await import("./day-number.ts");
    const calendar = englandAndWalesCalendar();
    expect(calendar.isWorkingDay(toDayNumber("2011-04-29"))).toBe(false);
    expect(calendar.isWorkingDay(toDayNumber("2012-05-28"))).toBe(true);
    expect(calendar.isWorkingDay(toDayNumber("2012-06-04"))).toBe(false);
    expect(calendar.isWorkingDay(toDayNumber("2012-06-05"))).toBe(false);
  });
});
