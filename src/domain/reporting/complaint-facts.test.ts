import { describe, expect, it } from "vitest";
import { codeCalendar, complaintClocks } from "../complaint/clocks.ts";
import { hazardClocks } from "../complaint/hazard-clocks.ts";
import {
  acknowledge,
  answerSurvey,
  aRemedy,
  anAction,
  close,
  completeAction,
  completeRemedy,
  contextFor,
  define,
  extend,
  flagHazard,
  ISSUES,
  recordMadeSafe,
  receive,
  refuse,
  requestEscalation,
  respond,
  stateAfter,
  upheld,
  withdraw,
} from "../complaint/test-builders.ts";
import type { ComplaintCommand } from "../complaint/commands.ts";
import { complaintFacts } from "./complaint-facts.ts";

const ctx = contextFor("hos-code-2024", "2026-12-31");
const identity = { reference: "R1", channel: "phone", category: "repairs", tenure: "lcra" as const };
const factsAfter = (commands: ComplaintCommand[]) => {
  const state = stateAfter(commands, ctx);
  return complaintFacts(
    state,
    complaintClocks(state, ctx),
    identity,
    codeCalendar(ctx),
    hazardClocks(state, ctx),
  );
};

describe("the facts reports count, from a complaint's history", () => {
  it("keeps the Code limit before and after an extension, and the working days taken", () => {
    // Received Mon 2 Nov, acknowledged Wed 4 Nov: the Code's 10 working days end Wed 18 Nov.
    // Extended on 16 Nov by 15 working days: the Code counts 10 of them (its cap), to Wed 2 Dec.
    const facts = factsAfter([
      receive("2026-11-02"),
      define("2026-11-02"),
      acknowledge("2026-11-04"),
      extend("2026-11-16", 1, 15, { goodReason: "Specialist report" }),
      respond("2026-11-30", 1, {
        findings: [upheld(ISSUES[0]!.id), upheld(ISSUES[1]!.id)],
        remedies: [aRemedy("r1", "financial", { amountPence: 7550 }), aRemedy("r2")],
        actions: [anAction("a1", "2026-12-10")],
      }),
    ]);
    expect(facts.stage1).toMatchObject({
      startedOn: "2026-11-02",
      acknowledgedOn: "2026-11-04",
      respondedOn: "2026-11-30",
      responseCodeLimitBeforeExtensions: "2026-11-18",
      responseCodeLimit: "2026-12-02",
      extendedWorkingDays: 15,
      outcome: "upheld",
      // 2 Nov to 30 Nov: 20 working days.
      workingDaysToRespond: 20,
    });
    expect(facts).toMatchObject({
      stage2: null,
      remedies: 2,
      remediesOutstanding: 2,
      compensationPence: 7550,
      actionsOutstanding: 1,
      earliestOutstandingActionDue: "2026-12-10",
    });
  });

  it("records a Stage 2 from the request to escalate, and a refusal or withdrawal at the stage it ended", () => {
    const escalated = [
      receive("2026-11-02"),
      define("2026-11-02"),
      acknowledge("2026-11-03"),
      respond("2026-11-09"),
      requestEscalation("2026-11-12"),
    ];
    expect(factsAfter(escalated).stage2).toMatchObject({
      stage: 2,
      startedOn: "2026-11-12",
      respondedOn: null,
    });
    expect(factsAfter([...escalated, withdraw("2026-11-13")]).withdrawal).toEqual({
      stage: 2,
      on: "2026-11-13",
    });
    expect(factsAfter([receive("2026-11-02"), refuse("2026-11-03", 1, "legal-proceedings")]).refusal).toEqual(
      {
        stage: 1,
        ground: "legal-proceedings",
        on: "2026-11-03",
      },
    );
  });

  it("keeps each remedy and action with when it was offered, due and done, each hazard's clock, and the survey's day", () => {
    // BCHG's risk filter: 48 hours. A significant hazard flagged at 09:00 on Mon 2 Nov (GMT) is due by
    // 09:00 Wed 4 Nov; the law allows 10 working days to investigate, to the end of Mon 16 Nov.
    const bchg = contextFor("bchg", "2026-12-31");
    const state = stateAfter(
      [
        receive("2026-11-02"),
        flagHazard("2026-11-02", "2026-11-02T09:00:00Z"),
        define("2026-11-02"),
        acknowledge("2026-11-03"),
        recordMadeSafe("2026-11-05", "2026-11-05T09:30:00+00:00"),
        respond("2026-11-09", 1, {
          findings: [upheld(ISSUES[0]!.id), upheld(ISSUES[1]!.id)],
          remedies: [
            aRemedy("pay", "financial", { amountPence: 5000, dueOn: "2026-11-20" }),
            aRemedy("sorry"),
          ],
          actions: [anAction("fix", "2026-11-30")],
        }),
        completeRemedy("2026-11-10", "sorry"),
        completeRemedy("2026-11-24", "pay"),
        completeAction("2026-11-25", "fix"),
        close("2026-11-26"),
        answerSurvey("2026-11-27", 4),
      ],
      bchg,
    );
    const facts = complaintFacts(
      state,
      complaintClocks(state, bchg),
      identity,
      codeCalendar(bchg),
      hazardClocks(state, bchg),
    );
    expect(facts.stage1.workingDaysToAcknowledge).toBe(1);
    expect(facts.followUps).toEqual([
      {
        kind: "remedy",
        id: "pay",
        stage: 1,
        remedyType: "financial",
        amountPence: 5000,
        offeredOn: "2026-11-09",
        dueOn: "2026-11-20",
        completedOn: "2026-11-24",
      },
      {
        kind: "remedy",
        id: "sorry",
        stage: 1,
        remedyType: "apology",
        amountPence: 0,
        offeredOn: "2026-11-09",
        dueOn: null,
        completedOn: "2026-11-10",
      },
      {
        kind: "action",
        id: "fix",
        stage: 1,
        remedyType: null,
        amountPence: 0,
        offeredOn: "2026-11-09",
        dueOn: "2026-11-30",
        completedOn: "2026-11-25",
      },
    ]);
    expect(facts.hazardCases).toEqual([
      {
        severity: "significant",
        flaggedOn: "2026-11-02",
        flaggedAt: "2026-11-02T09:00:00.000Z",
        due: "2026-11-04T09:00:00.000Z",
        legalLimit: "2026-11-16T23:59:59.999Z",
        madeSafeAt: "2026-11-05T09:30:00.000Z",
      },
    ]);
    expect(facts).toMatchObject({ satisfaction: 4, surveyAnsweredOn: "2026-11-27" });
  });
});
