import { describe, it, expect } from "vitest";
import { z } from "zod";
import type { ComplaintEvent } from "./events.ts";
import { simulateComplaint, simulationInputSchema, type SimulationResult } from "./simulate.ts";
import { MalformedHistoryError } from "./state.ts";
import { aComplaintHistory, englandAndWales, packFor } from "./test-builders.ts";

function simulate(events: ComplaintEvent[], packId = "hos-code-2024", today?: string): SimulationResult {
  return simulateComplaint({ events }, packFor(packId), englandAndWales(), today);
}

/**
 * Received Mon 2 Nov 2026, acknowledged Wed 4 Nov (response due 10 WD later: Wed 18 Nov), responded
 * Mon 16 Nov, escalation requested Mon 23 Nov (Stage 2 acknowledgement due 5 WD later: 24,25,26,27,30 →
 * Mon 30 Nov), Stage 2 acknowledged Wed 25 Nov (response due 20 WD later: 26,27,30, 1-4, 7-11, 14-18,
 * 21,22,23 Dec → Wed 23 Dec 2026).
 */
const received = () => aComplaintHistory().receivedOn("2026-11-02");
const acknowledged = () => received().definedOn("2026-11-03").acknowledgedOn("2026-11-04");
const escalated = () => acknowledged().respondedOn("2026-11-16").escalationRequestedOn("2026-11-23");
const atStage2 = () => escalated().acknowledgedOn("2026-11-25");

describe("the simulate output", () => {
  it("names the policy, stage, status and the clocks started so far", () => {
    const result = simulate(received().build());
    expect(result).toMatchObject({
      policy: "hos-code-2024",
      policyVersion: "1.0.0",
      stage: 1,
      status: "awaiting-acknowledgement",
    });
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(["policy", "stage", "status", "clocks", "hazards", "findings"]),
    );
    expect(result.calendar).toContain("england-and-wales");
  });

  it("adds each clock only once its trigger has happened", () => {
    expect(Object.keys(simulate(received().build()).clocks)).toEqual(["stage1.acknowledgement"]);
    expect(Object.keys(simulate(acknowledged().build()).clocks)).toEqual([
      "stage1.acknowledgement",
      "stage1.response",
    ]);
    expect(Object.keys(simulate(escalated().build()).clocks)).toEqual([
      "stage1.acknowledgement",
      "stage1.response",
      "stage2.acknowledgement",
    ]);
    expect(Object.keys(simulate(atStage2().build()).clocks)).toEqual([
      "stage1.acknowledgement",
      "stage1.response",
      "stage2.acknowledgement",
      "stage2.response",
    ]);
  });

  it("gives each clock its due date, Code limit, the day it was met and its state", () => {
    const result = simulate(atStage2().build());
    const fields = Object.fromEntries(
      Object.entries(result.clocks).map(([name, c]) => [
        name,
        { due: c.due, codeLimit: c.codeLimit, metOn: c.metOn, state: c.state },
      ]),
    );
    expect(fields).toEqual({
      "stage1.acknowledgement": {
        due: "2026-11-09",
        codeLimit: "2026-11-09",
        metOn: "2026-11-04",
        state: "met",
      },
      "stage1.response": { due: "2026-11-18", codeLimit: "2026-11-18", metOn: "2026-11-16", state: "met" },
      "stage2.acknowledgement": {
        due: "2026-11-30",
        codeLimit: "2026-11-30",
        metOn: "2026-11-25",
        state: "met",
      },
      "stage2.response": { due: "2026-12-23", codeLimit: "2026-12-23", metOn: null, state: "open" },
    });
    expect(result).toMatchObject({ stage: 2, status: "investigating", findings: [] });
    for (const clock of Object.values(result.clocks)) {
      expect(clock.explanation.due).toContain("hos-code-2024");
      expect(clock.explanation.codeLimit).toContain("Complaint Handling Code");
    }
  });

  it("shows a clock overdue only when today is past its due date", () => {
    const events = received().build(); // acknowledgement due Mon 9 Nov
    expect(simulate(events).clocks["stage1.acknowledgement"]?.state).toBe("open");
    expect(simulate(events, "hos-code-2024", "2026-11-09").clocks["stage1.acknowledgement"]?.state).toBe(
      "open",
    );
    const overdue = simulate(events, "hos-code-2024", "2026-11-10");
    expect(overdue.clocks["stage1.acknowledgement"]).toMatchObject({
      state: "overdue",
      codeState: "overdue",
    });
    expect(overdue.findings).toContainEqual(
      expect.objectContaining({ severity: "error", code: "6.2", rule: "acknowledgement-beyond-code-limit" }),
    );
  });

  it("takes today from the input when none is given, and the argument wins", () => {
    const events = received().build();
    const pack = packFor("hos-code-2024");
    const fromInput = simulateComplaint({ events, today: "2026-11-10" }, pack, englandAndWales());
    expect(fromInput.clocks["stage1.acknowledgement"]?.state).toBe("overdue");
    const argument = simulateComplaint(
      { events, today: "2026-11-10" },
      pack,
      englandAndWales(),
      "2026-11-05",
    );
    expect(argument.clocks["stage1.acknowledgement"]?.state).toBe("open");
  });

  it("reports a pack's missed target as a warning when the Code limit was met", () => {
    // BVT acknowledges in 3 WD (Thu 5 Nov); acknowledged Fri 6 Nov, within the Code's Mon 9 Nov.
    const result = simulate(received().definedOn("2026-11-03").acknowledgedOn("2026-11-06").build(), "bvt");
    expect(result.clocks["stage1.acknowledgement"]).toMatchObject({ state: "late", codeState: "met" });
    expect(result.findings).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "6.2",
        rule: "acknowledgement-beyond-policy-target",
      }),
    ]);
  });
});

