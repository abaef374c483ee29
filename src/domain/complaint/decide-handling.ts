import { toDayNumber } from "../calendar/day-number.ts";
import { codeExtensionCap } from "../policy/code-2024.ts";
import type { Outcome } from "../policy/schema.ts";
import { complaintClocks } from "./clocks.ts";
import type { CommandOf } from "./commands.ts";
import { ComplaintRuleError } from "./errors.ts";
import type { ComplaintEvent, EventOf, IssueFinding } from "./events.ts";
import {
  requireCurrentStage,
  requireEventDate,
  requireRunning,
  requireUniqueIds,
  type DecisionContext,
} from "./guards.ts";
import { stagePolicy } from "./clocks.ts";
import type { ComplaintState } from "./state.ts";

export function decideExtend(
  state: ComplaintState,
  command: CommandOf<"extend">,
  ctx: DecisionContext,
): ComplaintEvent[] {
  requireRunning(state);
  requireEventDate(state, command.on, ctx);
  const record = requireCurrentStage(state, command.stage);
  if (record.respondedOn) throw new ComplaintRuleError("ALREADY_RESPONDED", "stage");
  if (!command.reason.trim()) throw new ComplaintRuleError("EXTENSION_REASON_REQUIRED", "reason");
  const clock = complaintClocks(state, ctx).find((c) => c.name === `stage${command.stage}.response`);
  if (!clock) throw new ComplaintRuleError("EXTENSION_BEFORE_CLOCK", "stage");
  if (toDayNumber(command.on) > toDayNumber(clock.due)) {
    throw new ComplaintRuleError("EXTENSION_AFTER_DEADLINE", "on", `The response was due on ${clock.due}.`);
  }
  const total = record.extensions.reduce((sum, e) => sum + e.workingDays, 0) + command.workingDays;
  const cap = Math.min(
    stagePolicy(ctx.pack, command.stage).extension.maxWorkingDays,
    codeExtensionCap(command.stage),
  );
  if (total > cap && !command.goodReason?.trim()) {
    throw new ComplaintRuleError(
      "EXTENSION_OVER_CAP_NEEDS_GOOD_REASON",
      "goodReason",
      `Extensions at this stage would total ${total} working days; the limit without good reason is ${cap}.`,
    );
  }
  const event: EventOf<"extended"> = {
    type: "extended",
    on: command.on,
    stage: command.stage,
    workingDays: command.workingDays,
    reason: command.reason,
  };
  if (command.goodReason?.trim()) event.goodReason = command.goodReason;
  return [event];
}

/**
 * Code 6.8: a new issue raised during an open complaint is folded into the Stage 1 response when it is
 * related and the response is not yet issued; otherwise (unrelated, already responded, Stage 2, or it
 * would unreasonably delay the response) it is logged as a new complaint.
 */
export function decideAddIssue(
  state: ComplaintState,
  command: CommandOf<"add-issue">,
  ctx: DecisionContext,
): ComplaintEvent[] {
  requireRunning(state);
  requireEventDate(state, command.on, ctx);
  const record = state.stages[state.stage] ?? state.stages[1];
  const known = [
    ...state.stages[1].issues,
    ...(state.stages[2]?.issues ?? []),
    ...state.spunOff.map((s) => s.issue),
  ];
  if (known.some((i) => i.id === command.issue.id))
    throw new ComplaintRuleError("ISSUE_ALREADY_EXISTS", "issue");
  const foldIn = state.stage === 1 && !record.respondedOn && command.related && !command.wouldDelayResponse;
  const event: EventOf<"issue-added"> = {
    type: "issue-added",
    on: command.on,
    issue: command.issue,
    disposition: foldIn ? "folded-in" : "new-complaint",
  };
  if (!foldIn && command.newComplaint) event.newComplaint = command.newComplaint;
  return [event];
}

export function decideRespond(
  state: ComplaintState,
  command: CommandOf<"respond">,
  ctx: DecisionContext,
): ComplaintEvent[] {
  requireRunning(state);
  requireEventDate(state, command.on, ctx);
  const record = requireCurrentStage(state, command.stage);
  if (record.respondedOn) throw new ComplaintRuleError("ALREADY_RESPONDED", "stage");
  if (!record.acknowledgedOn) throw new ComplaintRuleError("RESPOND_BEFORE_ACKNOWLEDGEMENT", "stage");
  requireUniqueIds(
    command.findings.map((f) => f.issueId),
    "findings",
  );
  requireUniqueIds([...command.remedies.map((r) => r.id), ...state.remedies.map((r) => r.id)], "remedies");
  requireUniqueIds([...command.actions.map((a) => a.id), ...state.actions.map((a) => a.id)], "actions");
  const issueIds = new Set(record.issues.map((i) => i.id));
  const unknown = command.findings.find((f) => !issueIds.has(f.issueId));
  if (unknown) throw new ComplaintRuleError("FINDING_FOR_UNKNOWN_ISSUE", "findings", `"${unknown.issueId}".`);
  const missing = record.issues.filter(
    (i) => !command.findings.some((f) => f.issueId === i.id && f.reason.trim()),
  );
  if (missing.length > 0) {
    throw new ComplaintRuleError(
      "FINDING_MISSING",
      "findings",
      `Missing: ${missing.map((i) => i.summary).join("; ")}.`,
    );
  }
  if (!ctx.pack.outcomes.values.includes(command.outcome))
    throw new ComplaintRuleError("OUTCOME_NOT_IN_POLICY", "outcome");
  if (command.outcome !== outcomeOf(command.findings))
    throw new ComplaintRuleError("OUTCOME_DOES_NOT_MATCH_FINDINGS", "outcome");
  if (command.outcome !== "not-upheld" && command.remedies.length === 0) {
    throw new ComplaintRuleError("REMEDY_REQUIRED", "remedies");
  }
  return [
    {
      type: "responded",
      on: command.on,
      stage: command.stage,
      findings: command.findings,
      outcome: command.outcome,
      remedies: command.remedies,
      actions: command.actions,
      learning: command.learning.filter((l) => l.trim()),
    },
  ];
}

/** The outcome the findings add up to (BCHG 8.1: upheld, partially upheld when some issues are). */
export function outcomeOf(findings: readonly IssueFinding[]): Outcome {
  const upheld = findings.filter((f) => f.decision === "upheld").length;
  if (upheld === 0) return "not-upheld";
  return upheld === findings.length ? "upheld" : "partially-upheld";
}
