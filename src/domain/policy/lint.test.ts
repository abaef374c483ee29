import { describe, expect, it } from "vitest";
import { resolvePolicyPack } from "../../adapters/policy-files.ts";
import { hasErrors, lintPolicyPack, type LintFinding } from "./lint.ts";
import type { PolicyPack } from "./schema.ts";

const codeOf = (findings: LintFinding[], severity: LintFinding["severity"]) =>
  findings.filter((f) => f.severity === severity).map((f) => f.code);

/** A copy of the Code's own pack with one change, so each check is tested on its own. */
function codePackWith(change: (pack: PolicyPack) => void): PolicyPack {
  const pack = structuredClone(resolvePolicyPack("hos-code-2024"));
  change(pack);
  return pack;
}

describe("the linter on the bundled packs", () => {
  it("finds no errors or warnings in the Code's own pack", () => {
    const findings = lintPolicyPack(resolvePolicyPack("hos-code-2024"));
    expect(codeOf(findings, "error")).toEqual([]);
    expect(codeOf(findings, "warning")).toEqual([]);
  });

  it("finds no errors in bdht", () => {
    expect(codeOf(lintPolicyPack(resolvePolicyPack("bdht")), "error")).toEqual([]);
  });

  it("reports Brighter Places' six-month age limit, measured from the issue, at 2.3", () => {
    const findings = lintPolicyPack(resolvePolicyPack("brighter-places"));
    expect(findings.filter((f) => f.severity === "error").map((f) => [f.code, f.rule])).toEqual([
      ["2.3", "age-limit-12-months"],
      ["2.3", "age-from-later-of-issue-and-awareness"],
    ]);
  });

  it("reports BVT's grounds for escalation at 6.12 (and its Stage 1 officer looking again at 6.13)", () => {
    const errors = codeOf(lintPolicyPack(resolvePolicyPack("bvt")), "error");
    expect(errors).toContain("6.12");
    expect(errors).toContain("6.13");
  });

  it("warns on BCHG's 7-working-day escalation window and finds no errors", () => {
    const findings = lintPolicyPack(resolvePolicyPack("bchg"));
    expect(codeOf(findings, "error")).toEqual([]);
    const warnings = findings.filter((f) => f.severity === "warning");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.rule).toBe("escalation-window");
    expect(warnings[0]?.message).toContain("7 working days");
  });

  it("reports the single-stage 'final decision' of Putting things right at 5.3 and 6.3", () => {
    const errors = codeOf(lintPolicyPack(resolvePolicyPack("putting-things-right")), "error");
    expect(errors).toEqual(expect.arrayContaining(["5.3", "6.3"]));
  });
});

