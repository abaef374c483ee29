import type { CommandOf } from "./commands.ts";
import { ComplaintRuleError } from "./errors.ts";
import { isEscalationLate } from "./escalation-window.ts";
import type { ComplaintEvent, EventOf } from "./events.ts";
import { requireEventDate, type DecisionContext } from "./guards.ts";
import type { ComplaintState } from "./state.ts";

/**
 * Escalation needs no reason (Code 6.12). It is possible once Stage 1 has been answered, including
 * after the complaint was closed; never beyond Stage 2 (Code 5.3). A request after the landlord's window
 * is still recorded: it then waits for a decision, and is never refused automatically.
 */
export function decideRequestEscalation(
  state: ComplaintState,
  command: CommandOf<"request-escalation">,
  ctx: DecisionContext,
): ComplaintEvent[] {
  requireEventDate(state, command.on, ctx);
  if (state.stage === 2) throw new ComplaintRuleError("ALREADY_AT_STAGE2");
  if (state.refusal || state.withdrawnOn) throw new ComplaintRuleError("COMPLAINT_NOT_RUNNING");
  if (!state.stages[1].respondedOn) throw new ComplaintRuleError("ESCALATION_BEFORE_STAGE1_RESPONSE");
  const event: EventOf<"escalation-requested"> = { type: "escalation-requested", on: command.on };
  if (command.whatIsStillWrong?.trim()) event.whatIsStillWrong = command.whatIsStillWrong;
  return [event];
}

export function decideAcceptLateEscalation(
  state: ComplaintState,
  command: CommandOf<"accept-late-escalation">,
  ctx: DecisionContext,
): ComplaintEvent[] {
  requireEventDate(state, command.on, ctx);
  if (
    state.stage !== 2 ||
    state.lateEscalationAcceptedOn ||
    !isEscalationLate(state, ctx.pack, ctx.calendar)
  ) {
    throw new ComplaintRuleError("NO_LATE_ESCALATION_TO_DECIDE");
  }
  if (state.refusal || state.withdrawnOn) throw new ComplaintRuleError("COMPLAINT_NOT_RUNNING");
  return [{ type: "late-escalation-accepted", on: command.on, reason: command.reason }];
}
