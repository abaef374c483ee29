import { describe, it, expect } from "vitest";
import { complaintClocks } from "./clocks.ts";
import { endOfLondonDay, hazardClocks, type HazardClock } from "./hazard-clocks.ts";
import { aComplaintHistory, contextFor } from "./test-builders.ts";

const bchg = contextFor("bchg", "2027-12-31");
const code = contextFor("hos-code-2024", "2027-12-31");

/** A complaint received Fri 20 Nov 2026 with one hazard flagged at 15:00 that day (GMT). */
function flagged(severity: "emergency" | "significant", madeSafeAt?: string) {
  const history = aComplaintHistory()
    .receivedOn("2026-11-20")
    .hazardFlaggedOn("2026-11-20", "2026-11-20T15:00:00Z", severity);
  if (madeSafeAt) history.hazardMadeSafeOn(madeSafeAt.slice(0, 10), madeSafeAt);
  return history.fold();
}

function onlyClock(clocks: HazardClock[]): HazardClock {
  expect(clocks).toHaveLength(1);
  return clocks[0]!;
}

describe("BCHG's risk filter", () => {
  it("gives a significant hazard 48 hours, with the legal limit at the end of the 10th working day", () => {
    const clock = onlyClock(hazardClocks(flagged("significant"), bchg));
    expect(clock).toMatchObject({
      severity: "significant",
      flaggedAt: "2026-11-20T15:00:00Z",
      // 48 calendar hours: the weekend counts.
      due: "2026-11-22T15:00:00.000Z",
      // 10 WD after Fri 20 Nov: 23,24,25,26,27,30, 1,2,3,4 Dec → Fri 4 Dec 2026, end of the day (GMT).
      codeLimit: "2026-12-04T23:59:59.999Z",
      metAt: null,
      state: "open",
    });
    expect(clock.explanation).toContain("bchg: risk filter within 48 hours");
    expect(clock.explanation).toContain("by the end of 2026-12-04");
  });

  it("gives an emergency hazard 24 hours: the earlier of the pack's 48 and the law's 24", () => {
    const clock = onlyClock(hazardClocks(flagged("emergency"), bchg));
    expect({ due: clock.due, codeLimit: clock.codeLimit }).toEqual({
      due: "2026-11-21T15:00:00.000Z",
      codeLimit: "2026-11-21T15:00:00.000Z",
    });
    expect(clock.explanation).toContain("within 24 hours");
  });

  it("is met when made safe by the due time, to the second", () => {
    expect(onlyClock(hazardClocks(flagged("significant", "2026-11-22T09:00:00Z"), bchg)).state).toBe("met");
    const exactly = onlyClock(hazardClocks(flagged("significant", "2026-11-22T15:00:00Z"), bchg));
    expect(exactly).toMatchObject({ state: "met", metAt: "2026-11-22T15:00:00Z" });
  });

  it("is late when made safe after the due time", () => {
    const clock = onlyClock(hazardClocks(flagged("significant", "2026-11-22T15:00:01Z"), bchg));
    expect(clock).toMatchObject({ state: "late", metAt: "2026-11-22T15:00:01Z" });
    const emergency = onlyClock(hazardClocks(flagged("emergency", "2026-11-21T16:00:00Z"), bchg));
    expect(emergency.state).toBe("late");
  });

  it("is overdue only once `now` is past the due time", () => {
    const state = flagged("significant");
    expect(onlyClock(hazardClocks(state, { ...bchg, now: "2026-11-22T15:00:00Z" })).state).toBe("open");
    expect(onlyClock(hazardClocks(state, { ...bchg, now: "2026-11-22T15:00:01Z" })).state).toBe("overdue");
    // Without `now`, nothing is overdue.
    expect(onlyClock(hazardClocks(state, bchg)).state).toBe("open");
  });

  it("runs in parallel: the complaint's own clocks are unchanged", () => {
    const without = aComplaintHistory().receivedOn("2026-11-20").fold();
    expect(complaintClocks(flagged("emergency"), bchg)).toEqual(complaintClocks(without, bchg));
    // Received Fri 20 Nov: 5 WD = 23,24,25,26,27 → Fri 27 Nov.
    expect(complaintClocks(flagged("emergency"), bchg)[0]?.due).toBe("2026-11-27");
  });
});

describe("a pack without a risk filter", () => {
  it("uses the legal limit as the target for a significant hazard", () => {
    const clock = onlyClock(hazardClocks(flagged("significant"), code));
    expect({ due: clock.due, codeLimit: clock.codeLimit }).toEqual({
      due: "2026-12-04T23:59:59.999Z",
      codeLimit: "2026-12-04T23:59:59.999Z",
    });
    expect(clock.explanation).toContain("hos-code-2024 sets no risk filter");
  });

  it("gives an emergency hazard 24 hours", () => {
    const clock = onlyClock(hazardClocks(flagged("emergency"), code));
    expect({ due: clock.due, codeLimit: clock.codeLimit }).toEqual({
      due: "2026-11-21T15:00:00.000Z",
      codeLimit: "2026-11-21T15:00:00.000Z",
    });
  });

  it("ends a summer deadline at midnight London time (BST)", () => {
    const state = aComplaintHistory()
      .receivedOn("2026-07-01")
      .hazardFlaggedOn("2026-07-01", "2026-07-01T09:00:00Z", "significant")
      .fold();
    // 10 WD after Wed 1 Jul 2026: 2,3,6,7,8,9,10,13,14,15 → Wed 15 Jul, 23:59:59.999 BST.
    expect(onlyClock(hazardClocks(state, code)).codeLimit).toBe("2026-07-15T22:59:59.999Z");
  });
});

describe("endOfLondonDay", () => {
  const iso = (date: string) => new Date(endOfLondonDay(date)).toISOString();

  it("is 23:59:59.999 GMT in winter", () => {
    expect(iso("2026-12-01")).toBe("2026-12-01T23:59:59.999Z");
  });

  it("is 23:59:59.999 BST, an hour earlier in UTC, in summer", () => {
    expect(iso("2026-07-01")).toBe("2026-07-01T22:59:59.999Z");
  });

  it("follows the clock changes of 2026 (29 March forward, 25 October back)", () => {
    expect(iso("2026-03-28")).toBe("2026-03-28T23:59:59.999Z"); // still GMT
    expect(iso("2026-03-29")).toBe("2026-03-29T22:59:59.999Z"); // BST from 01:00 UTC
    expect(iso("2026-10-24")).toBe("2026-10-24T22:59:59.999Z"); // still BST
    expect(iso("2026-10-25")).toBe("2026-10-25T23:59:59.999Z"); // GMT from 01:00 UTC
  });
});
