import { londonDateOf } from "../domain/calendar/day-number.ts";
import {
  lessonProgress,
  lessonThemes,
  themeCounts,
  type FollowUpAction,
  type LessonProgress,
  type LessonStatus,
} from "../domain/governance/lessons.ts";
import { reportingYear, type ReportingPeriod } from "../domain/reporting/reporting-year.ts";
import { followUpActionsOf, listLessons, type LessonRow } from "../store/lessons.ts";
import type { Queryable } from "../store/database.ts";
import { requireOrganisation } from "./complaint-context.ts";
import type { Services } from "./services.ts";

export interface LessonView extends LessonRow {
  progress: LessonProgress;
  themes: string[];
  /** The follow-up action the lesson is carried out by, if it is linked to one. */
  linked: FollowUpAction | null;
}

/** The reporting year a date falls in (1 April to 31 March): 2027-02-01 is in 2026/27. */
export function reportingYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}

/** Lessons with where each stands today, its themes and its linked follow-up action. */
export async function lessonViews(
  tx: Queryable,
  organisationId: string,
  period: { from: string; to: string },
  today: string,
): Promise<LessonView[]> {
  const lessons = await listLessons(tx, organisationId, period);
  const linkedIds = lessons.filter((l) => l.record?.linkedActionId).map((l) => l.complaintId);
  const followUps = linkedIds.length ? await followUpActionsOf(tx, organisationId, linkedIds) : new Map();
  return lessons.map((l) => {
    const linked =
      (followUps.get(l.complaintId) as FollowUpAction[] | undefined)?.find(
        (f) => f.id === l.record?.linkedActionId,
      ) ?? null;
    return {
      ...l,
      linked,
      progress: lessonProgress(l.text, l.record, linked, today),
      themes: lessonThemes(l.record, l.category),
    };
  });
}

const OPEN: readonly LessonStatus[] = ["to-do", "planned", "overdue"];

export interface LearningLog {
  organisation: { id: string; name: string };
  period: ReportingPeriod;
  year: number;
  today: string;
  filter: { theme?: string; status?: "open" | LessonStatus };
  lessons: LessonView[];
  /** All the year's lessons, before the filter: how many there are in each state, and by theme. */
  counts: Record<LessonStatus, number> & { all: number };
  themes: ReturnType<typeof themeCounts>;
}

/** The learning log: every lesson recorded at a response in a reporting year, what is done about it, and themes. */
export async function viewLearningLog(
  services: Services,
  input: { organisationId: string; year?: number; theme?: string; status?: "open" | LessonStatus },
): Promise<LearningLog> {
  const today = londonDateOf(services.clock());
  const year = input.year ?? reportingYearOf(today);
  const period = reportingYear(year);
  const org = await requireOrganisation(services.db, input.organisationId);
  const all = await lessonViews(services.db, input.organisationId, period, today);
  const counts = {
    all: all.length,
    "to-do": 0,
    "nothing-to-learn": 0,
    planned: 0,
    overdue: 0,
    done: 0,
    "no-action": 0,
  };
  for (const l of all) counts[l.progress.status] += 1;
  const lessons = all.filter(
    (l) =>
      (!input.theme || l.themes.includes(input.theme)) &&
      (!input.status ||
        (input.status === "open" ? OPEN.includes(l.progress.status) : l.progress.status === input.status)),
  );
  const filter = {
    ...(input.theme ? { theme: input.theme } : {}),
    ...(input.status ? { status: input.status } : {}),
  };
  return {
    organisation: { id: org.id, name: org.name },
    period,
    year,
    today,
    filter,
    lessons,
    counts,
    themes: themeCounts(all.map((l) => ({ themes: l.themes, status: l.progress.status }))),
  };
}
