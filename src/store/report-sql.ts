import type { ReportingPeriod } from "../domain/reporting/reporting-year.ts";

/**
 * Shared pieces of the report queries (the SQL twins of src/domain/reporting): they read the facts projection
 * and its indexes, joined to the complaints row only for the reference and the labels triage can change.
 */
export const FACTS = `complaint_facts f
  JOIN complaints c ON c.organisation_id = f.organisation_id AND c.id = f.complaint_id`;

/** The parameters every period query starts with: $1 the organisation, $2 and $3 the period's first and last day. */
export const periodParams = (organisationId: string, period: ReportingPeriod): unknown[] => [
  organisationId,
  period.from,
  period.to,
];

/** array_agg gives NULL over no rows. */
export const refs = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);

/** Rows of (key, references) as a map, for the domain's `breakdown`. */
export function grouped(rows: readonly { key: string; refs: unknown }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.key, [...(map.get(row.key) ?? []), ...refs(row.refs)]);
  return map;
}
