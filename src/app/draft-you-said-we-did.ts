import { randomUUID } from "node:crypto";
import { londonDateOf } from "../domain/calendar/day-number.ts";
import { lessonProgress, lessonThemes, type LessonKey } from "../domain/governance/lessons.ts";
import { draftFromLessons } from "../domain/governance/you-said-we-did.ts";
import { findLesson, followUpActionsOf } from "../store/lessons.ts";
import { insertYouSaidWeDid } from "../store/you-said-we-did.ts";
import type { Actor, Services } from "./services.ts";
import { UnknownRecordError } from "./unknown-record.ts";

export interface DraftYouSaidWeDidInput {
  organisationId: string;
  /** The lessons it comes from (never published). */
  lessons: LessonKey[];
  /** Typed words; when absent they are drafted from the lessons. */
  youSaid?: string | undefined;
  weDid?: string | undefined;
  themes?: string[] | undefined;
  changedOn?: string | undefined;
}

/** Drafts a "you said, we did" entry, from lessons or typed; it is published only once approved. */
export async function draftYouSaidWeDid(
  services: Services,
  input: DraftYouSaidWeDidInput,
  actor: Actor,
): Promise<{ id: string }> {
  const now = services.clock();
  const today = londonDateOf(now);
  const id = randomUUID();
  await services.db.transaction(async (tx) => {
    const lessons = [];
    for (const key of input.lessons) {
      const lesson = await findLesson(tx, input.organisationId, key);
      if (!lesson) throw new UnknownRecordError("lesson");
      const followUps = await followUpActionsOf(tx, input.organisationId, [key.complaintId]);
      const linked =
        followUps.get(key.complaintId)?.find((f) => f.id === lesson.record?.linkedActionId) ?? null;
      const progress = lessonProgress(lesson.text, lesson.record, linked, today);
      lessons.push({
        text: lesson.text,
        themes: lessonThemes(lesson.record, lesson.category),
        action: progress.action,
      });
    }
    const draft = draftFromLessons(lessons);
    await insertYouSaidWeDid(
      tx,
      input.organisationId,
      {
        id,
        youSaid: input.youSaid ?? draft.youSaid,
        weDid: input.weDid ?? draft.weDid,
        themes: input.themes ?? draft.themes,
        changedOn: input.changedOn ?? null,
        lessons: input.lessons,
      },
      actor,
      now,
    );
  });
  return { id };
}
