import type { FollowUpAction, LessonKey, LessonRecord, LessonTheme } from "../domain/governance/lessons.ts";
import type { Queryable } from "./database.ts";

/**
 * Lessons are read straight from the responses that recorded them (the `learning` of `responded` events,
 * one row per line, numbered from 0), with what has been recorded about each in `lesson_actions`.
 */
export interface LessonRow extends LessonKey {
  text: string;
  stage: 1 | 2;
  respondedOn: string;
  reference: string;
  category: string | null;
  record: LessonRecord | null;
  updatedBy: string | null;
}

const LESSONS = `
  SELECT e.complaint_id::text AS complaint_id, e.seq, (l.idx - 1)::integer AS lesson_index, l.text,
    (e.payload->>'stage')::integer AS stage, e.occurred_on, c.reference, c.category,
    a.themes, a.status, a.action, a.owner, a.due_on, a.done_on, a.linked_action_id, a.updated_by
  FROM complaint_events e
  JOIN complaints c ON c.organisation_id = e.organisation_id AND c.id = e.complaint_id
  CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(e.payload->'learning', '[]'::jsonb)) WITH ORDINALITY AS l(text, idx)
  LEFT JOIN lesson_actions a ON a.organisation_id = e.organisation_id AND a.complaint_id = e.complaint_id
    AND a.event_seq = e.seq AND a.lesson_index = l.idx - 1
  WHERE e.organisation_id = $1 AND e.type = 'responded'`;

type Row = Record<string, unknown>;

function lessonOf(row: Row): LessonRow {
  const record: LessonRecord | null =
    row.status === null
      ? null
      : {
          themes: row.themes as LessonTheme[],
          status: row.status as LessonRecord["status"],
          action: (row.action as string | null) ?? null,
          owner: (row.owner as string | null) ?? null,
          dueOn: (row.due_on as string | null) ?? null,
          doneOn: (row.done_on as string | null) ?? null,
          linkedActionId: (row.linked_action_id as string | null) ?? null,
        };
  return {
    complaintId: String(row.complaint_id),
    eventSeq: Number(row.seq),
    lessonIndex: Number(row.lesson_index),
    text: String(row.text),
    stage: Number(row.stage) === 2 ? 2 : 1,
    respondedOn: String(row.occurred_on),
    reference: String(row.reference),
    category: (row.category as string | null) ?? null,
    record,
    updatedBy: (row.updated_by as string | null) ?? null,
  };
}

/** The lessons recorded at responses issued in a period, newest first. */
export async function listLessons(
  tx: Queryable,
  organisationId: string,
  period: { from: string; to: string },
): Promise<LessonRow[]> {
  const result = await tx.query(
    `${LESSONS} AND e.occurred_on BETWEEN $2::date AND $3::date ORDER BY e.occurred_on DESC, c.reference, e.seq, l.idx`,
    [organisationId, period.from, period.to],
  );
  return result.rows.map(lessonOf);
}

/** One lesson, or null when the organisation has no such lesson. */
export async function findLesson(
  tx: Queryable,
  organisationId: string,
  key: LessonKey,
): Promise<LessonRow | null> {
  const result = await tx.query(
    `${LESSONS} AND e.complaint_id = $2::uuid AND e.seq = $3 AND l.idx - 1 = $4`,
    [organisationId, key.complaintId, key.eventSeq, key.lessonIndex],
  );
  return result.rows[0] ? lessonOf(result.rows[0]) : null;
}

/** The follow-up actions of some complaints (from their responses), with when each was completed. */
export async function followUpActionsOf(
  tx: Queryable,
  organisationId: string,
  complaintIds: readonly string[],
): Promise<Map<string, FollowUpAction[]>> {
  const result = await tx.query<{
    complaint_id: string;
    id: string;
    description: string;
    owner: string;
    due_on: string;
    completed_on: string | null;
  }>(
    `SELECT e.complaint_id::text AS complaint_id, act->>'id' AS id, act->>'description' AS description,
       act->>'owner' AS owner, act->>'dueOn' AS due_on,
       (SELECT min(d.occurred_on) FROM complaint_events d
        WHERE d.organisation_id = e.organisation_id AND d.complaint_id = e.complaint_id
          AND d.type = 'action-completed' AND d.payload->>'actionId' = act->>'id') AS completed_on
     FROM complaint_events e
     CROSS JOIN LATERAL jsonb_array_elements(COALESCE(e.payload->'actions', '[]'::jsonb)) AS act
     WHERE e.organisation_id = $1 AND e.type = 'responded' AND e.complaint_id = ANY($2::uuid[])
     ORDER BY e.seq`,
    [organisationId, [...new Set(complaintIds)]],
  );
  const byComplaint = new Map<string, FollowUpAction[]>();
  for (const r of result.rows) {
    const list = byComplaint.get(r.complaint_id) ?? [];
    list.push({
      id: r.id,
      description: r.description,
      owner: r.owner,
      dueOn: r.due_on,
      completedOn: r.completed_on,
    });
    byComplaint.set(r.complaint_id, list);
  }
  return byComplaint;
}

/** Keeps what was recorded about a lesson (the latest word replaces the earlier). */
export async function saveLessonAction(
  tx: Queryable,
  organisationId: string,
  key: LessonKey,
  record: LessonRecord,
  by: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO lesson_actions (organisation_id, complaint_id, event_seq, lesson_index, themes, status, action, owner,
       due_on, done_on, linked_action_id, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (organisation_id, complaint_id, event_seq, lesson_index) DO UPDATE SET
       themes = EXCLUDED.themes, status = EXCLUDED.status, action = EXCLUDED.action, owner = EXCLUDED.owner,
       due_on = EXCLUDED.due_on, done_on = EXCLUDED.done_on, linked_action_id = EXCLUDED.linked_action_id,
       updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [
      organisationId,
      key.complaintId,
      key.eventSeq,
      key.lessonIndex,
      JSON.stringify(record.themes),
      record.status,
      record.action,
      record.owner,
      record.dueOn,
      record.doneOn,
      record.linkedActionId,
      by,
      at,
    ],
  );
}
