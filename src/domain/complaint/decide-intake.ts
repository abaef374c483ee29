import { addCalendarMonths, laterOf, toDayNumber } from "../calendar/day-number.ts";
import { CODE_2024 } from "../policy/code-2024.ts";
import type { CommandOf } from "./commands.ts";
import { ComplaintRuleError } from "./errors.ts";
import { isEscalationLate } from "./escalation-window.ts";
import type { ComplaintEvent, EventOf } from "./events.ts";
import {
  requireCurrentStage,
  requireDateNotInFuture,
  requireEventDate,
  requireInstantNotInFuture,
  requireRunning,
  requireUniqueIds,
  type DecisionContext,
} from "./guards.ts";
import type { ComplaintState } from "./state.ts";

export function decideReceive(command: CommandOf<"receive">, ctx: DecisionContext): ComplaintEvent[] {
  requireDateNotInFuture(command.on, ctx);
  if (command.loggedOn) {
    requireDateNotInFuture(command.loggedOn, ctx, "loggedOn");
    if (toDayNumber(command.loggedOn) < toDayNumber(command.on)) {
      throw new ComplaintRuleError("DATE_BEFORE_RECEIPT", "loggedOn");
    }
  }
  if (command.issueOn) requireDateNotInFuture(command.issueOn, ctx, "issueOn");
  if (command.awareOn) requireDateNotInFuture(command.awareOn, ctx, "awareOn");
  if (command.issueOn && command.awareOn && toDayNumber(command.awareOn) < toDayNumber(command.issueOn)) {
    throw new ComplaintRuleError("AWARE_BEFORE_ISSUE", "awareOn");
  }
  // Residents may complain in any way (Code 3.2): the channel is recorded, never used to refuse.
  const event: EventOf<"received"> = {
    type: "received",
    on: command.on,
    channel: command.channel,
    raisedBy: command.raisedBy,
    description: command.description,
    policy: { id: ctx.pack.id, version: ctx.pack.version },
    calendar: ctx.calendar.id,
  };
  if (command.loggedOn) event.loggedOn = command.loggedOn;
  if (command.issueOn) event.issueOn = command.issueOn;
  if (command.awareOn) event.awareOn = command.awareOn;
  return [event];
}

export function decideFlagHazard(
  state: ComplaintState,
  command: CommandOf<"flag-hazard">,
  ctx: DecisionContext,
): ComplaintEvent[] {
  requireEventDate(state, command.on, ctx);
  requireInstantNotInFuture(command.at, ctx);
  // A hazard is recorded even on a stopped complaint: the safety work does not wait on the complaint.
  return [
    {
      type: "hazard-flagged",
      on: command.on,
      at: command.at,
      severity: command.severity,
      description: command.description,
    },
  ];
}

export function decideHazardMadeSafe(
  state: ComplaintState,
  command: CommandOf<"record-hazard-made-safe">,
  ctx: DecisionContext,
): ComplaintEvent[] {
  requireEventDate(state, command.on, ctx);
  const open = state.hazards.filter((h) => !h.madeSafeAt);
  if (open.length === 0) throw new ComplaintRuleError("NO_HAZARD_OPEN");
  requireInstantNotInFuture(command.at, ctx);
  // The event makes every open hazard safe at `at`, so it cannot be before any of them was flagged
  // (the hazard clock would otherwise show it made safe in no time, or before it was found).
  const flaggedLater = open.find((h) => Date.parse(command.at) < Date.parse(h.flaggedAt));
  if (flaggedLater) {
    throw new ComplaintRuleError(
      "DATE_BEFORE_LAST_EVENT",
      "at",
      `The hazard was flagged at ${flaggedLater.flaggedAt}.`,
    );
  }
  return [{ type: "hazard-made-safe", on: command.on, at: command.at }];
}

export function decideDefine(
  state: ComplaintState,
  command: CommandOf<"define">,
  ctx: DecisionContext,
): ComplaintEvent[] {
  requireRunning(state);
  requireEventDate(state, command.on, ctx);
  const record = requireCurrentStage(state, command.stage);
  // The response answered every issue in the definition (Code 6.7); redefining afterwards would leave
  // issues without a finding. Later issues are logged as new complaints (Code 6.8) or go to Stage 2.
  if (record.respondedOn) throw new ComplaintRuleError("ALREADY_RESPONDED", "stage");
  requireUniqueIds(
    command.issues.map((i) => i.id),
    "issues",
  );
  if (command.issues.length === 0 || command.outcomesSought.length === 0) {
    throw new ComplaintRuleError(
      "DEFINITION_REQUIRED",
      command.issues.length === 0 ? "issues" : "outcomesSought",
    );
  }
  return [
    {
      type: "defined",
      on: command.on,
      stage: command.stage,
      issues: command.issues,
      outcomesSought: command.outcomesSought,
    },
  ];
}

