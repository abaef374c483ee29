import { toDayNumber, type LocalDate } from "../calendar/day-number.ts";
import type { WorkingCalendar } from "../calendar/working-calendar.ts";
import type { Channel, PolicyPack } from "../policy/schema.ts";

/**
 * A contact is anything a resident raises: a complaint, a service request, feedback or a compliment.
 * Every contact is recorded (Code 1.4: service requests are recorded and monitored too). Whenever
 * dissatisfaction is expressed, staff must offer the resident the chance to complain and record what
 * they chose (Code 1.3). Early resolution (quick fix, service recovery) happens on the contact, before a
 * complaint is logged, and is never a stage (Code 5.2); if the resident wants to complain, or it is not
 * resolved in the pack's window, it becomes a Stage 1 complaint. A service request stays open when a
 * complaint is raised about it (Code 1.5).
 */

export type ContactKind = "complaint" | "service-request" | "feedback" | "compliment";

export type ContactEvent =
  | {
      type: "contact-logged";
      on: LocalDate;
      kind: ContactKind;
      channel: Channel;
      summary: string;
      dissatisfactionExpressed: boolean;
      /** Dissatisfaction given in a survey is not a complaint in itself (Code 1.6). */
      fromSurvey?: boolean;
    }
  | {
      type: "offer-to-complain-recorded";
      on: LocalDate;
      residentChose: "complain" | "not-now" | "early-resolution";
    }
  | { type: "early-resolution-started"; on: LocalDate }
  | { type: "resolved-early"; on: LocalDate; howResolved: string }
  | { type: "complaint-raised"; on: LocalDate; complaintReference: string }
  | { type: "contact-closed"; on: LocalDate };

/** A command is the event it records, under the verb's name. */
type CommandFor<E extends ContactEvent["type"], C extends string> = Omit<
  Extract<ContactEvent, { type: E }>,
  "type"
> & {
  type: C;
};

export type ContactCommand =
  | CommandFor<"contact-logged", "log-contact">
  | CommandFor<"offer-to-complain-recorded", "record-offer-to-complain">
  | CommandFor<"early-resolution-started", "start-early-resolution">
  | CommandFor<"resolved-early", "resolve-early">
  | CommandFor<"complaint-raised", "raise-complaint">
  | CommandFor<"contact-closed", "close-contact">;

export interface ContactState {
  loggedOn: LocalDate;
  kind: ContactKind;
  dissatisfactionExpressed: boolean;
  offer?: { on: LocalDate; residentChose: "complain" | "not-now" | "early-resolution" };
  earlyResolutionStartedOn?: LocalDate;
  resolvedEarlyOn?: LocalDate;
  complaintReferences: string[];
  closedOn?: LocalDate;
}

export const CONTACT_RULES = {
  CONTACT_CLOSED: "This contact is closed.",
  OFFER_TO_COMPLAIN_REQUIRED:
    "The resident expressed dissatisfaction: record that they were offered the chance to complain and what they chose (Code 1.3).",
  EARLY_RESOLUTION_WINDOW_PASSED:
    "The early-resolution window has passed: log it as a Stage 1 complaint instead (there is no informal stage, Code 5.2).",
  EARLY_RESOLUTION_NOT_STARTED: "Early resolution has not been started on this contact.",
  NOT_A_CONCERN: "A compliment does not need resolving or a complaint raising.",
  DATE_IN_FUTURE: "That date is in the future.",
  DATE_BEFORE_CONTACT: "That date is before the contact was logged.",
  RESIDENT_CHOSE_TO_COMPLAIN: "The resident chose to complain, so log it as a Stage 1 complaint.",
  COMPLAINT_NOT_LOGGED:
    "This contact is a complaint that was neither resolved early nor logged at Stage 1; log it before closing the contact.",
} as const;

export type ContactRuleCode = keyof typeof CONTACT_RULES;

export class ContactRuleError extends Error {
  constructor(readonly code: ContactRuleCode) {
    super(CONTACT_RULES[code]);
    this.name = "ContactRuleError";
  }
}

