import type { FollowUpAction, Remedy } from "../../src/domain/complaint/events.ts";
import type { Channel, Outcome } from "../../src/domain/policy/schema.ts";

/**
 * A synthetic reporting year, 1 April 2026 to 31 March 2027, for the report measures test. The landlord runs
 * BVT's pack (acknowledge in 3 working days, against the Code's 5; respond in 10 from the acknowledgement,
 * as the Code) given BCHG's 48-hour risk filter, so that the landlord's targets and the Code's (or the law's)
 * limits differ. Each complaint's dates are written out with what they make of the clocks (working days
 * checked with `redress calendar add`; Easter 2026 is 3 and 6 April).
 */
export type Step =
  | { assign: string; handler: string; stage?: 1 | 2 }
  | { ack: string; stage?: 1 | 2 }
  | { extend: string; days: number; goodReason?: string }
  | { respond: string; stage?: 1 | 2; outcome: Outcome; remedies?: Remedy[]; actions?: FollowUpAction[] }
  | { escalate: string }
  | { refuse: string; stage: 1 | 2; ground: string }
  | { withdraw: string }
  | { remedyDone: string; id: string }
  | { actionDone: string; id: string }
  | { madeSafe: string }
  | { close: string }
  | { survey: string; score: number };

export interface YearComplaint {
  name: string;
  received: string;
  channel: Channel;
  category: string;
  hazard?: { severity: "emergency" | "significant"; at: string };
  steps: Step[];
}

const pay = (id: string, pounds: number, dueOn: string): Remedy => ({
  id,
  type: "financial",
  description: `£${pounds} for the time and trouble`,
  amountPence: pounds * 100,
  dueOn,
});
const remedy = (id: string, type: Remedy["type"], dueOn?: string): Remedy => ({
  id,
  type,
  description: `A ${type} remedy`,
  ...(dueOn ? { dueOn } : {}),
});
const action = (id: string, dueOn: string): FollowUpAction => ({
  id,
  description: "Follow up",
  owner: "Repairs",
  dueOn,
});