export function decideAssignHandler(
  state: ComplaintState,
  command: CommandOf<"assign-handler">,
  ctx: DecisionContext,
): ComplaintEvent[] {
  requireRunning(state);
  requireEventDate(state, command.on, ctx);
  requireCurrentStage(state, command.stage);
  if (command.stage === 2 && handledStage1(state, command.handler)) {
    throw new ComplaintRuleError("STAGE2_HANDLER_WAS_STAGE1_HANDLER", "handler");
  }
  return [{ type: "handler-assigned", on: command.on, stage: command.stage, handler: command.handler }];
}

/** Whether two handler names are the same person's: case, surrounding and repeated spaces are ignored (Code 6.13). */
/** Whether someone handled Stage 1 at any point, not only last (Code 6.13). */
export function handledStage1(state: ComplaintState, person: string | undefined): boolean {
  return state.stages[1].handlers.some((h) => sameHandler(h, person));
}

export function sameHandler(a: string | undefined, b: string | undefined): boolean {
  const normal = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();
  return a !== undefined && b !== undefined && normal(a) === normal(b);
}

export function decideAcknowledge(
  state: ComplaintState,
  command: CommandOf<"acknowledge">,
  ctx: DecisionContext,
): ComplaintEvent[] {
  requireRunning(state);
  requireEventDate(state, command.on, ctx);
  const record = requireCurrentStage(state, command.stage);
  if (record.acknowledgedOn) throw new ComplaintRuleError("ALREADY_ACKNOWLEDGED", "stage");
  if (record.issues.length === 0 || record.outcomesSought.length === 0) {
    throw new ComplaintRuleError("DEFINITION_REQUIRED", "issues");
  }
  if (
    command.stage === 2 &&
    isEscalationLate(state, ctx.pack, ctx.calendar) &&
    !state.lateEscalationAcceptedOn
  ) {
    throw new ComplaintRuleError("LATE_ESCALATION_DECISION_REQUIRED");
  }
  return [{ type: "acknowledged", on: command.on, stage: command.stage }];
}

export function decideRefuse(
  state: ComplaintState,
  command: CommandOf<"refuse">,
  ctx: DecisionContext,
): ComplaintEvent[] {
  requireRunning(state);
  requireEventDate(state, command.on, ctx);
  const record = requireCurrentStage(state, command.stage);
  if (record.respondedOn) throw new ComplaintRuleError("REFUSE_AFTER_RESPONSE");
  const use = command.stage === 1 ? "acceptance" : "escalation";
  const exclusion = ctx.pack.exclusions.find((e) => e.id === command.ground && e.appliesTo.includes(use));
  if (!exclusion) {
    const allowed = ctx.pack.exclusions.filter((e) => e.appliesTo.includes(use)).map((e) => e.id);
    throw new ComplaintRuleError(
      "UNKNOWN_EXCLUSION_GROUND",
      "ground",
      `The grounds are: ${allowed.join(", ") || "none"}.`,
    );
  }
  if (exclusion.ageLimit) requireRefusableOnAge(state, exclusion.ageLimit, command);
  const event: EventOf<"refused"> = {
    type: "refused",
    on: command.on,
    stage: command.stage,
    ground: command.ground,
    reason: command.reason,
  };
  if (command.discretionConsidered) event.discretionConsidered = command.discretionConsidered;
  return [event];
}

/**
 * Age runs from the later of the issue and the resident becoming aware of it (Code 2.3), to receipt.
 * Both the pack's limit and the Code's 12 months must have passed, and discretion must be recorded.
 */
function requireRefusableOnAge(
  state: ComplaintState,
  limit: NonNullable<DecisionContext["pack"]["exclusions"][number]["ageLimit"]>,
  command: CommandOf<"refuse">,
): void {
  if (!state.issueOn) throw new ComplaintRuleError("AGE_UNKNOWN", "issueOn");
  const codeStart = state.awareOn ? laterOf(state.issueOn, state.awareOn) : state.issueOn;
  const packStart = limit.measuredFrom === "issue" ? state.issueOn : codeStart;
  const received = toDayNumber(state.receivedOn);
  if (received <= toDayNumber(addCalendarMonths(packStart, limit.months))) {
    throw new ComplaintRuleError("AGE_LIMIT_NOT_REACHED", "ground");
  }
  if (received <= toDayNumber(addCalendarMonths(codeStart, CODE_2024.ageLimitMonths))) {
    throw new ComplaintRuleError("AGE_LIMIT_UNDER_CODE_MINIMUM", "ground");
  }
  const healthAndSafety = limit.exceptions.some((e) => /health|safety/i.test(e));
  if (healthAndSafety && state.hazards.length > 0) {
    throw new ComplaintRuleError(
      "AGE_LIMIT_EXCEPTION_APPLIES",
      "ground",
      "A health and safety hazard is recorded on it.",
    );
  }
  if (!command.discretionConsidered)
    throw new ComplaintRuleError("DISCRETION_DECISION_REQUIRED", "discretionConsidered");
}
