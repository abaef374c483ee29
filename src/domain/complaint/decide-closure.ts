import type { CommandOf } from "./commands.ts";
import { ComplaintRuleError } from "./errors.ts";
import type { ComplaintEvent, EventOf } from "./events.ts";
import { requireEventDate, requireRunning, type DecisionContext } from "./guards.ts";
import type { ComplaintState } from "./state.ts";

export function decideWithdraw(
  state: ComplaintState,
  command: CommandOf<"withdraw">,
  ctx: DecisionContext,
): ComplaintEvent[] {
  requireRunning(state);
  requireEventDate(state, command.on, ctx);
  const event: EventOf<"withdrawn"> = { type: "withdrawn", on: command.on };
  if (command.reason?.trim()) event.reason = command.reason;
  return [event];
}

/** Remedies and actions are followed through after a response, even once the complaint is closed (Code 6.6, 7.3). */
export function decideCompleteRemedy(
  state: ComplaintState,
  command: CommandOf<"complete-remedy">,
  ctx: DecisionContext,
): ComplaintEvent[] {
  requireEventDate(state, command.on, ctx);
  const remedy = state.remedies.find((r) => r.id === command.remedyId);
  if (!remedy) throw new ComplaintRuleError("UNKNOWN_REMEDY", "remedyId");
  if (remedy.completedOn) throw new ComplaintRuleError("ALREADY_COMPLETED", "remedyId");
  return [{ type: "remedy-completed", on: command.on, remedyId: command.remedyId }];
}

export function decideCompleteAction(
  state: ComplaintState,
  command: CommandOf<"complete-action">,
  ctx: DecisionContext,
): ComplaintEvent[] {
  requireEventDate(state, command.on, ctx);
  const action = state.actions.find((a) => a.id === command.actionId);
  if (!action) throw new ComplaintRuleError("UNKNOWN_ACTION", "actionId");
  if (action.completedOn) throw new ComplaintRuleError("ALREADY_COMPLETED", "actionId");
  return [{ type: "action-completed", on: command.on, actionId: command.actionId }];
}

/** Closure comes once the current stage is answered, every remedy and action is done, and learning is recorded. */
export function decideClose(
  state: ComplaintState,
  command: CommandOf<"close">,
  ctx: DecisionContext,
): ComplaintEvent[] {
  requireRunning(state);
  requireEventDate(state, command.on, ctx);
  if (!state.stages[state.stage]?.respondedOn) throw new ComplaintRuleError("CLOSE_BEFORE_RESPONSE");
  const outstanding = [...state.remedies, ...state.actions].filter((x) => !x.completedOn);
  if (outstanding.length > 0) {
    throw new ComplaintRuleError(
      "REMEDIES_OUTSTANDING",
      undefined,
      `Outstanding: ${outstanding.map((x) => x.description).join("; ")}.`,
    );
  }
  if (state.learning.length === 0) throw new ComplaintRuleError("LEARNING_REQUIRED", "learning");
  return [{ type: "closed", on: command.on }];
}

export function decideOmbudsmanReferral(
  state: ComplaintState,
  command: CommandOf<"record-ombudsman-referral">,
  ctx: DecisionContext,
): ComplaintEvent[] {
  requireEventDate(state, command.on, ctx);
  const event: EventOf<"ombudsman-referred"> = { type: "ombudsman-referred", on: command.on };
  if (command.reference?.trim()) event.reference = command.reference;
  return [event];
}

export function decideSurveyAnswer(
  state: ComplaintState,
  command: CommandOf<"record-survey-answer">,
  ctx: DecisionContext,
): ComplaintEvent[] {
  requireEventDate(state, command.on, ctx);
  if (!state.closedOn) throw new ComplaintRuleError("SURVEY_BEFORE_CLOSURE");
  const event: EventOf<"survey-answered"> = {
    type: "survey-answered",
    on: command.on,
    satisfaction: command.satisfaction,
  };
  if (command.comment?.trim()) event.comment = command.comment;
  return [event];
}
