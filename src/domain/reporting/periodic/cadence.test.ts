import { describe, expect, it } from "vitest";
import {
  lastWholePeriod,
  periodBefore,
  periodContaining,
  periodOfKey,
  periodsEndingWith,
  recentPeriods,
} from "./cadence.ts";

describe("report cadences", () => {
  it("names a month by its key, with its first and last day", () => {
    expect(periodOfKey("month", "2027-02")).toEqual({
      cadence: "month",
      key: "2027-02",
      from: "2027-02-01",
      to: "2027-02-28",
      label: "February 2027",
      short: "Feb 2027",
    });
    expect(periodOfKey("month", "2028-02")?.to).toBe("2028-02-29");
  });

  it("numbers quarters within the reporting year, 1 April to 31 March", () => {
    expect(periodOfKey("quarter", "2026-q1")).toMatchObject({ from: "2026-04-01", to: "2026-06-30" });
    expect(periodOfKey("quarter", "2026-q3")).toMatchObject({
      from: "2026-10-01",
      to: "2026-12-31",
      label: "October to December 2026 (2026/27 Q3)",
      short: "2026/27 Q3",
    });
    // The fourth quarter of 2026/27 is in the calendar year 2027.
    expect(periodOfKey("quarter", "2026-Q4")).toMatchObject({
      key: "2026-q4",
      from: "2027-01-01",
      to: "2027-03-31",
      label: "January to March 2027 (2026/27 Q4)",
    });
  });

  it("refuses keys that are not periods of the cadence", () => {
    for (const key of ["2026-13", "2026-00", "2026-6", "26-06", "2026-q3", "1989-12", ""])
      expect(periodOfKey("month", key), key).toBeNull();
    for (const key of ["2026-q5", "2026-q0", "2026-06", "2026q1", "2199-q1"])
      expect(periodOfKey("quarter", key), key).toBeNull();
  });

  it("finds the period a day falls in, and the ones before, across the turn of the year", () => {
    expect(periodContaining("quarter", "2027-01-01").key).toBe("2026-q4");
    expect(periodContaining("quarter", "2027-03-31").key).toBe("2026-q4");
    expect(periodContaining("quarter", "2027-04-01").key).toBe("2027-q1");
    expect(periodContaining("quarter", "2026-12-31").key).toBe("2026-q3");
    expect(periodBefore(periodContaining("quarter", "2027-04-30")).key).toBe("2026-q4");
    expect(periodBefore(periodContaining("month", "2027-01-15")).key).toBe("2026-12");
    expect(periodBefore(periodContaining("quarter", "2027-01-15"), 4).key).toBe("2025-q4");
  });

  it("reports on the last whole period by default, and offers recent ones newest first", () => {
    expect(lastWholePeriod("month", "2026-12-02").key).toBe("2026-11");
    expect(lastWholePeriod("quarter", "2026-12-02").key).toBe("2026-q2");
    expect(lastWholePeriod("quarter", "2027-01-01").key).toBe("2026-q3");
    expect(recentPeriods("month", "2026-12-02", 3).map((p) => p.key)).toEqual([
      "2026-12",
      "2026-11",
      "2026-10",
    ]);
    expect(periodsEndingWith(periodContaining("quarter", "2026-12-02"), 5).map((p) => p.key)).toEqual([
      "2025-q3",
      "2025-q4",
      "2026-q1",
      "2026-q2",
      "2026-q3",
    ]);
  });
});
