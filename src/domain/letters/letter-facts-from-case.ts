import type { WorkingCalendar } from "../calendar/working-calendar.ts";
import { complaintClocks, stagePolicy } from "../complaint/clocks.ts";
import { escalationWindowClosedOn } from "../complaint/escalation-window.ts";
import type { ComplaintState } from "../complaint/state.ts";
import type { StageNumber } from "../policy/code-2024.ts";
import type { LetterKind, PolicyPack } from "../policy/schema.ts";
import type { LetterFacts } from "./letter-facts.ts";

/** The people and the organisation a letter is between, as recorded. */
export interface LetterParties {
  organisation: { name: string; addressLines: string[] };
  resident: { name: string; email: string | null; address: string | null; postcode: string | null } | null;
  /** Present when someone acts for the resident (Code 1.3, 3.6): the letter then goes to them. */
  representative: { name: string; email: string | null } | null;
}

export interface CaseForLetter {
  kind: LetterKind;
  /** The stage the letter is about. */
  stage: StageNumber;
  reference: string;
  /** The complaint as it is now. */
  state: ComplaintState;
  /**
   * The complaint as it was when the letter's event was recorded, where that differs: an extension notice
   * is about its own extension and the dates around it, even when redrafted after a later one.
   */
  at?: ComplaintState;
  pack: PolicyPack;
  calendar: WorkingCalendar;
  parties: LetterParties;
  /** The London date the letter is dated. */
  today: string;
}

/** A free-text address as the lines of a letter's address block: split at line breaks and commas. */
export function addressLines(address: string | null, postcode: string | null): string[] {
  const lines = (address ?? "")
    .split(/\r?\n|,/)
    .map((l) => l.trim())
    .filter(Boolean);
  const code = postcode?.trim();
  return code && !lines.some((l) => l.toUpperCase().includes(code.toUpperCase())) ? [...lines, code] : lines;
}

/**
 * What the case says, for a letter of a kind at a stage: from the folded complaint, its clocks and its
 * pinned pack (stage names, escalation window, the Ombudsman's details from its signposting), and who the
 * letter is between. Nothing is invented: what the record lacks stays undefined, and the draft leaves out
 * the words that needed it.
 */
export function letterFactsFor(c: CaseForLetter): LetterFacts {
  const { state, pack, stage } = c;
  const record = state.stages[stage] ?? state.stages[1];
  const responseClock = (s: ComplaintState) =>
    complaintClocks(s, { pack, calendar: c.calendar }).find((k) => k.name === `stage${stage}.response`);
  const then = c.at ?? state;
  const lastExtension = (then.stages[stage] ?? then.stages[1]).extensions.at(-1);
  const resident = c.parties.resident;
  const representative = c.parties.representative;
  const issueSummary = new Map(record.issues.map((i) => [i.id, i.summary]));
  const exclusion = state.refusal && pack.exclusions.find((e) => e.id === state.refusal?.ground);
  const ombudsman = pack.signposting.find((s) => s.body === "housing-ombudsman");
  return {
    kind: c.kind,
    stage,
    reference: c.reference,
    date: c.today,
    landlord: { name: c.parties.organisation.name, addressLines: c.parties.organisation.addressLines },
    recipient: representative
      ? { name: representative.name, addressLines: [], email: representative.email }
      : {
          name: resident?.name ?? "the resident",
          addressLines: addressLines(resident?.address ?? null, resident?.postcode ?? null),
          email: resident?.email ?? null,
        },
    residentName: resident?.name ?? "the resident",
    representativeActs: representative !== null,
    receivedOn: state.receivedOn,
    ...(state.stages[2] ? { escalationRequestedOn: state.stages[2].startedOn } : {}),
    stageName: stagePolicy(pack, stage).name,
    nextStageName: stagePolicy(pack, 2).name,
    ...(record.handler ? { handler: record.handler } : {}),
    ...optional("responseDue", responseClock(c.kind === "extension" ? then : state)?.due),
    ...(c.kind === "extension" && lastExtension
      ? {
          extension: {
            reason: lastExtension.reason,
            workingDays: lastExtension.workingDays,
            ...(lastExtension.goodReason ? { goodReason: lastExtension.goodReason } : {}),
          },
          ...optional("previousResponseDue", responseClock(withoutLastExtension(then, stage))?.due),
        }
      : {}),
    issues: record.issues.map((i) => ({ id: i.id, summary: i.summary })),
    outcomesSought: [...record.outcomesSought],
    findings: record.findings.map((f) => ({
      issueId: f.issueId,
      issue: issueSummary.get(f.issueId) ?? f.issueId,
      decision: f.decision,
      reason: f.reason,
    })),
    ...(record.outcome ? { outcome: record.outcome } : {}),
    // What is still to be done: a redraft after an action was completed no longer promises it.
    remedies: state.remedies.filter((r) => r.stage === stage && !r.completedOn).map(withoutProgress),
    actions: state.actions.filter((a) => a.stage === stage && !a.completedOn).map(withoutProgress),
    ...(state.refusal
      ? { refusal: { ground: exclusion?.ground ?? state.refusal.ground, reason: state.refusal.reason } }
      : {}),
    ...(ombudsman ? { ombudsmanContact: ombudsman.contact } : {}),
    ...optional("escalateBy", stage === 1 ? escalateBy(state, c) : null),
  };
}

/** The last day of the pack's window for asking for Stage 2, unless it has passed by the letter's date. */
function escalateBy(state: ComplaintState, c: CaseForLetter): string | null {
  const last = escalationWindowClosedOn(state, c.pack, c.calendar);
  return last && last >= c.today ? last : null;
}

function withoutProgress<T extends { stage: StageNumber; completedOn?: string }>(
  item: T,
): Omit<T, "stage" | "completedOn"> {
  const { stage: _stage, completedOn: _completed, ...rest } = item;
  return rest;
}

function optional<K extends string>(key: K, value: string | null | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

/** The state as it was before the latest extension at a stage: what the response date had been. */
function withoutLastExtension(state: ComplaintState, stage: StageNumber): ComplaintState {
  const record = state.stages[stage];
  if (!record) return state;
  return {
    ...state,
    stages: { ...state.stages, [stage]: { ...record, extensions: record.extensions.slice(0, -1) } },
  };
}