describe("each check", () => {
  it("requires exactly two stages: one is 5.3, three is 5.2", () => {
    const one = codePackWith((p) => p.stages.splice(1));
    expect(codeOf(lintPolicyPack(one), "error")).toEqual(["5.3"]);
    const three = codePackWith((p) => p.stages.push({ ...structuredClone(p.stages[1]!), number: 3 }));
    expect(codeOf(lintPolicyPack(three), "error")).toEqual(["5.2"]);
  });

  it("allows 5 working days to acknowledge and reports 6 (6.2 at Stage 1, 6.11 at Stage 2)", () => {
    expect(
      hasErrors(lintPolicyPack(codePackWith((p) => (p.stages[0]!.acknowledgement.workingDays = 5)))),
    ).toBe(false);
    expect(
      codeOf(lintPolicyPack(codePackWith((p) => (p.stages[0]!.acknowledgement.workingDays = 6))), "error"),
    ).toEqual(["6.2"]);
    expect(
      codeOf(lintPolicyPack(codePackWith((p) => (p.stages[1]!.acknowledgement.workingDays = 6))), "error"),
    ).toEqual(["6.11"]);
  });

  it("reports a Stage 1 response over 10 working days (6.3) and a Stage 2 over 20 (6.14)", () => {
    expect(
      codeOf(lintPolicyPack(codePackWith((p) => (p.stages[0]!.response.workingDays = 11))), "error"),
    ).toEqual(["6.3"]);
    expect(
      codeOf(lintPolicyPack(codePackWith((p) => (p.stages[1]!.response.workingDays = 21))), "error"),
    ).toEqual(["6.14"]);
    expect(hasErrors(lintPolicyPack(codePackWith((p) => (p.stages[1]!.response.workingDays = 20))))).toBe(
      false,
    );
  });

  it("notes a stricter start (from receipt) without calling it an error", () => {
    const findings = lintPolicyPack(codePackWith((p) => (p.stages[0]!.response.from = "receipt")));
    expect(hasErrors(findings)).toBe(false);
    expect(findings.some((f) => f.severity === "info" && f.rule === "response-start")).toBe(true);
  });

  it("reports extension caps over 10 (6.4) and 20 (6.15)", () => {
    expect(
      codeOf(lintPolicyPack(codePackWith((p) => (p.stages[0]!.extension.maxWorkingDays = 11))), "error"),
    ).toEqual(["6.4"]);
    expect(
      codeOf(lintPolicyPack(codePackWith((p) => (p.stages[1]!.extension.maxWorkingDays = 21))), "error"),
    ).toEqual(["6.15"]);
  });

  it("reports an age limit under 12 months, or measured from the issue alone, at 2.3", () => {
    const ageLimited = (p: PolicyPack) => p.exclusions.find((e) => e.ageLimit)!.ageLimit!;
    expect(codeOf(lintPolicyPack(codePackWith((p) => (ageLimited(p).months = 11))), "error")).toEqual([
      "2.3",
    ]);
    expect(
      codeOf(lintPolicyPack(codePackWith((p) => (ageLimited(p).measuredFrom = "issue"))), "error"),
    ).toEqual(["2.3"]);
    expect(
      codeOf(lintPolicyPack(codePackWith((p) => (ageLimited(p).discretion = false))), "warning"),
    ).toEqual(["2.3"]);
  });

  it("reports grounds required to escalate at 6.12", () => {
    expect(
      codeOf(lintPolicyPack(codePackWith((p) => (p.escalation.groundsRequired = true))), "error"),
    ).toEqual(["6.12"]);
  });

  it("reports a Stage 2 handler who may be the Stage 1 handler at 6.13", () => {
    const pack = codePackWith((p) => (p.stages[1]!.handler.excludesEarlierHandler = false));
    expect(codeOf(lintPolicyPack(pack), "error")).toEqual(["6.13"]);
  });

  it("warns on an escalation window, more plainly when there is no discretion", () => {
    const withDiscretion = lintPolicyPack(
      codePackWith(
        (p) =>
          (p.escalation = { ...p.escalation, window: { days: 10, unit: "working-days" }, discretion: true }),
      ),
    );
    const without = lintPolicyPack(
      codePackWith(
        (p) =>
          (p.escalation = {
            ...p.escalation,
            window: { days: 10, unit: "calendar-days" },
            discretion: false,
          }),
      ),
    );
    expect(withDiscretion.filter((f) => f.severity === "warning").map((f) => f.rule)).toEqual([
      "escalation-window",
    ]);
    expect(without.find((f) => f.rule === "escalation-window")?.message).toContain("no discretion");
    expect(hasErrors(without)).toBe(false);
  });

  it("warns when the Housing Ombudsman is not signposted", () => {
    const pack = codePackWith(
      (p) => (p.signposting = [{ ...p.signposting[0]!, body: "care-quality-commission" }]),
    );
    expect(codeOf(lintPolicyPack(pack), "warning")).toEqual(["3.7"]);
  });

  it("names where in the pack each finding is", () => {
    const findings = lintPolicyPack(codePackWith((p) => (p.stages[0]!.acknowledgement.workingDays = 7)));
    expect(findings[0]?.path).toBe("stages.0.acknowledgement.workingDays");
    expect(findings[0]?.message).toContain("7 working days");
  });
});
