import type { ComplaintPage } from "../../app/view-complaint.ts";
import { formatLongDate } from "../../domain/calendar/day-number.ts";
import { stagePolicy, type ClockName } from "../../domain/complaint/clocks.ts";
import { foldComplaint, type ComplaintState, type StageRecord } from "../../domain/complaint/state.ts";
import type { ClockStart } from "../../domain/policy/schema.ts";
import { START_WORDS } from "./policy-view.ts";

/**
 * The follow page: a complaint as its resident (or their representative) sees it. Every date in plain
 * English with why it falls where it does, the stage and status in everyday words, what was decided and
 * agreed, and what they can do next. It shows nothing staff-only: no findings about the landlord's
 * handling, no staff emails, no internal notes; the handler by first name only.
 */

const CLOCK_WORDS: Record<ClockName, { pending: string; done: string; what: string }> = {
  "stage1.acknowledgement": {
    pending: "We will acknowledge your complaint by",
    done: "We acknowledged your complaint on",
    what: "acknowledge your complaint",
  },
  "stage1.response": {
    pending: "We will send our Stage 1 answer by",
    done: "We sent our Stage 1 answer on",
    what: "send our Stage 1 answer",
  },
  "stage2.acknowledgement": {
    pending: "We will acknowledge your request for Stage 2 by",
    done: "We acknowledged your request for Stage 2 on",
    what: "acknowledge your request for Stage 2",
  },
  "stage2.response": {
    pending: "We will send our final answer by",
    done: "We sent our final answer on",
    what: "send our final answer",
  },
};

const STATUS_WORDS: Record<ComplaintState["status"], [string, string]> = {
  "awaiting-acknowledgement": ["Received", "We have your complaint and will acknowledge it."],
  investigating: ["Being looked into", "We are looking into your complaint."],
  responded: ["Answer sent", "We have sent you our answer."],
  "escalation-requested": ["Stage 2 asked for", "You have asked for Stage 2."],
  closed: ["Closed", "Your complaint is closed."],
  refused: [
    "Not taken forward",
    "We decided not to take this forward as a complaint and wrote to explain why. You can ask the Housing Ombudsman to look at that decision.",
  ],
  withdrawn: ["Withdrawn", "The complaint was withdrawn."],
};

const OUTCOME_WORDS = { upheld: "Upheld", "partially-upheld": "Partly upheld", "not-upheld": "Not upheld" };

/** The day a timescale counts from, on this complaint. */
function startOf(from: ClockStart, record: StageRecord, state: ComplaintState): string | undefined {
  if (from === "receipt") return record.startedOn;
  if (from === "logging") return record.loggedOn;
  if (from === "acknowledgement") return record.acknowledgedOn;
  return state.stages[2]?.startedOn;
}

function dateLine(page: ComplaintPage, state: ComplaintState, name: ClockName) {
  const clock = page.complaint.clocks[name];
  if (!clock) return null;
  const stage = name.startsWith("stage1") ? 1 : 2;
  const record = state.stages[stage];
  if (!record) return null;
  const policy = stagePolicy(page.pack, stage);
  const target = name.endsWith("acknowledgement") ? policy.acknowledgement : policy.response;
  const start = startOf(target.from, record, state);
  const why = [
    `We aim to ${CLOCK_WORDS[name].what} within ${target.workingDays} working days of ${START_WORDS[target.from]}` +
      (start ? ` (${formatLongDate(start)}).` : "."),
  ];
  if (name.endsWith("response")) {
    for (const x of record.extensions) {
      why.push(
        `On ${formatLongDate(x.on)} we gave ourselves ${x.workingDays} more working days, because: ${x.reason}`,
      );
    }
  }
  if (clock.codeLimit && clock.codeLimit !== clock.due) {
    why.push(`The latest the Complaint Handling Code allows is ${formatLongDate(clock.codeLimit)}.`);
  }
  const done = Boolean(clock.metOn);
  return {
    name,
    text: done ? CLOCK_WORDS[name].done : CLOCK_WORDS[name].pending,
    date: clock.metOn ?? clock.due,
    done,
    stopped: clock.state === "stopped",
    overdue: clock.state === "overdue",
    why,
  };
}

/** A member of staff by first name only; nothing for someone outside the organisation's staff. */
function firstName(page: ComplaintPage, handler: string | undefined): string | null {
  if (!handler) return null;
  const user = page.staff.find((u) => u.email === handler || u.name === handler);
  return user?.name.trim().split(/\s+/)[0] ?? null;
}

export function followView(page: ComplaintPage) {
  const c = page.complaint;
  const state = foldComplaint(c.events);
  const stage = state.stage;
  const record = state.stages[stage];
  const [statusTitle, statusDetail] = STATUS_WORDS[state.status];
  const lateEscalation =
    stage === 2 && !state.lateEscalationAcceptedOn && c.findings.some((f) => f.rule === "late-escalation");
  const names = Object.keys(c.clocks) as ClockName[];
  const stageName = stagePolicy(page.pack, stage).name;
  return {
    reference: c.reference,
    receivedOn: c.receivedOn,
    stage,
    stageName: stageName === `Stage ${stage}` ? null : stageName,
    statusTitle: stage === 2 && state.status === "responded" ? "Final answer sent" : statusTitle,
    statusDetail,
    handler: firstName(page, record?.handler),
    dates: names.map((n) => dateLine(page, state, n)).filter((d) => d !== null && !d.stopped),
    issues: record?.issues ?? [],
    outcomesSought: record?.outcomesSought ?? [],
    outcomes: ([1, 2] as const).flatMap((n) => {
      const outcome = state.stages[n]?.outcome;
      return outcome ? [{ stage: n, words: OUTCOME_WORDS[outcome] }] : [];
    }),
    remedies: state.remedies.map((r) => ({ text: r.description, dueOn: r.dueOn, doneOn: r.completedOn })),
    actions: state.actions.map((a) => ({ text: a.description, dueOn: a.dueOn, doneOn: a.completedOn })),
    escalation: state.stages[2] ? { on: state.stages[2].startedOn, late: lateEscalation } : null,
    // A complaint answered at Stage 1 can go to Stage 2, even after closing; Stage 2 is final (Code 5.3).
    canEscalate:
      stage === 1 && Boolean(state.stages[1].respondedOn) && ["responded", "closed"].includes(state.status),
    canAnswerSurvey: state.status === "closed" && !state.survey,
    surveyAnswered: Boolean(state.survey),
    anyOverdue: names.some((n) => c.clocks[n]?.state === "overdue"),
    ombudsman: page.pack.signposting.find((s) => s.body === "housing-ombudsman") ?? null,
    messages: page.portal.messages,
    // Files the resident sent (staff files are evidence for the case, not shown here).
    files: page.attachments.filter((a) => a.source === "resident"),
  };
}
export type FollowView = ReturnType<typeof followView>;
