import type { LessonStatus } from "../../governance/lessons.ts";
import type { Breakdown, Count } from "../figures.ts";
import { NOT_RECORDED } from "../figures.ts";

/** How many categories a report names as its themes. */
export const TOP_CATEGORIES = 5;
/** A lesson theme recorded on lessons from at least this many complaints in the period is a systemic issue. */
export const RECURRING_THEME_COMPLAINTS = 3;
/**
 * A category is rising when at least this many complaints were received under it in the period and that is at
 * least half as many again as its average over the earlier periods of the trend (or it had none before).
 */
export const RISING_MINIMUM = 3;
export const RISING_FACTOR = 1.5;

/** A category this period against the one before and the average of the earlier periods shown. */
export interface CategoryMovement {
  key: string;
  current: Count;
  previous: Count;
  /** The average over every earlier period of the trend; null when the trend has no earlier period. */
  earlierAverage: number | null;
}

const none = (): Count => ({ count: 0, references: [] });
const rowOf = (b: Breakdown | undefined, key: string): Count => b?.find((r) => r.key === key) ?? none();

/**
 * Every category with complaints this period or the one before, with its movement; most complaints this
 * period first (then most last period, then by key), so the first `TOP_CATEGORIES` are the report's themes.
 * `trend` is the categories of consecutive periods, oldest first, the last being the report's period.
 */
export function categoryMovements(trend: readonly Breakdown[]): CategoryMovement[] {
  const current = trend.at(-1) ?? [];
  const previous = trend.length > 1 ? trend.at(-2) : undefined;
  const earlier = trend.slice(0, -1);
  const keys = new Set(
    [...current, ...(previous ?? [])].filter((r) => r.count > 0 && r.key !== NOT_RECORDED).map((r) => r.key),
  );
  return [...keys]
    .map((key) => ({
      key,
      current: rowOf(current, key),
      previous: rowOf(previous, key),
      earlierAverage:
        earlier.length === 0
          ? null
          : earlier.reduce((sum, b) => sum + rowOf(b, key).count, 0) / earlier.length,
    }))
    .sort(
      (a, b) =>
        b.current.count - a.current.count ||
        b.previous.count - a.previous.count ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
}

/** A lesson as the systemic issues read it. */
export interface ThemedLesson {
  reference: string;
  themes: readonly string[];
  status: LessonStatus;
}

/**
 * What may be systemic (Code 9.4: a landlord must look beyond the single complaint): a lesson theme recurring
 * across complaints, or a category of complaint rising well above its usual level. Each names the complaints
 * behind it. These are prompts for the complaints team and the governing body to look into, not conclusions.
 */
export type SystemicIssue =
  | { kind: "recurring-theme"; key: string; references: string[]; lessons: number; open: number }
  | { kind: "rising-category"; key: string; references: string[]; count: number; earlierAverage: number };

export function systemicIssues(
  lessons: readonly ThemedLesson[],
  movements: readonly CategoryMovement[],
): SystemicIssue[] {
  const byTheme = new Map<string, { references: Set<string>; lessons: number; open: number }>();
  for (const lesson of lessons) {
    // "Nothing to learn" says no lesson, so it cannot make a theme recur.
    if (lesson.status === "nothing-to-learn") continue;
    for (const theme of new Set(lesson.themes)) {
      const entry = byTheme.get(theme) ?? { references: new Set<string>(), lessons: 0, open: 0 };
      entry.references.add(lesson.reference);
      entry.lessons += 1;
      if (lesson.status === "to-do" || lesson.status === "planned" || lesson.status === "overdue")
        entry.open += 1;
      byTheme.set(theme, entry);
    }
  }
  const recurring: SystemicIssue[] = [...byTheme]
    .filter(([, e]) => e.references.size >= RECURRING_THEME_COMPLAINTS)
    .map(([key, e]) => ({
      kind: "recurring-theme" as const,
      key,
      references: [...e.references].sort(),
      lessons: e.lessons,
      open: e.open,
    }))
    .sort((a, b) => b.references.length - a.references.length || (a.key < b.key ? -1 : 1));
  const rising: SystemicIssue[] = movements
    .filter(
      (m) =>
        m.earlierAverage !== null &&
        m.current.count >= RISING_MINIMUM &&
        m.current.count >= RISING_FACTOR * m.earlierAverage,
    )
    .map((m) => ({
      kind: "rising-category" as const,
      key: m.key,
      references: m.current.references,
      count: m.current.count,
      earlierAverage: m.earlierAverage ?? 0,
    }));
  return [...recurring, ...rising];
}
