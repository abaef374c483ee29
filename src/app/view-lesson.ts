import { londonDateOf } from "../domain/calendar/day-number.ts";
import {
  lessonProgress,
  lessonThemes,
  type FollowUpAction,
  type LessonKey,
} from "../domain/governance/lessons.ts";
import { followUpActionsOf, findLesson } from "../store/lessons.ts";
import { listYouSaidWeDid, type YouSaidWeDidRow } from "../store/you-said-we-did.ts";
import type { Services } from "./services.ts";
import { UnknownRecordError } from "./unknown-record.ts";
import type { LessonView } from "./view-learning-log.ts";

export interface LessonPage {
  lesson: LessonView;
  /** The complaint's follow-up actions, any of which may carry the lesson out. */
  followUps: FollowUpAction[];
  /** "You said, we did" entries drafted from this lesson. */
  entries: YouSaidWeDidRow[];
  today: string;
}

/** One lesson, with the complaint's follow-up actions and the entries drafted from it; another organisation's is a 404. */
export async function viewLesson(
  services: Services,
  organisationId: string,
  key: LessonKey,
): Promise<LessonPage> {
  const today = londonDateOf(services.clock());
  const lesson = await findLesson(services.db, organisationId, key);
  if (!lesson) throw new UnknownRecordError("lesson");
  const followUps =
    (await followUpActionsOf(services.db, organisationId, [key.complaintId])).get(key.complaintId) ?? [];
  const linked = followUps.find((f) => f.id === lesson.record?.linkedActionId) ?? null;
  const sameLesson = (k: LessonKey) =>
    k.complaintId === key.complaintId && k.eventSeq === key.eventSeq && k.lessonIndex === key.lessonIndex;
  const entries = (await listYouSaidWeDid(services.db, organisationId)).filter((e) =>
    e.lessons.some(sameLesson),
  );
  return {
    lesson: {
      ...lesson,
      linked,
      progress: lessonProgress(lesson.text, lesson.record, linked, today),
      themes: lessonThemes(lesson.record, lesson.category),
    },
    followUps,
    entries,
    today,
  };
}
