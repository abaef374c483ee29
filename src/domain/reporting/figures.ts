import { measure, type Measure } from "./tsm.ts";

/**
 * The kinds of figure a report shows. Each carries the references of what it counts (complaint references,
 * or contact ids for contact figures) so that every figure can be drilled into. A reference appears once per
 * thing counted: a complaint with two remedies offered appears twice behind "remedies offered".
 *
 * The domain's definitions and their SQL twins both build figures with these constructors, from the
 * references they selected, so the two agree exactly when they select the same things. References are kept
 * in code-point order, whatever order they were selected in.
 */

/** A number of things, with what was counted. */
export interface Count {
  count: number;
  references: string[];
}

/** An average over the things counted: `total / count` (null when nothing was counted). */
export interface Average {
  value: number | null;
  /** The sum averaged: working days, or milliseconds for hours. */
  total: number;
  count: number;
  references: string[];
}

/** A sum of money over the things counted. */
export interface Amount {
  pence: number;
  count: number;
  references: string[];
}

/** A count split by a label (channel, category, ground...). */
export interface BreakdownRow extends Count {
  key: string;
}
export type Breakdown = BreakdownRow[];

const sorted = (references: readonly string[]): string[] =>
  [...references].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export function count(references: readonly string[]): Count {
  return { count: references.length, references: sorted(references) };
}

/** A percentage: the numerator's share of the denominator (null when there is nothing to divide by). */
export function share(numerator: readonly string[], denominator: readonly string[]): Measure {
  return measure(sorted(numerator), sorted(denominator), 100);
}

/** `divisor` turns the total into the unit shown (3,600,000 for milliseconds shown as hours). */
export function average(references: readonly string[], total: number, divisor = 1): Average {
  const n = references.length;
  return { value: n > 0 ? total / n / divisor : null, total, count: n, references: sorted(references) };
}

export function amount(references: readonly string[], pence: number): Amount {
  return { pence, count: references.length, references: sorted(references) };
}

/**
 * A breakdown from references grouped by key: the `fixed` keys always, in their order (zero when nothing
 * has them), then any other key that has something, in code-point order.
 */
export function breakdown(
  groups: ReadonlyMap<string, readonly string[]>,
  fixed: readonly string[] = [],
): Breakdown {
  const others = [...groups.keys()].filter((k) => !fixed.includes(k) && (groups.get(k)?.length ?? 0) > 0);
  return [...fixed, ...sorted(others)].map((key) => ({ key, ...count(groups.get(key) ?? []) }));
}

/** Groups items' references by a key, for `breakdown`. */
export function groupReferences<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  referenceOf: (item: T) => string,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(referenceOf(item));
    else groups.set(key, [referenceOf(item)]);
  }
  return groups;
}

/** The label of a figure with nothing recorded for it (no category, no handler, no outcome). */
export const NOT_RECORDED = "not-recorded";
