import {
  CODE_2024,
  CODE_PARAGRAPHS,
  codeExtensionCap,
  codeResponseWorkingDays,
  type StageNumber,
} from "./code-2024.ts";
import type { PolicyPack, StagePolicy } from "./schema.ts";

/** One way a pack departs from (or should be read against) the Complaint Handling Code 2024. */
export interface LintFinding {
  severity: "error" | "warning" | "info";
  /** The Code paragraph, e.g. "6.2". */
  code: string;
  /** A stable name for the check. */
  rule: string;
  message: string;
  /** Where in the pack, e.g. "stages.0.acknowledgement.workingDays". */
  path: string;
}

/** Checks a pack against the Code. Errors are Code breaches; warnings are risks; info are notes. */
export function lintPolicyPack(pack: PolicyPack): LintFinding[] {
  return [
    ...stageCount(pack),
    ...pack.stages.slice(0, 2).flatMap((stage, i) => stageChecks(stage, (i + 1) as StageNumber)),
    ...escalationChecks(pack),
    ...ageLimitChecks(pack),
    ...otherChecks(pack),
  ];
}

export function hasErrors(findings: readonly LintFinding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

function stageCount(pack: PolicyPack): LintFinding[] {
  const n = pack.stages.length;
  if (n === 2) return [];
  return [
    {
      severity: "error",
      code: n < 2 ? "5.3" : "5.2",
      rule: "exactly-two-stages",
      message:
        n < 2
          ? `The policy has ${n} stage; the Code requires exactly two (neither fewer nor more). Redress runs a Code-minimum Stage 2 for it.`
          : `The policy has ${n} stages; the Code allows no more than two and no extra named stages.`,
      path: "stages",
    },
  ];
}

function stageChecks(stage: StagePolicy, n: StageNumber): LintFinding[] {
  const findings: LintFinding[] = [];
  const at = `stages.${n - 1}`;
  const ack = stage.acknowledgement;
  const ackStart = n === 1 ? ["receipt"] : ["escalation-request"];
  if (ack.workingDays > CODE_2024.acknowledgementWorkingDays) {
    findings.push({
      severity: "error",
      code: CODE_PARAGRAPHS.acknowledgement[n],
      rule: "acknowledgement-within-5-working-days",
      message: `Stage ${n} acknowledgement target is ${ack.workingDays} working days; the Code's limit is ${CODE_2024.acknowledgementWorkingDays}.`,
      path: `${at}.acknowledgement.workingDays`,
    });
  }
  if (!ackStart.includes(ack.from)) {
    findings.push({
      severity: ack.from === "logging" ? "warning" : "error",
      code: CODE_PARAGRAPHS.acknowledgement[n],
      rule: "acknowledgement-counts-from-receipt",
      message: `Stage ${n} acknowledgement counts from ${ack.from}; the Code counts from ${n === 1 ? "receipt" : "the request to escalate"}.`,
      path: `${at}.acknowledgement.from`,
    });
  }
  const response = stage.response;
  const limit = codeResponseWorkingDays(n);
  if (response.workingDays > limit) {
    findings.push({
      severity: "error",
      code: CODE_PARAGRAPHS.response[n],
      rule: `stage${n}-response-within-${limit}-working-days`,
      message: `Stage ${n} response target is ${response.workingDays} working days from ${response.from}; the Code's limit is ${limit} from acknowledgement.`,
      path: `${at}.response.workingDays`,
    });
  }
  if ((n === 1 && response.from === "escalation-request") || (n === 2 && response.from === "logging")) {
    findings.push({
      severity: "error",
      code: CODE_PARAGRAPHS.response[n],
      rule: "response-start",
      message: `Stage ${n} response cannot count from ${response.from}.`,
      path: `${at}.response.from`,
    });
  } else if (response.from !== "acknowledgement") {
    findings.push({
      severity: "info",
      code: CODE_PARAGRAPHS.response[n],
      rule: "response-start",
      message: `Stage ${n} response counts from ${response.from}, earlier than the Code's acknowledgement: stricter than the Code.`,
      path: `${at}.response.from`,
    });
  }
  const cap = codeExtensionCap(n);
  if (stage.extension.maxWorkingDays > cap) {
    findings.push({
      severity: "error",
      code: CODE_PARAGRAPHS.extension[n],
      rule: `stage${n}-extension-cap`,
      message: `Stage ${n} extensions of up to ${stage.extension.maxWorkingDays} working days; the Code allows no more than ${cap} without good reason.`,
      path: `${at}.extension.maxWorkingDays`,
    });
  }
  if (n === 2 && !stage.handler.excludesEarlierHandler) {
    findings.push({
      severity: "error",
      code: "6.13",
      rule: "stage2-handler-independence",
      message: `The policy lets the person who handled Stage 1 handle Stage 2 ("${stage.handler.role}"); the Code requires a different person. Redress blocks it on every case.`,
      path: `${at}.handler.excludesEarlierHandler`,
    });
  }
  return findings;
}

function escalationChecks(pack: PolicyPack): LintFinding[] {
  const findings: LintFinding[] = [];
  const e = pack.escalation;
  if (e.groundsRequired) {
    findings.push({
      severity: "error",
      code: "6.12",
      rule: "escalation-without-reasons",
      message: `The policy asks residents to give (or fit) grounds to escalate${e.grounds.length ? ` (${e.grounds.length} listed)` : ""}; the Code says a resident must not be required to give reasons. Redress never asks for them.`,
      path: "escalation.groundsRequired",
    });
  }
  if (e.window) {
    const unit = e.window.unit === "working-days" ? "working days" : "calendar days";
    findings.push({
      severity: "warning",
      code: "5.11",
      rule: "escalation-window",
      message:
        `The policy sets a ${e.window.days} ${unit} window to escalate. The Code sets none and refusing to escalate needs valid reasons, so it can be at most a soft target` +
        (e.discretion
          ? "; the policy considers late requests on their merits, and Redress asks for a recorded decision on each."
          : " and the policy gives no discretion for late requests. Redress never refuses a late request automatically; it asks for a recorded decision."),
      path: "escalation.window",
    });
  }
  return findings;
}

function ageLimitChecks(pack: PolicyPack): LintFinding[] {
  const findings: LintFinding[] = [];
  pack.exclusions.forEach((exclusion, i) => {
    const limit = exclusion.ageLimit;
    if (!limit) return;
    const path = `exclusions.${i}.ageLimit`;
    if (limit.months < CODE_2024.ageLimitMonths) {
      findings.push({
        severity: "error",
        code: "2.3",
        rule: "age-limit-12-months",
        message: `The policy refuses complaints older than ${limit.months} months; the Code requires accepting complaints made within ${CODE_2024.ageLimitMonths} months. Redress will not refuse one younger than ${CODE_2024.ageLimitMonths} months on age.`,
        path: `${path}.months`,
      });
    }
    if (limit.measuredFrom === "issue") {
      findings.push({
        severity: "error",
        code: "2.3",
        rule: "age-from-later-of-issue-and-awareness",
        message:
          "The policy measures a complaint's age from when the issue happened; the Code measures it from the later of the issue and the resident becoming aware of it.",
        path: `${path}.measuredFrom`,
      });
    }
    if (!limit.discretion) {
      findings.push({
        severity: "warning",
        code: "2.3",
        rule: "age-limit-discretion",
        message:
          "The policy gives no discretion for older complaints; the Code asks landlords to consider it where there is good reason.",
        path: `${path}.discretion`,
      });
    }
  });
  return findings;
}

function otherChecks(pack: PolicyPack): LintFinding[] {
  const findings: LintFinding[] = [];
  if (!pack.signposting.some((s) => s.body === "housing-ombudsman")) {
    findings.push({
      severity: "warning",
      code: "3.7",
      rule: "ombudsman-signposting",
      message: "The policy does not tell residents about their right to go to the Housing Ombudsman.",
      path: "signposting",
    });
  }
  if (pack.riskFilter && pack.riskFilter.windowHours > CODE_2024.emergencyHazardHours) {
    findings.push({
      severity: "info",
      code: "Awaab's Law",
      rule: "emergency-hazard-24-hours",
      message: `The risk filter allows ${pack.riskFilter.windowHours} hours; emergency hazards must still be made safe within ${CODE_2024.emergencyHazardHours} hours, and Redress holds them to that.`,
      path: "riskFilter.windowHours",
    });
  }
  if (pack.assumptions.length > 0) {
    findings.push({
      severity: "info",
      code: "—",
      rule: "assumptions",
      message: `The pack takes ${pack.assumptions.length} reading(s) where its document is silent or ambiguous; review them in the pack's assumptions.`,
      path: "assumptions",
    });
  }
  return findings;
}
