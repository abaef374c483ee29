import { codeExtensionCap, CODE_PARAGRAPHS } from "../policy/code-2024.ts";
import { stagePolicy, type Clock, type ClockContext } from "./clocks.ts";
import { handledStage1 } from "./decide-intake.ts";
import { escalationWindowClosedOn, isEscalationLate } from "./escalation-window.ts";
import type { HazardClock } from "./hazard-clocks.ts";
import type { ComplaintState } from "./state.ts";

/** Something about a complaint's history that an officer or the Ombudsman would want to see. */
export interface CaseFinding {
  severity: "error" | "warning" | "info";
  /** The Code paragraph (or law) the finding is about. */
  code: string;
  rule: string;
  message: string;
}

/**
 * What went wrong (or needs a decision) in a complaint's history, judged against the Code and the pack.
 * `error`: the Code's limit or a Code rule was broken; `warning`: the pack's own target was missed or a
 * Code limit was exceeded with a recorded good reason; `info`: a decision or note for the officer.
 */
export function complaintFindings(
  state: ComplaintState,
  clocks: readonly Clock[],
  hazards: readonly HazardClock[],
  ctx: ClockContext,
): CaseFinding[] {
  const findings: CaseFinding[] = [];
  for (const clock of clocks) findings.push(...clockFindings(clock));
  for (const stage of [1, 2] as const) {
    const record = state.stages[stage];
    if (!record) continue;
    if (record.respondedOn && !record.acknowledgedOn) {
      findings.push({
        severity: "error",
        code: CODE_PARAGRAPHS.acknowledgement[stage],
        rule: "response-without-acknowledgement",
        message: `The Stage ${stage} response was issued without the complaint being acknowledged.`,
      });
    }
    findings.push(...extensionFindings(state, stage, clocks, ctx));
  }
  if (state.stages[2]?.handlers.some((h) => handledStage1(state, h))) {
    findings.push({
      severity: "error",
      code: "6.13",
      rule: "stage2-handler-independence",
      message: `A Stage 2 handler (${state.stages[2]?.handlers.find((h) => handledStage1(state, h))}) also handled Stage 1.`,
    });
  }
  if (state.stages[2] && ctx.pack.stages.length < 2) {
    findings.push({
      severity: "info",
      code: "5.3",
      rule: "code-stage-applied",
      message: `The ${ctx.pack.id} pack has no Stage 2, so Stage 2 runs to the Code's own timescales.`,
    });
  }
  if (isEscalationLate(state, ctx.pack, ctx.calendar)) {
    const closed = escalationWindowClosedOn(state, ctx.pack, ctx.calendar);
    findings.push({
      severity: state.lateEscalationAcceptedOn ? "info" : "warning",
      code: "6.12",
      rule: "late-escalation",
      message: state.lateEscalationAcceptedOn
        ? `The request to escalate came after the policy's window (which closed on ${closed}); it was accepted on ${state.lateEscalationAcceptedOn}.`
        : `The request to escalate came after the policy's window (which closed on ${closed}). Record a decision: a late request is never refused automatically.`,
    });
  }
  if (state.closedOn && [...state.remedies, ...state.actions].some((x) => !x.completedOn)) {
    findings.push({
      severity: "error",
      code: "7.3",
      rule: "closed-with-remedies-outstanding",
      message: "The complaint was closed while remedies or actions were still outstanding.",
    });
  }
  for (const hazard of hazards) {
    if (hazard.state === "late" || hazard.state === "overdue") {
      findings.push({
        severity: "error",
        code: "Awaab's Law",
        rule: "hazard-clock",
        message: `The ${hazard.severity} hazard flagged at ${hazard.flaggedAt} was ${hazard.state === "late" ? "made safe late" : "not made safe"} by ${hazard.due}.`,
      });
    }
  }
  return findings;
}

function clockFindings(clock: Clock): CaseFinding[] {
  // A breach of the Code's limit is the finding; missing only the pack's own target is a warning.
  const finding = lateFinding(clock, "code") ?? lateFinding(clock, "policy");
  return finding ? [finding] : [];
}

function lateFinding(clock: Clock, against: "code" | "policy"): CaseFinding | null {
  const state = against === "code" ? clock.codeState : clock.state;
  if (state !== "late" && state !== "overdue") return null;
  const kind = clock.name.endsWith("acknowledgement") ? "acknowledgement" : "response";
  const what = `Stage ${clock.stage} ${kind}`;
  const limit =
    against === "code" ? `the Code's limit of ${clock.codeLimit}` : `the policy's target of ${clock.due}`;
  return {
    severity: against === "code" ? "error" : "warning",
    code: CODE_PARAGRAPHS[kind][clock.stage],
    rule: `${kind}-beyond-${against === "code" ? "code-limit" : "policy-target"}`,
    message:
      state === "late"
        ? `The ${what} was issued on ${clock.metOn}, after ${limit}.`
        : `The ${what} is overdue: it was due by ${limit}.`,
  };
}

function extensionFindings(
  state: ComplaintState,
  stage: 1 | 2,
  clocks: readonly Clock[],
  ctx: ClockContext,
): CaseFinding[] {
  const record = state.stages[stage];
  const clock = clocks.find((c) => c.name === `stage${stage}.response`);
  if (!record || !clock) return [];
  const code = CODE_PARAGRAPHS.extension[stage];
  const findings: CaseFinding[] = [];
  for (const ext of clock.extensions) {
    if (ext.late) {
      findings.push({
        severity: "error",
        code,
        rule: "extension-after-deadline",
        message: `The extension recorded on ${ext.on} came after the date it extended; the resident must be told before the original date.`,
      });
    }
  }
  const total = record.extensions.reduce((sum, e) => sum + e.workingDays, 0);
  const cap = codeExtensionCap(stage);
  const packCap = stagePolicy(ctx.pack, stage).extension.maxWorkingDays;
  if (total > cap) {
    const goodReason = record.extensions.some((e) => e.goodReason);
    findings.push({
      severity: goodReason ? "warning" : "error",
      code,
      rule: "extension-beyond-code-cap",
      message: `Extensions at Stage ${stage} total ${total} working days, beyond the Code's ${cap}${goodReason ? "; a good reason is recorded" : " without a recorded good reason"}.`,
    });
  } else if (total > packCap) {
    findings.push({
      severity: "warning",
      code,
      rule: "extension-beyond-policy-cap",
      message: `Extensions at Stage ${stage} total ${total} working days, beyond the policy's ${packCap}.`,
    });
  }
  return findings;
}
