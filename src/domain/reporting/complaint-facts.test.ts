import { describe, expect, it } from "vitest";
import { codeCalendar, complaintClocks } from "../complaint/clocks.ts";
import {
  acknowledge,
  aRemedy,
  anAction,
  contextFor,
  define,
  extend,
  ISSUES,
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
  return complaintFacts(state, complaintClocks(state, ctx), identity, codeCalendar(ctx));
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
});