export const YEAR: YearComplaint[] = [
  // Ack Tue 2 Jun: 1 wd (target 4 Jun, Code 8 Jun). Response due 16 Jun; answered Fri 5 Jun: 4 wd.
  // Closed; its survey is answered after the year ends.
  {
    name: "quick",
    received: "2026-06-01",
    channel: "phone",
    category: "repairs",
    steps: [
      { assign: "2026-06-01", handler: "Ann Able" },
      { ack: "2026-06-02" },
      { respond: "2026-06-05", outcome: "not-upheld" },
      { close: "2026-06-08" },
      { survey: "2027-04-05", score: 1 },
    ],
  },
  // Ack Fri 12 Jun: 4 wd, after the target (11 Jun), by the Code (15 Jun). Due 26 Jun; answered 22 Jun: 10 wd.
  // £100 paid 30 Jun (due 1 Jul), apology 23 Jun; the action due 15 Jul done 20 Jul; survey 4.
  {
    name: "ack-after-target",
    received: "2026-06-08",
    channel: "email",
    category: "damp-and-mould",
    steps: [
      { assign: "2026-06-08", handler: "Bea Best" },
      { ack: "2026-06-12" },
      {
        respond: "2026-06-22",
        outcome: "upheld",
        remedies: [pay("pay", 100, "2026-07-01"), remedy("sorry", "apology")],
        actions: [action("check", "2026-07-15")],
      },
      { remedyDone: "2026-06-23", id: "sorry" },
      { remedyDone: "2026-06-30", id: "pay" },
      { actionDone: "2026-07-20", id: "check" },
      { close: "2026-07-20" },
      { survey: "2026-07-21", score: 4 },
    ],
  },
  // Ack Tue 23 Jun: 6 wd, after both (18 and 22 Jun). Due 7 Jul; answered ON it: 16 wd.
  {
    name: "ack-after-code",
    received: "2026-06-15",
    channel: "letter",
    category: "repairs",
    steps: [
      { assign: "2026-06-15", handler: "Ann Able" },
      { ack: "2026-06-23" },
      { respond: "2026-07-07", outcome: "not-upheld" },
    ],
  },
  // Stage 1: ack 23 Jun (1 wd), due 7 Jul, answered 30 Jun (6 wd). Escalated Mon 13 Jul; Stage 2 ack Mon 20 Jul:
  // 5 wd, after the target (16 Jul), by the Code (20 Jul); due 17 Aug, answered 19 Aug, late: 27 wd. Survey 5.
  {
    name: "stage2-late",
    received: "2026-06-22",
    channel: "phone",
    category: "repairs",
    steps: [
      { assign: "2026-06-22", handler: "Cal Cole" },
      { ack: "2026-06-23" },
      { respond: "2026-06-30", outcome: "not-upheld" },
      { escalate: "2026-07-13" },
      { assign: "2026-07-13", handler: "Dee Dunn", stage: 2 },
      { ack: "2026-07-20", stage: 2 },
      { respond: "2026-08-19", stage: 2, outcome: "not-upheld" },
      { close: "2026-08-20" },
      { survey: "2026-08-21", score: 5 },
    ],
  },
  // Ack Thu 2 Jul (1 wd); due 16 Jul, extended on 10 Jul by 5 to 23 Jul (the Code's limit too); answered Mon 20
  // Jul: 13 wd. Partly upheld: an act-on-delay remedy due 14 Aug never done, £50 due 1 Aug paid only on 10 April
  // 2027 (both overdue at 31 March 2027), and an action due 30 Sep never done.
  {
    name: "extended-in-code",
    received: "2026-07-01",
    channel: "phone",
    category: "leaks",
    steps: [
      { assign: "2026-07-01", handler: "Bea Best" },
      { ack: "2026-07-02" },
      { extend: "2026-07-10", days: 5 },
      {
        respond: "2026-07-20",
        outcome: "partially-upheld",
        remedies: [remedy("delay", "act-on-delay", "2026-08-14"), pay("pay", 50, "2026-08-01")],
        actions: [action("survey-roof", "2026-09-30")],
      },
      { remedyDone: "2027-04-10", id: "pay" },
    ],
  },
  // Ack Tue 7 Jul (1 wd); due 21 Jul, extended on 15 Jul by 15 (with a good reason) to 11 Aug; the Code counts
  // 10 of them, to 4 Aug. Answered Fri 7 Aug: by the target, not by the Code: 24 wd.
  {
    name: "extended-past-code",
    received: "2026-07-06",
    channel: "email",
    category: "repairs",
    steps: [
      { assign: "2026-07-06", handler: "Ann Able" },
      { ack: "2026-07-07" },
      { extend: "2026-07-15", days: 15, goodReason: "Structural engineer's report" },
      { respond: "2026-08-07", outcome: "not-upheld" },
    ],
  },
  // Refused at Stage 1 on 4 Aug: legal proceedings.
  {
    name: "refused",
    received: "2026-08-03",
    channel: "letter",
    category: "estate-management",
    steps: [{ refuse: "2026-08-04", stage: 1, ground: "legal-proceedings" }],
  },
  // Ack Wed 2 Sep (1 wd); withdrawn 10 Sep.
  {
    name: "withdrawn",
    received: "2026-09-01",
    channel: "email",
    category: "repairs",
    steps: [{ assign: "2026-09-01", handler: "Bea Best" }, { ack: "2026-09-02" }, { withdraw: "2026-09-10" }],
  },
  // Ack Thu 10 Sep, ON the target (3 wd); due 24 Sep; answered Fri 25 Sep, late: 14 wd. Upheld, apology done 28 Sep. Escalated
  // Thu 1 Oct; Stage 2 ack Mon 5 Oct (2 wd; target 6 Oct); due 2 Nov; answered 30 Oct: 21 wd; £250 due 30 Nov
  // paid 20 Nov. Closed 23 Nov; survey 2.
  {
    name: "late-then-stage2",
    received: "2026-09-07",
    channel: "phone",
    category: "anti-social-behaviour",
    steps: [
      { assign: "2026-09-07", handler: "Cal Cole" },
      { ack: "2026-09-10" },
      { respond: "2026-09-25", outcome: "upheld", remedies: [remedy("apology", "apology")] },
      { remedyDone: "2026-09-28", id: "apology" },
      { escalate: "2026-10-01" },
      { assign: "2026-10-01", handler: "Dee Dunn", stage: 2 },
      { ack: "2026-10-05", stage: 2 },
      {
        respond: "2026-10-30",
        stage: 2,
        outcome: "upheld",
        remedies: [pay("stage2-pay", 250, "2026-11-30")],
      },
      { remedyDone: "2026-11-20", id: "stage2-pay" },
      { close: "2026-11-23" },
      { survey: "2026-11-24", score: 2 },
    ],
  },
  // Emergency hazard at 08:00 UTC 12 Oct: target and legal limit both 24 hours; made safe ON the limit, after 24.
  // Ack Wed 14 Oct (2 wd). Not yet answered.
  {
    name: "hazard-emergency",
    received: "2026-10-12",
    channel: "phone",
    category: "damp-and-mould",
    hazard: { severity: "emergency", at: "2026-10-12T08:00:00Z" },
    steps: [
      { assign: "2026-10-12", handler: "Cal Cole" },
      { madeSafe: "2026-10-13T08:00:00Z" },
      { ack: "2026-10-14" },
    ],
  },
  // Ack 3 Nov (1 wd); due 17 Nov; answered 9 Nov: 5 wd. Actions due 31 March 2027 (not overdue ON the day) and
  // 30 June 2027. Escalated 10 Nov; refused
  // at Stage 2 on 11 Nov: already considered.
  {
    name: "escalation-refused",
    received: "2026-11-02",
    channel: "phone",
    category: "repairs",
    steps: [
      { assign: "2026-11-02", handler: "Ann Able" },
      { ack: "2026-11-03" },
      {
        respond: "2026-11-09",
        outcome: "not-upheld",
        actions: [action("on-the-day", "2027-03-31"), action("later", "2027-06-30")],
      },
      { escalate: "2026-11-10" },
      { refuse: "2026-11-11", stage: 2, ground: "already-considered" },
    ],
  },
  // Significant hazard at 10:00 UTC 16 Nov: the risk filter's target 48 hours (18 Nov 10:00); the law's limit
  // the end of 30 Nov (10 wd). Made safe 20 Nov 10:00, after 96 hours: late for the target, within the law.
  {
    name: "hazard-significant",
    received: "2026-11-16",
    channel: "email",
    category: "damp-and-mould",
    hazard: { severity: "significant", at: "2026-11-16T10:00:00Z" },
    steps: [
      { assign: "2026-11-16", handler: "Bea Best" },
      { ack: "2026-11-17" },
      { madeSafe: "2026-11-20T10:00:00Z" },
    ],
  },
  // Emergency hazard never made safe; no handler, not acknowledged.
  {
    name: "hazard-open",
    received: "2027-01-11",
    channel: "phone",
    category: "leaks",
    hazard: { severity: "emergency", at: "2027-01-11T12:00:00Z" },
    steps: [],
  },
  // The last day of the year; acknowledged the day after it.
  {
    name: "last-day",
    received: "2027-03-31",
    channel: "phone",
    category: "other",
    steps: [{ ack: "2027-04-01" }],
  },
  // The year before: ack 24 Mar 2026; due 9 Apr (over Easter); answered Thu 2 Apr: 8 wd, in the year.
  {
    name: "answered-in-year",
    received: "2026-03-23",
    channel: "letter",
    category: "repairs",
    steps: [
      { assign: "2026-03-23", handler: "Ann Able" },
      { ack: "2026-03-24" },
      { respond: "2026-04-02", outcome: "not-upheld" },
    ],
  },
  // The year before: £75 offered 10 Feb 2026, due 31 Mar, paid 15 Apr 2026 (in the year).
  {
    name: "paid-in-year",
    received: "2026-02-02",
    channel: "letter",
    category: "repairs",
    steps: [
      { assign: "2026-02-02", handler: "Ann Able" },
      { ack: "2026-02-03" },
      { respond: "2026-02-10", outcome: "upheld", remedies: [pay("pay", 75, "2026-03-31")] },
      { remedyDone: "2026-04-15", id: "pay" },
    ],
  },
];

/**
 * Contacts: service requests on 5 May and 10 Jun 2026 (a complaint raised from the second on 12 Jun, received
 * 10 Jun by phone, "repairs", no handler: "from-service-request") and on 2 Apr 2027 (after the year);
 * compliments on 1 Jul and 1 Dec; feedback on 1 Aug; a complaint contact on 15 Sep, left open.
 */
export const CONTACTS = [
  { name: "request-may", on: "2026-05-05", kind: "service-request" },
  { name: "request-june", on: "2026-06-10", kind: "service-request", raise: "2026-06-12" },
  { name: "request-next-year", on: "2027-04-02", kind: "service-request" },
  { name: "compliment-july", on: "2026-07-01", kind: "compliment" },
  { name: "compliment-december", on: "2026-12-01", kind: "compliment" },
  { name: "feedback-august", on: "2026-08-01", kind: "feedback" },
  { name: "complaint-contact", on: "2026-09-15", kind: "complaint" },
] as const;
