import { toDayNumber, type LocalDate } from "../calendar/day-number.ts";
import { COMPLAINT_CATEGORIES } from "../complaint/categories.ts";
import { GovernanceRuleError } from "./governance-errors.ts";

/**
 * Learning from complaints (Code 9.1-9.4): every lesson recorded at a response, and what is done about it.
 * A lesson is one line of the `learning` of a `responded` event; the event log is append-only, so the
 * complaint, the event's sequence number and the line's position name it for good.
 */
export interface LessonKey {
  complaintId: string;
  eventSeq: number;
  lessonIndex: number;
}

/**
 * What lessons are tagged with, so systemic issues show across complaints: the complaint categories, and
 * the themes the Ombudsman's reports keep finding behind them (communication, record keeping, ...).
 */
export const LESSON_THEMES = [
  ...COMPLAINT_CATEGORIES.filter((c) => c !== "other"),
  "communication",
  "record-keeping",
  "complaint-handling",
  "vulnerability-and-adjustments",
  "contractors",
  "policy-or-procedure",
  "training",
  "other",
] as const;
export type LessonTheme = (typeof LESSON_THEMES)[number];

/** A follow-up action of the complaint (Code 6.6, 7.3), which may carry a lesson out. */
export interface FollowUpAction {
  id: string;
  description: string;
  owner: string;
  dueOn: LocalDate;
  completedOn: LocalDate | null;
}

/** What was recorded about a lesson here. */
export interface LessonRecord {
  themes: LessonTheme[];
  status: "planned" | "done" | "no-action";
  action: string | null;
  owner: string | null;
  dueOn: LocalDate | null;
  doneOn: LocalDate | null;
  linkedActionId: string | null;
}

export type LessonStatus = "to-do" | "nothing-to-learn" | "planned" | "overdue" | "done" | "no-action";

/** Where a lesson stands today, with the action that carries it out (its own, or the linked follow-up). */
export interface LessonProgress {
  status: LessonStatus;
  action: string | null;
  owner: string | null;
  dueOn: LocalDate | null;
  doneOn: LocalDate | null;
}

/**
 * Whether a lesson's words say there was nothing to learn ("None", "No learning", "N/A"): Code 9.1 lets a
 * response record that, and such a line needs no action.
 */
export function readsAsNothingToLearn(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/[^a-z/ ]+/g, " ")
    .trim();
  return /^(none|n\/?a|nil|nothing|no (learning|lessons?)( identified| learned| learnt)?|nothing to learn)$/.test(
    words,
  );
}

const before = (a: LocalDate, b: LocalDate) => toDayNumber(a) < toDayNumber(b);

/** Where a lesson stands on `today`. A linked follow-up action decides: done when it is done. */
export function lessonProgress(
  text: string,
  record: LessonRecord | null,
  linked: FollowUpAction | null,
  today: LocalDate,
): LessonProgress {
  if (!record)
    return {
      status: readsAsNothingToLearn(text) ? "nothing-to-learn" : "to-do",
      action: null,
      owner: null,
      dueOn: null,
      doneOn: null,
    };
  if (record.linkedActionId && linked) {
    const doneOn = linked.completedOn;
    const status = doneOn ? "done" : before(linked.dueOn, today) ? "overdue" : "planned";
    return { status, action: linked.description, owner: linked.owner, dueOn: linked.dueOn, doneOn };
  }
  const { action, owner, dueOn, doneOn } = record;
  const overdue = record.status === "planned" && dueOn !== null && before(dueOn, today);
  return { status: overdue ? "overdue" : record.status, action, owner, dueOn, doneOn };
}

/** What an officer records about a lesson, as typed. */
export interface LessonActionInput {
  themes: LessonTheme[];
  linkedActionId?: string | undefined;
  status: LessonRecord["status"];
  action?: string | undefined;
  owner?: string | undefined;
  dueOn?: LocalDate | undefined;
  doneOn?: LocalDate | undefined;
}

/**
 * Checks what an officer records about a lesson and returns the record to keep. A lesson carried out by
 * one of the complaint's follow-up actions takes that action's owner, date and completion; otherwise a
 * planned action needs what, who and by when; a done one what and when; "no action" a reason.
 */
export function checkLessonAction(
  input: LessonActionInput,
  followUps: readonly FollowUpAction[],
  today: LocalDate,
): LessonRecord {
  const themes = [...new Set(input.themes)];
  const action = input.action?.trim() || null;
  if (input.linkedActionId) {
    if (!followUps.some((f) => f.id === input.linkedActionId))
      throw new GovernanceRuleError("UNKNOWN_FOLLOW_UP_ACTION", "linkedActionId");
    const base = { themes, action, owner: null, dueOn: null, doneOn: null };
    return { ...base, status: "planned", linkedActionId: input.linkedActionId };
  }
  const base = { themes, action, linkedActionId: null, owner: input.owner?.trim() || null };
  if (input.status === "no-action") {
    if (!action) throw new GovernanceRuleError("LESSON_NO_ACTION_REASON_REQUIRED", "action");
    return { ...base, status: "no-action", owner: null, dueOn: null, doneOn: null };
  }
  if (!action) throw new GovernanceRuleError("LESSON_ACTION_REQUIRED", "action");
  if (input.status === "done") {
    if (!input.doneOn) throw new GovernanceRuleError("LESSON_DONE_ON_REQUIRED", "doneOn");
    if (before(today, input.doneOn)) throw new GovernanceRuleError("DATE_IN_FUTURE", "doneOn");
    return { ...base, status: "done", dueOn: input.dueOn ?? null, doneOn: input.doneOn };
  }
  if (!base.owner) throw new GovernanceRuleError("LESSON_OWNER_REQUIRED", "owner");
  if (!input.dueOn) throw new GovernanceRuleError("LESSON_DUE_REQUIRED", "dueOn");
  return { ...base, status: "planned", dueOn: input.dueOn, doneOn: null };
}

/** Lessons by theme, so a theme recurring across complaints shows (Code 9.4): most lessons first. */
export function themeCounts(
  lessons: readonly { themes: readonly string[]; status: LessonStatus }[],
): { theme: string; lessons: number; open: number }[] {
  const counts = new Map<string, { lessons: number; open: number }>();
  for (const lesson of lessons) {
    // "None" is not a lesson: it would make every category look like a theme.
    if (lesson.status === "nothing-to-learn") continue;
    for (const theme of lesson.themes) {
      const c = counts.get(theme) ?? { lessons: 0, open: 0 };
      c.lessons += 1;
      if (lesson.status === "to-do" || lesson.status === "planned" || lesson.status === "overdue")
        c.open += 1;
      counts.set(theme, c);
    }
  }
  return [...counts]
    .map(([theme, c]) => ({ theme, ...c }))
    .sort((a, b) => b.lessons - a.lessons || a.theme.localeCompare(b.theme));
}

/** A lesson's themes: those recorded, or else the complaint's category (what it is filed under). */
export function lessonThemes(record: LessonRecord | null, category: string | null): string[] {
  if (record && record.themes.length > 0) return record.themes;
  return category ? [category] : [];
}
