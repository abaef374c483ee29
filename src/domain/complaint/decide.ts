import type { ComplaintCommand } from "./commands.ts";
import { decideAcceptLateEscalation, decideRequestEscalation } from "./decide-escalation.ts";
import { decideAddIssue, decideExtend, decideRespond } from "./decide-handling.ts";
import {
  decideAcknowledge,
  decideAssignHandler,
  decideDefine,
  decideFlagHazard,
  decideHazardMadeSafe,
  decideReceive,
  decideRefuse,
} from "./decide-intake.ts";
import {
  decideClose,
  decideCompleteAction,
  decideCompleteRemedy,
  decideOmbudsmanReferral,
  decideSurveyAnswer,
  decideWithdraw,
} from "./decide-closure.ts";
import { ComplaintRuleError } from "./errors.ts";
import type { ComplaintEvent } from "./events.ts";
import type { DecisionContext } from "./guards.ts";
import type { ComplaintState } from "./state.ts";

export type Decision = { ok: true; events: ComplaintEvent[] } | { ok: false; error: ComplaintRuleError };

/**
 * Decides a command against the complaint's state (null for a new complaint) under its pinned pack and
 * calendar: the events to record, or the rule it breaks. Nothing here has side effects.
 */
export function decideComplaint(
  state: ComplaintState | null,
  command: ComplaintCommand,
  ctx: DecisionContext,
): Decision {
  try {
    return { ok: true, events: decide(state, command, ctx) };
  } catch (error) {
    if (error instanceof ComplaintRuleError) return { ok: false, error };
    throw error;
  }
}

function decide(
  state: ComplaintState | null,
  command: ComplaintCommand,
  ctx: DecisionContext,
): ComplaintEvent[] {
  if (command.type === "receive") return decideReceive(command, ctx);
  if (!state)
    throw new ComplaintRuleError("WRONG_STAGE", undefined, "The complaint has not been received yet.");
  // A complaint is decided under the pack version it was received under, never a later edit of it.
  if (state.policy && (state.policy.id !== ctx.pack.id || state.policy.version !== ctx.pack.version)) {
    throw new ComplaintRuleError(
      "POLICY_MISMATCH",
      undefined,
      `It was received under ${state.policy.id} ${state.policy.version}; the pack given is ${ctx.pack.id} ${ctx.pack.version}.`,
    );
  }
  switch (command.type) {
    case "flag-hazard":
      return decideFlagHazard(state, command, ctx);
    case "record-hazard-made-safe":
      return decideHazardMadeSafe(state, command, ctx);
    case "define":
      return decideDefine(state, command, ctx);
    case "assign-handler":
      return decideAssignHandler(state, command, ctx);
    case "acknowledge":
      return decideAcknowledge(state, command, ctx);
    case "extend":
      return decideExtend(state, command, ctx);
    case "add-issue":
      return decideAddIssue(state, command, ctx);
    case "respond":
      return decideRespond(state, command, ctx);
    case "request-escalation":
      return decideRequestEscalation(state, command, ctx);
    case "accept-late-escalation":
      return decideAcceptLateEscalation(state, command, ctx);
    case "refuse":
      return decideRefuse(state, command, ctx);
    case "withdraw":
      return decideWithdraw(state, command, ctx);
    case "complete-remedy":
      return decideCompleteRemedy(state, command, ctx);
    case "complete-action":
      return decideCompleteAction(state, command, ctx);
    case "close":
      return decideClose(state, command, ctx);
    case "record-ombudsman-referral":
      return decideOmbudsmanReferral(state, command, ctx);
    case "record-survey-answer":
      return decideSurveyAnswer(state, command, ctx);
  }
}