export function foldContact(events: readonly ContactEvent[]): ContactState {
  const [first, ...rest] = events;
  if (!first || first.type !== "contact-logged")
    throw new Error("A contact's history must begin when it was logged.");
  const state: ContactState = {
    loggedOn: first.on,
    kind: first.kind,
    dissatisfactionExpressed: first.dissatisfactionExpressed,
    complaintReferences: [],
  };
  for (const e of rest) {
    if (e.type === "offer-to-complain-recorded") state.offer = { on: e.on, residentChose: e.residentChose };
    else if (e.type === "early-resolution-started") state.earlyResolutionStartedOn = e.on;
    else if (e.type === "resolved-early") state.resolvedEarlyOn = e.on;
    else if (e.type === "complaint-raised") state.complaintReferences.push(e.complaintReference);
    else if (e.type === "contact-closed") state.closedOn = e.on;
  }
  return state;
}

/** The last day early resolution may run under the pack, or null if the pack sets no window. */
export function earlyResolutionDue(
  state: ContactState,
  pack: PolicyPack,
  calendar: WorkingCalendar,
): LocalDate | null {
  const window = pack.earlyResolution?.windowWorkingDays;
  const start = state.earlyResolutionStartedOn;
  if (window === undefined || !start) return null;
  return calendar.addWorkingDaysToDate(start, window);
}

export function decideContact(
  state: ContactState | null,
  command: ContactCommand,
  ctx: { pack: PolicyPack; calendar: WorkingCalendar; today: LocalDate },
): ContactEvent[] {
  if (toDayNumber(command.on) > toDayNumber(ctx.today)) throw new ContactRuleError("DATE_IN_FUTURE");
  if (command.type === "log-contact") {
    const { type: _type, ...fields } = command;
    return [{ type: "contact-logged", ...fields }];
  }
  if (!state) throw new Error("Log the contact first.");
  if (state.closedOn) throw new ContactRuleError("CONTACT_CLOSED");
  if (toDayNumber(command.on) < toDayNumber(state.loggedOn))
    throw new ContactRuleError("DATE_BEFORE_CONTACT");
  switch (command.type) {
    case "record-offer-to-complain":
      return [{ type: "offer-to-complain-recorded", on: command.on, residentChose: command.residentChose }];
    case "start-early-resolution":
      if (state.kind === "compliment") throw new ContactRuleError("NOT_A_CONCERN");
      if (state.offer?.residentChose === "complain") throw new ContactRuleError("RESIDENT_CHOSE_TO_COMPLAIN");
      return [{ type: "early-resolution-started", on: command.on }];
    case "resolve-early": {
      if (!state.earlyResolutionStartedOn) throw new ContactRuleError("EARLY_RESOLUTION_NOT_STARTED");
      const due = earlyResolutionDue(state, ctx.pack, ctx.calendar);
      if (due && toDayNumber(command.on) > toDayNumber(due))
        throw new ContactRuleError("EARLY_RESOLUTION_WINDOW_PASSED");
      return [{ type: "resolved-early", on: command.on, howResolved: command.howResolved }];
    }
    case "raise-complaint":
      if (state.kind === "compliment") throw new ContactRuleError("NOT_A_CONCERN");
      // A service request stays open while the complaint about it runs (Code 1.5): no closing event here.
      return [{ type: "complaint-raised", on: command.on, complaintReference: command.complaintReference }];
    case "close-contact":
      if (state.dissatisfactionExpressed && !state.offer && state.complaintReferences.length === 0) {
        throw new ContactRuleError("OFFER_TO_COMPLAIN_REQUIRED");
      }
      if (state.offer?.residentChose === "complain" && state.complaintReferences.length === 0) {
        throw new ContactRuleError("RESIDENT_CHOSE_TO_COMPLAIN");
      }
      if (state.kind === "complaint" && !state.resolvedEarlyOn && state.complaintReferences.length === 0) {
        throw new ContactRuleError("COMPLAINT_NOT_LOGGED");
      }
      return [{ type: "contact-closed", on: command.on }];
  }
}
