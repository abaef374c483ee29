import { formatLongDate, isLocalDate } from "../calendar/day-number.ts";
import type { LetterKind, Outcome } from "../policy/schema.ts";
import { composeEmail, type EmailBlock } from "./compose-email.ts";
import type { EmailContent } from "./email-content.ts";

/**
 * What a `resident-notification` outbox message tells the resident: a short notice in place of the letter
 * (acknowledgement, extension, response, refusal, closure survey). These were written before letters were
 * issued as documents; rows already in an outbox still go out, in these words.
 */
export interface ResidentNotice {
  template: LetterKind;
  reference: string;
  /** Who it is addressed to: the resident, or their representative. */
  recipientName: string;
  landlordName: string;
  /** How to reach the Housing Ombudsman Service, from the landlord's policy pack. */
  ombudsmanContact: string;
  stage?: 1 | 2;
  /** The response deadline as it now stands (YYYY-MM-DD). */
  responseDue?: string;
  workingDays?: number;
  reason?: string;
  outcome?: Outcome;
}

const OUTCOME_WORDS: Record<Outcome, string> = {
  upheld: "upheld",
  "partially-upheld": "partly upheld",
  "not-upheld": "not upheld",
};

export function composeResidentNotice(n: ResidentNotice): EmailContent {
  const { subject, body } = NOTICES[n.template](n);
  return composeEmail(subject, [
    { paragraph: `Dear ${n.recipientName},` },
    ...body.map((paragraph) => ({ paragraph })),
    { paragraph: `Please quote your reference, ${n.reference}, if you contact us about your complaint.` },
    { lines: ["Yours sincerely,", "Complaints team", n.landlordName] },
  ] satisfies EmailBlock[]);
}

const dueBy = (n: ResidentNotice, what: string): string[] =>
  n.responseDue && isLocalDate(n.responseDue)
    ? [`We will send you ${what} by ${formatLongDate(n.responseDue)}.`]
    : [];

const decision = (n: ResidentNotice): string[] =>
  n.outcome ? [`Our decision: your complaint is ${OUTCOME_WORDS[n.outcome]}.`] : [];

const advice = (n: ResidentNotice) =>
  `You can contact the Housing Ombudsman Service for advice at any time: ${n.ombudsmanContact}.`;

type Notice = (n: ResidentNotice) => { subject: string; body: string[] };

const NOTICES: Record<LetterKind, Notice> = {
  "stage1-acknowledgement": (n) => ({
    subject: `Your complaint ${n.reference}: we have received it`,
    body: [
      `We have received your complaint and are looking into it at Stage 1 of our complaints procedure. Your reference is ${n.reference}.`,
      ...dueBy(n, "our response"),
      "If we need more time, we will tell you why, and when you will hear from us.",
      advice(n),
    ],
  }),
  "stage2-acknowledgement": (n) => ({
    subject: `Your complaint ${n.reference}: we are reviewing it at Stage 2`,
    body: [
      "We have received your request to take your complaint to Stage 2 of our complaints procedure, and we are now reviewing it.",
      ...dueBy(n, "our Stage 2 response"),
      advice(n),
    ],
  }),
  extension: (n) => ({
    subject: `Your complaint ${n.reference}: we need more time to respond`,
    body: [
      `We need more time to respond to your complaint${n.stage ? ` at Stage ${n.stage}` : ""}${
        n.workingDays ? `: ${n.workingDays} more working days` : ""
      }.`,
      ...(n.reason ? [`The reason: ${n.reason}`] : []),
      ...dueBy(n, "our response"),
      `If you are unhappy about this, you can contact the Housing Ombudsman Service: ${n.ombudsmanContact}.`,
    ],
  }),
  "stage1-response": (n) => ({
    subject: `Your complaint ${n.reference}: our Stage 1 response`,
    body: [
      "We have finished looking into your complaint at Stage 1.",
      ...decision(n),
      "Our response sets out what we found on each part of your complaint, and what we will do to put things right.",
      "If you are not happy with our response, you can ask us to take your complaint to Stage 2. You do not have to give a reason.",
      advice(n),
    ],
  }),
  "stage2-response": (n) => ({
    subject: `Your complaint ${n.reference}: our final response`,
    body: [
      "We have finished our Stage 2 review of your complaint.",
      ...decision(n),
      "Our response sets out what we found on each part of your complaint, and what we will do to put things right.",
      `This is our final response. If you are not happy with it, you can refer your complaint to the Housing Ombudsman Service: ${n.ombudsmanContact}.`,
    ],
  }),
  refusal: (n) => ({
    subject: `Your complaint ${n.reference}: we cannot take it forward`,
    body: [
      "We have decided not to take your complaint forward under our complaints policy.",
      ...(n.reason ? [`The reason: ${n.reason}`] : []),
      `If you disagree with our decision, you can ask the Housing Ombudsman Service to look at it: ${n.ombudsmanContact}.`,
    ],
  }),
  "closure-survey": (n) => ({
    subject: `Your complaint ${n.reference}: how did we do?`,
    body: [
      "Your complaint is now closed. We would like to know how you feel we handled it, so that we can learn from it.",
      "Please tell us how satisfied you are with how we handled your complaint, from 1 (very dissatisfied) to 5 (very satisfied), by contacting our complaints team.",
      advice(n),
    ],
  }),
};
