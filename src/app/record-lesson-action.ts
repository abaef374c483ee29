import { londonDateOf } from "../domain/calendar/day-number.ts";
import { checkLessonAction, type LessonActionInput, type LessonKey } from "../domain/governance/lessons.ts";
import { findLesson, followUpActionsOf, saveLessonAction } from "../store/lessons.ts";
import type { Actor, Services } from "./services.ts";
import { UnknownRecordError } from "./unknown-record.ts";

export interface RecordLessonActionInput extends LessonActionInput {
  organisationId: string;
  lesson: LessonKey;
}

/**
 * Records what is done about a lesson (Code 9.1-9.4): its themes, and the action, owner and due date, or the
 * complaint's follow-up action that carries it out, or that it is done, or why no action is needed.
 */
export async function recordLessonAction(
  services: Services,
  input: RecordLessonActionInput,
  actor: Actor,
): Promise<void> {
  const now = services.clock();
  await services.db.transaction(async (tx) => {
    const lesson = await findLesson(tx, input.organisationId, input.lesson);
    if (!lesson) throw new UnknownRecordError("lesson");
    const followUps =
      (await followUpActionsOf(tx, input.organisationId, [lesson.complaintId])).get(lesson.complaintId) ?? [];
    const record = checkLessonAction(input, followUps, londonDateOf(now));
    await saveLessonAction(tx, input.organisationId, input.lesson, record, actor, now);
  });
}
