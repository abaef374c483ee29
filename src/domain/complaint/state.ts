import type { StageNumber } from "../policy/code-2024.ts";
import type { Channel, Outcome } from "../policy/schema.ts";
import type { ComplaintEvent, FollowUpAction, Issue, IssueFinding, Remedy } from "./events.ts";

export type ComplaintStatus =
  | "awaiting-acknowledgement"
  | "investigating"
  | "responded"
  | "escalation-requested"
  | "closed"
  | "refused"
  | "withdrawn";

export interface Extension {
  on: string;
  workingDays: number;
  reason: string;
  goodReason?: string;
}

export interface StageRecord {
  /** The day the stage began: receipt for Stage 1, the escalation request for Stage 2. */
  startedOn: string;
  /** Stage 1 only: when staff logged the complaint, if later than receipt. */
  loggedOn: string;
  definedOn?: string;
  issues: Issue[];
  outcomesSought: string[];
  /** The current handler. */
  handler?: string;
  /** Everyone who has handled the stage, current handler last (Code 6.13 looks at all of them). */
  handlers: string[];
  acknowledgedOn?: string;
  extensions: Extension[];
  respondedOn?: string;
  findings: IssueFinding[];
  outcome?: Outcome;
}

export interface HazardRecord {
  flaggedOn: string;
  flaggedAt: string;
  severity: "emergency" | "significant";
  description: string;
  madeSafeAt?: string;
}

export interface ComplaintState {
  /** Events folded so far: the next event's sequence number is `version + 1`. */
  version: number;
  /** The policy pack version the complaint was received under, when recorded. */
  policy?: { id: string; version: string };
  /** The date of the latest event, so new events keep the history in date order. */
  lastEventOn: string;
  receivedOn: string;
  channel?: Channel;
  raisedBy?: "resident" | "representative";
  issueOn?: string;
  awareOn?: string;
  stage: StageNumber;
  status: ComplaintStatus;
  stages: { 1: StageRecord; 2?: StageRecord };
  /** Issues raised later and logged as a complaint of their own (Code 6.8). */
  spunOff: { issue: Issue; newComplaint?: string }[];
  lateEscalationAcceptedOn?: string;
  remedies: (Remedy & { stage: StageNumber; completedOn?: string })[];
  actions: (FollowUpAction & { stage: StageNumber; completedOn?: string })[];
  learning: string[];
  hazards: HazardRecord[];
  refusal?: { on: string; stage: StageNumber; ground: string; reason: string };
  withdrawnOn?: string;
  closedOn?: string;
  ombudsmanReferredOn?: string;
  survey?: { on: string; satisfaction: number };
}

/** Raised when a history does not begin with `received`: there is no complaint to fold. */
export class MalformedHistoryError extends Error {
  readonly code = "MALFORMED_HISTORY";
  constructor(message: string) {
    super(message);
    this.name = "MalformedHistoryError";
  }
}

function newStage(startedOn: string, loggedOn = startedOn): StageRecord {
  return { startedOn, loggedOn, issues: [], outcomesSought: [], handlers: [], extensions: [], findings: [] };
}

/** The state a history leads to. Pure: the same events always give the same state. */
export function foldComplaint(events: readonly ComplaintEvent[]): ComplaintState {
  const [first, ...rest] = events;
  if (!first || first.type !== "received") {
    throw new MalformedHistoryError("A complaint's history must begin with the day it was received.");
  }
  let state: ComplaintState = {
    version: 1,
    policy: first.policy,
    lastEventOn: first.on,
    receivedOn: first.on,
    channel: first.channel,
    raisedBy: first.raisedBy,
    issueOn: first.issueOn,
    awareOn: first.awareOn,
    stage: 1,
    status: "awaiting-acknowledgement",
    stages: { 1: newStage(first.on, first.loggedOn ?? first.on) },
    spunOff: [],
    remedies: [],
    actions: [],
    learning: [],
    hazards: [],
  };
  for (const event of rest) state = evolve(state, event);
  return state;
}

