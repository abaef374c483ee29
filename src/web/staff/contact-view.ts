import type { ContactPage } from "../../app/view-contact.ts";
import { can } from "../../domain/access/permissions.ts";
import type { UserRole } from "../../domain/access/roles.ts";
import { formatLongDate } from "../../domain/calendar/day-number.ts";
import type { ContactKind } from "../../domain/contact/contact.ts";
import type { StoredContactEvent } from "../../store/contacts.ts";
import { CONTACT_ACTIONS, type ContactAction } from "../actions/contact-actions.ts";

export const KIND_LABELS: Record<ContactKind, string> = {
  "service-request": "Service request",
  complaint: "Complaint",
  feedback: "Feedback",
  compliment: "Compliment",
};

const CHOICES = {
  complain: "to complain",
  "not-now": "not to complain now",
  "early-resolution": "to try early resolution first",
} as const;

const ACTIONS: Record<string, ContactAction> = CONTACT_ACTIONS;

/** An action by its name in the form URL (`POST /contacts/{id}/{name}`), or undefined. */
export function contactActionNamed(name: string): ContactAction | undefined {
  return Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
}

/**
 * What the contact page offers: the forms that make sense in the contact's state and that the user's role
 * may use, and what must happen next, in words. The domain still decides every command on its merits.
 */
export function contactView(page: ContactPage, role: UserRole, submitted?: string) {
  const s = page.state;
  const open = !s.closedOn;
  const concern = s.kind !== "compliment";
  const raised = s.complaintReferences.length > 0;
  const shown: Record<string, boolean> = {
    "record-offer-to-complain": open && !s.offer && (concern || s.dissatisfactionExpressed),
    "start-early-resolution":
      open && concern && !s.earlyResolutionStartedOn && !raised && s.offer?.residentChose !== "complain",
    "resolve-early": open && Boolean(s.earlyResolutionStartedOn) && !s.resolvedEarlyOn,
    // A service request can lead to more than one complaint; a complaint contact is logged once.
    "raise-complaint": open && concern && !(s.kind === "complaint" && raised),
    "close-contact": open,
  };
  // A form sent from a page that was out of date is shown again, with its error and what was typed.
  if (submitted && submitted in shown) shown[submitted] = true;
  const offered = Object.fromEntries(
    Object.entries(shown).map(([name, yes]) => {
      const action = contactActionNamed(name);
      return [name, yes && Boolean(action && can(role, action.permission(page.contact)))];
    }),
  );
  return {
    kindLabel: KIND_LABELS[s.kind],
    offered,
    anyOffered: Object.values(offered).some(Boolean),
    nextSteps: nextSteps(page),
    offerText: offerText(page),
    earlyResolutionText: earlyResolutionText(page),
    history: page.contact.events.map(historyLine),
  };
}

function offerText({ state: s }: ContactPage): string {
  if (s.offer)
    return `Offered ${formatLongDate(s.offer.on)}: the resident chose ${CHOICES[s.offer.residentChose]}`;
  return s.dissatisfactionExpressed ? "Not recorded yet" : "Not needed: no dissatisfaction expressed";
}

function earlyResolutionText({ state: s, earlyResolutionDue: due }: ContactPage): string {
  if (s.resolvedEarlyOn) return `Resolved early on ${formatLongDate(s.resolvedEarlyOn)}`;
  if (!s.earlyResolutionStartedOn) return "Not started";
  return `Started ${formatLongDate(s.earlyResolutionStartedOn)}${due ? `; last day ${formatLongDate(due)}` : ""}`;
}

function nextSteps({ state: s, earlyResolutionDue: due, today }: ContactPage): string[] {
  if (s.closedOn) return [`Closed on ${formatLongDate(s.closedOn)}. Nothing more needs doing.`];
  const raised = s.complaintReferences.length > 0;
  const steps: string[] = [];
  if (s.dissatisfactionExpressed && !s.offer && !raised) {
    steps.push(
      "The resident expressed dissatisfaction: record that they were offered the chance to complain, and what they chose (Code 1.3).",
    );
  }
  if (s.offer?.residentChose === "complain" && !raised) {
    steps.push("The resident chose to complain: log it as a Stage 1 complaint (raise a complaint below).");
  }
  if (s.earlyResolutionStartedOn && !s.resolvedEarlyOn && !raised) {
    if (due && today > due) {
      steps.push(
        `The early-resolution window ended on ${formatLongDate(due)}: log it as a Stage 1 complaint (there is no informal stage, Code 5.2).`,
      );
    } else if (due) {
      steps.push(
        `Resolve it early by ${formatLongDate(due)}, the last day of the policy's window; after that it must be logged as a Stage 1 complaint (Code 5.2).`,
      );
    } else {
      steps.push(
        "Resolve it early, or log it as a Stage 1 complaint if the resident wants to complain (Code 5.2).",
      );
    }
  } else if (s.kind === "complaint" && !s.resolvedEarlyOn && !raised) {
    steps.push(
      "The resident is complaining: resolve it early where the policy allows, or log it as a Stage 1 complaint. Early resolution is never a stage (Code 5.2).",
    );
  }
  if (s.kind === "service-request" && raised) {
    steps.push(
      "A complaint was raised about this service request. The request stays open until the service is delivered (Code 1.5): close it then.",
    );
  }
  if (steps.length === 0) steps.push("Close the contact once it has been dealt with.");
  return steps;
}

/** One event of the contact's history in words, with who recorded it and when. */
function historyLine(e: StoredContactEvent) {
  const base = { on: e.on, recordedAt: e.recordedAt, recordedBy: e.recordedBy };
  switch (e.type) {
    case "contact-logged":
      return {
        ...base,
        text: `Logged: ${KIND_LABELS[e.kind].toLowerCase()} (${e.channel.replace(/-/g, " ")})${
          e.dissatisfactionExpressed ? ", dissatisfaction expressed" : ""
        }${e.fromSurvey ? " (in a survey)" : ""}`,
      };
    case "offer-to-complain-recorded":
      return {
        ...base,
        text: `Offered the chance to complain: the resident chose ${CHOICES[e.residentChose]}`,
      };
    case "early-resolution-started":
      return { ...base, text: "Early resolution started" };
    case "resolved-early":
      return { ...base, text: `Resolved early: ${e.howResolved}` };
    case "complaint-raised":
      return { ...base, text: "Complaint logged at Stage 1:", complaintReference: e.complaintReference };
    case "contact-closed":
      return { ...base, text: "Closed" };
  }
}
