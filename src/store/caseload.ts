import type { Queryable } from "./database.ts";

export type CaseloadFilter = "all" | "overdue" | "due-soon" | "extended" | "stage2" | "hazard";

export interface CaseloadRow {
  reference: string;
  stage: number;
  status: string;
  category: string | null;
  nextClock: string | null;
  nextDue: string | null;
  nextCodeLimit: string | null;
  hazard: boolean;
  handlerStage1: string | null;
  handlerStage2: string | null;
  receivedOn: string;
  residentName: string | null;
}

export interface CaseloadQuery {
  organisationId: string;
  /** Only complaints this person handles at their current stage (matched on name or email). */
  handler?: { name: string; email: string };
  filter: CaseloadFilter;
  today: string;
  /** The last day that counts as "due soon" (today + 3 working days). */
  dueSoonBy: string;
}

const RUNNING = "c.status NOT IN ('closed', 'refused', 'withdrawn')";
const EXTENDED = `EXISTS (SELECT 1 FROM complaint_events e WHERE e.organisation_id = c.organisation_id
  AND e.complaint_id = c.id AND e.type = 'extended')`;

/** Builds a parameter list as conditions are added, so every placeholder is used. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ""): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

export function filterSql(
  filter: CaseloadFilter,
  q: Pick<CaseloadQuery, "today" | "dueSoonBy">,
  p: Params,
): string {
  switch (filter) {
    case "all":
      return "TRUE";
    case "overdue":
      return `c.next_due < ${p.add(q.today, "::date")}`;
    case "due-soon":
      return `c.next_due >= ${p.add(q.today, "::date")} AND c.next_due <= ${p.add(q.dueSoonBy, "::date")}`;
    case "extended":
      return EXTENDED;
    case "stage2":
      return "c.stage = 2";
    case "hazard":
      return "c.hazard";
  }
}

/** The organisation, running complaints only, and (for "my cases") the handler at the current stage. */
function scopeSql(q: Omit<CaseloadQuery, "filter">, p: Params): string {
  let where = `c.organisation_id = ${p.add(q.organisationId)} AND ${RUNNING}`;
  if (q.handler) {
    const current = "CASE WHEN c.stage = 1 THEN c.handler_stage1 ELSE c.handler_stage2 END";
    where += ` AND lower(${current}) IN (lower(${p.add(q.handler.name)}), lower(${p.add(q.handler.email)}))`;
  }
  return where;
}

/** Running complaints, soonest deadline first (those with no open clock last). */
export async function listCaseload(tx: Queryable, q: CaseloadQuery): Promise<CaseloadRow[]> {
  const p = new Params();
  const where = `${scopeSql(q, p)} AND ${filterSql(q.filter, q, p)}`;
  const result = await tx.query<CaseloadRow>(
    `SELECT c.reference, c.stage, c.status, c.category, c.next_clock AS "nextClock", c.next_due AS "nextDue",
       c.next_code_limit AS "nextCodeLimit", c.hazard, c.handler_stage1 AS "handlerStage1",
       c.handler_stage2 AS "handlerStage2", c.received_on AS "receivedOn", r.name AS "residentName"
     FROM complaints c LEFT JOIN residents r ON r.organisation_id = c.organisation_id AND r.id = c.resident_id
     WHERE ${where}
     ORDER BY c.next_due ASC NULLS LAST, c.reference LIMIT 500`,
    p.values,
  );
  return result.rows;
}

export type CaseloadCounts = Record<Exclude<CaseloadFilter, "all">, number> & { all: number };

/** How many running complaints match each filter, for the counts at the top of the caseload. */
export async function countCaseload(
  tx: Queryable,
  q: Omit<CaseloadQuery, "filter">,
): Promise<CaseloadCounts> {
  const p = new Params();
  const where = scopeSql(q, p);
  const filters: CaseloadFilter[] = ["all", "overdue", "due-soon", "extended", "stage2", "hazard"];
  const columns = filters
    .map((f) => `count(*) FILTER (WHERE ${filterSql(f, q, p)})::int AS "${f}"`)
    .join(", ");
  const result = await tx.query<CaseloadCounts>(
    `SELECT ${columns} FROM complaints c WHERE ${where}`,
    p.values,
  );
  return result.rows[0] as CaseloadCounts;
}
