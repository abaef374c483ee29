import type { StageNumber } from "../policy/code-2024.ts";
import type { ComplaintEvent, EventOf, Issue } from "./events.ts";
import { foldComplaint, type ComplaintState } from "./state.ts";
import { ISSUES, notUpheld, OUTCOMES_SOUGHT } from "./test-builders.ts";

// Event histories for tests (facts, not checked by any rule: for the fold, the clocks and `simulate`)

export class ComplaintHistoryBuilder {
  private readonly events: ComplaintEvent[] = [];
  private stage: StageNumber = 1;

  receivedOn(on: string, extra: Partial<Omit<EventOf<"received">, "type" | "on">> = {}): this {
    return this.with({ type: "received", on, ...extra });
  }

  definedOn(on: string, stage: StageNumber = this.stage, issues: Issue[] = ISSUES): this {
    return this.with({ type: "defined", on, stage, issues, outcomesSought: OUTCOMES_SOUGHT });
  }

  handlerAssignedOn(on: string, handler: string, stage: StageNumber = this.stage): this {
    return this.with({ type: "handler-assigned", on, stage, handler });
  }

  acknowledgedOn(on: string, stage: StageNumber = this.stage): this {
    return this.with({ type: "acknowledged", on, stage });
  }

  extendedOn(
    on: string,
    workingDays: number,
    extra: { stage?: StageNumber; goodReason?: string } = {},
  ): this {
    return this.with({
      type: "extended",
      on,
      stage: extra.stage ?? this.stage,
      workingDays,
      reason: "Waiting for a surveyor's report",
      ...(extra.goodReason ? { goodReason: extra.goodReason } : {}),
    });
  }

  respondedOn(
    on: string,
    stage: StageNumber = this.stage,
    extra: Partial<Omit<EventOf<"responded">, "type" | "on" | "stage">> = {},
  ): this {
    return this.with({
      type: "responded",
      on,
      stage,
      findings: ISSUES.map((i) => notUpheld(i.id)),
      outcome: "not-upheld",
      learning: ["Confirm appointments the day before."],
      ...extra,
    });
  }

  escalationRequestedOn(on: string): this {
    this.stage = 2;
    return this.with({ type: "escalation-requested", on });
  }

  lateEscalationAcceptedOn(on: string): this {
    return this.with({ type: "late-escalation-accepted", on, reason: "The resident was in hospital." });
  }

  hazardFlaggedOn(on: string, at: string, severity: "emergency" | "significant"): this {
    return this.with({ type: "hazard-flagged", on, at, severity, description: "Black mould in a bedroom" });
  }

  hazardMadeSafeOn(on: string, at: string): this {
    return this.with({ type: "hazard-made-safe", on, at });
  }

  withdrawnOn(on: string): this {
    return this.with({ type: "withdrawn", on });
  }

  refusedOn(on: string, ground: string, stage: StageNumber = this.stage): this {
    return this.with({ type: "refused", on, stage, ground, reason: "Explained to the resident." });
  }

  closedOn(on: string): this {
    return this.with({ type: "closed", on });
  }

  /** Any event, as given. */
  with(event: ComplaintEvent): this {
    this.events.push(event);
    return this;
  }

  build(): ComplaintEvent[] {
    return this.events.map((e) => ({ ...e }));
  }

  /** The history folded into a state. */
  fold(): ComplaintState {
    return foldComplaint(this.build());
  }
}

/** A fresh history builder: start it with `.receivedOn(...)`. */
export function aComplaintHistory(): ComplaintHistoryBuilder {
  return new ComplaintHistoryBuilder();
}