describe("extension findings", () => {
  it("flags a Stage 1 extension beyond the Code's 10 working days (Code 6.4)", () => {
    const result = simulate(acknowledged().extendedOn("2026-11-16", 12).build());
    expect(result.findings).toContainEqual(
      expect.objectContaining({ severity: "error", code: "6.4", rule: "extension-beyond-code-cap" }),
    );
    expect(result.findings.find((f) => f.code === "6.4")?.message).toContain("12 working days");
  });

  it("softens it to a warning when a good reason is recorded", () => {
    const events = acknowledged().extendedOn("2026-11-16", 12, { goodReason: "Structural survey" }).build();
    expect(simulate(events).findings).toContainEqual(
      expect.objectContaining({ severity: "warning", code: "6.4", rule: "extension-beyond-code-cap" }),
    );
  });

  it("flags a Stage 2 extension beyond the Code's 20 working days (Code 6.15)", () => {
    const result = simulate(atStage2().extendedOn("2026-12-01", 21).build());
    expect(result.findings).toContainEqual(
      expect.objectContaining({ severity: "error", code: "6.15", rule: "extension-beyond-code-cap" }),
    );
  });

  it("flags an extension recorded after the date it extends (Code 6.4)", () => {
    // Due Wed 18 Nov; extended on Thu 19 Nov by 5 WD: 19,20,23,24,25 → Wed 25 Nov, but the Code limit stays.
    const result = simulate(acknowledged().extendedOn("2026-11-19", 5).build());
    expect(result.findings).toContainEqual(
      expect.objectContaining({ severity: "error", code: "6.4", rule: "extension-after-deadline" }),
    );
    expect(result.clocks["stage1.response"]).toMatchObject({ due: "2026-11-25", codeLimit: "2026-11-18" });
  });

  it("finds nothing wrong with an extension within the cap made in time", () => {
    expect(simulate(acknowledged().extendedOn("2026-11-16", 10).build()).findings).toEqual([]);
  });
});

describe("malformed histories", () => {
  it("refuses events out of date order, naming both events", () => {
    const events = acknowledged().build();
    const swapped = [events[0]!, events[2]!, events[1]!];
    expect(() => simulate(swapped)).toThrow(MalformedHistoryError);
    expect(() => simulate(swapped)).toThrow(
      'Events must be in date order: "defined" on 2026-11-03 comes after "acknowledged" on 2026-11-04.',
    );
  });

  it("refuses a Stage 2 event with no request to escalate before it", () => {
    const events = acknowledged().respondedOn("2026-11-16").acknowledgedOn("2026-11-20", 2).build();
    expect(() => simulate(events)).toThrow(MalformedHistoryError);
    expect(() => simulate(events)).toThrow(/"acknowledged" on 2026-11-20 is about Stage 2/);
  });

  it("refuses a history that does not begin with the complaint being received", () => {
    const events = aComplaintHistory().definedOn("2026-11-03").acknowledgedOn("2026-11-04").build();
    expect(() => simulate(events)).toThrow(MalformedHistoryError);
    expect(() => simulate(events)).toThrow(/must begin with the day it was received/);
  });

  it("refuses a complaint received twice", () => {
    const events = received().receivedOn("2026-11-03").build();
    expect(() => simulate(events)).toThrow(/received only once/);
  });
});

describe("simulationInputSchema", () => {
  function problems(input: unknown): string {
    const parsed = simulationInputSchema.safeParse(input);
    if (parsed.success) throw new Error("Expected the input to be refused.");
    return z.prettifyError(parsed.error);
  }

  it("accepts a history built from events", () => {
    const input = { events: atStage2().build(), today: "2026-12-01" };
    expect(simulationInputSchema.parse(input)).toEqual(input);
  });

  it("refuses an unknown event type, naming where it is", () => {
    const input = {
      events: [
        { type: "received", on: "2026-11-02" },
        { type: "telepathy", on: "2026-11-03" },
      ],
    };
    expect(problems(input)).toContain("events[1].type");
  });

  it("refuses a date that does not exist, naming where it is", () => {
    const message = problems({ events: [{ type: "received", on: "2026-02-30" }] });
    expect(message).toContain("a real date written as YYYY-MM-DD");
    expect(message).toContain("events[0].on");
  });

  it("refuses a bad `today`, an empty history and unknown fields", () => {
    expect(problems({ events: [{ type: "received", on: "2026-11-02" }], today: "tomorrow" })).toContain(
      "today",
    );
    expect(problems({ events: [] })).toContain("give at least the day the complaint was received");
    expect(problems({ events: [{ type: "received", on: "2026-11-02", colour: "red" }] })).toContain(
      "events[0]",
    );
  });
});