/** The state after one more event. */
export function evolve(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  const s: ComplaintState = { ...state, version: state.version + 1, lastEventOn: event.on };
  const stageOf = (n: StageNumber): StageRecord => {
    const record = s.stages[n];
    if (!record) {
      throw new MalformedHistoryError(
        `"${event.type}" on ${event.on} is about Stage 2, but no request to escalate comes before it.`,
      );
    }
    const copy = { ...record, extensions: [...record.extensions] };
    s.stages = { ...s.stages, [n]: copy };
    return copy;
  };
  switch (event.type) {
    case "received":
      throw new MalformedHistoryError("A complaint can be received only once.");
    case "hazard-flagged":
      s.hazards = [
        ...s.hazards,
        {
          flaggedOn: event.on,
          flaggedAt: event.at,
          severity: event.severity,
          description: event.description,
        },
      ];
      return s;
    case "hazard-made-safe":
      s.hazards = s.hazards.map((h) => (h.madeSafeAt ? h : { ...h, madeSafeAt: event.at }));
      return s;
    case "defined": {
      const stage = stageOf(event.stage);
      stage.definedOn ??= event.on;
      stage.issues = event.issues;
      stage.outcomesSought = event.outcomesSought;
      return s;
    }
    case "handler-assigned":
      {
        const stage = stageOf(event.stage);
        stage.handler = event.handler;
        stage.handlers = [...stage.handlers, event.handler];
      }
      return s;
    case "acknowledged":
      stageOf(event.stage).acknowledgedOn ??= event.on;
      if (event.stage === s.stage && s.status === "awaiting-acknowledgement") s.status = "investigating";
      return s;
    case "extended":
      stageOf(event.stage).extensions.push({
        on: event.on,
        workingDays: event.workingDays,
        reason: event.reason,
        ...(event.goodReason ? { goodReason: event.goodReason } : {}),
      });
      return s;
    case "issue-added":
      if (event.disposition === "folded-in") {
        const stage = stageOf(s.stage);
        stage.issues = [...stage.issues, event.issue];
      } else {
        s.spunOff = [...s.spunOff, { issue: event.issue, newComplaint: event.newComplaint }];
      }
      return s;
    case "responded": {
      const stage = stageOf(event.stage);
      stage.respondedOn ??= event.on;
      stage.findings = event.findings ?? [];
      stage.outcome = event.outcome;
      s.remedies = [...s.remedies, ...(event.remedies ?? []).map((r) => ({ ...r, stage: event.stage }))];
      s.actions = [...s.actions, ...(event.actions ?? []).map((a) => ({ ...a, stage: event.stage }))];
      s.learning = [...s.learning, ...(event.learning ?? [])];
      if (event.stage === s.stage) s.status = "responded";
      return s;
    }
    case "escalation-requested": {
      const stage1 = s.stages[1];
      s.stage = 2;
      s.status = "awaiting-acknowledgement";
      s.closedOn = undefined; // a complaint closed after Stage 1 runs again when the resident escalates
      // Stage 2 starts from the request and takes Stage 1's definition until it is defined afresh (5.6).
      s.stages = {
        ...s.stages,
        2: { ...newStage(event.on), issues: stage1.issues, outcomesSought: stage1.outcomesSought },
      };
      return s;
    }
    case "late-escalation-accepted":
      s.lateEscalationAcceptedOn = event.on;
      return s;
    case "refused":
      s.refusal = { on: event.on, stage: event.stage, ground: event.ground, reason: event.reason };
      s.status = "refused";
      return s;
    case "withdrawn":
      s.withdrawnOn = event.on;
      s.status = "withdrawn";
      return s;
    case "remedy-completed":
      s.remedies = s.remedies.map((r) =>
        r.id === event.remedyId && !r.completedOn ? { ...r, completedOn: event.on } : r,
      );
      return s;
    case "action-completed":
      s.actions = s.actions.map((a) =>
        a.id === event.actionId && !a.completedOn ? { ...a, completedOn: event.on } : a,
      );
      return s;
    case "closed":
      s.closedOn = event.on;
      s.status = "closed";
      return s;
    case "ombudsman-referred":
      s.ombudsmanReferredOn = event.on;
      return s;
    case "survey-answered":
      s.survey = { on: event.on, satisfaction: event.satisfaction };
      return s;
  }
}

/** The day the complaint stopped running, if it has: closed, refused or withdrawn. */
export function stoppedOn(state: ComplaintState): string | undefined {
  return state.closedOn ?? state.refusal?.on ?? state.withdrawnOn;
}
