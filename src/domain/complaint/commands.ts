import type { StageNumber } from "../policy/code-2024.ts";
import type { Channel, Outcome } from "../policy/schema.ts";
import type { FollowUpAction, Issue, IssueFinding, Remedy } from "./events.ts";

/** What staff, residents or systems ask to happen. `on` is the London date it happens. */
export type ComplaintCommand =
  | {
      type: "receive";
      on: string;
      loggedOn?: string;
      channel: Channel;
      raisedBy: "resident" | "representative";
      issueOn?: string;
      awareOn?: string;
      description: string;
    }
  | {
      type: "flag-hazard";
      on: string;
      at: string;
      severity: "emergency" | "significant";
      description: string;
    }
  | { type: "record-hazard-made-safe"; on: string; at: string }
  | { type: "define"; on: string; stage: StageNumber; issues: Issue[]; outcomesSought: string[] }
  | { type: "assign-handler"; on: string; stage: StageNumber; handler: string }
  | { type: "acknowledge"; on: string; stage: StageNumber }
  | {
      type: "extend";
      on: string;
      stage: StageNumber;
      workingDays: number;
      reason: string;
      goodReason?: string;
    }
  | {
      type: "add-issue";
      on: string;
      issue: Issue;
      /** Whether the new issue relates to the complaint being handled. */
      related: boolean;
      /** Whether folding it in would unreasonably delay the response (Code 6.8). */
      wouldDelayResponse: boolean;
      /** The reference of the new complaint, when it is logged as one. */
      newComplaint?: string;
    }
  | {
      type: "respond";
      on: string;
      stage: StageNumber;
      findings: IssueFinding[];
      outcome: Outcome;
      remedies: Remedy[];
      actions: FollowUpAction[];
      learning: string[];
    }
  | { type: "request-escalation"; on: string; whatIsStillWrong?: string }
  | { type: "accept-late-escalation"; on: string; reason: string }
  | {
      type: "refuse";
      on: string;
      stage: StageNumber;
      ground: string;
      reason: string;
      discretionConsidered?: string;
    }
  | { type: "withdraw"; on: string; reason?: string }
  | { type: "complete-remedy"; on: string; remedyId: string }
  | { type: "complete-action"; on: string; actionId: string }
  | { type: "close"; on: string }
  | { type: "record-ombudsman-referral"; on: string; reference?: string }
  | { type: "record-survey-answer"; on: string; satisfaction: number; comment?: string };

export type ComplaintCommandType = ComplaintCommand["type"];
export type CommandOf<T extends ComplaintCommandType> = Extract<ComplaintCommand, { type: T }>;
