import { z } from "zod";
import { approveYouSaidWeDid } from "../../app/approve-you-said-we-did.ts";
import { draftYouSaidWeDid } from "../../app/draft-you-said-we-did.ts";
import { editYouSaidWeDid } from "../../app/edit-you-said-we-did.ts";
import { recordLessonAction } from "../../app/record-lesson-action.ts";
import { withdrawYouSaidWeDid } from "../../app/withdraw-you-said-we-did.ts";
import { LESSON_THEMES, type LessonKey } from "../../domain/governance/lessons.ts";
import { optionalDate, optionalText, requiredText, type Action, type ActionContext } from "./action.ts";

const date = optionalDate("Enter a real date, like 2027-01-29");

/** Ticked boxes: none sends nothing, one sends a string, several an array. */
const themesInput = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : [v].flat()),
  z.array(z.enum(LESSON_THEMES, { error: "Choose themes from the list" })),
);

export const lessonActionInput = z.object({
  themes: themesInput,
  /** One of the complaint's follow-up actions that carries the lesson out; empty to record an action here. */
  linkedActionId: optionalText,
  status: z
    .enum(["planned", "done", "no-action"], { error: "Say where the action stands" })
    .default("planned"),
  action: optionalText,
  owner: optionalText,
  dueOn: date,
  doneOn: date,
});

/** What is done about a lesson: themes, and its action (or the follow-up action that carries it out). */
export const RECORD_LESSON_ACTION: Action<LessonKey, ActionContext, typeof lessonActionInput> = {
  summary: "Record what is done about a lesson: themes, action, owner, due date and status",
  permission: () => "record-governance",
  input: lessonActionInput,
  run: (ctx, d, lesson) =>
    recordLessonAction(ctx.services, { organisationId: ctx.organisationId, lesson, ...d }, ctx.actor),
};

const lessonKeyInput = z.object({
  complaintId: z.uuid(),
  eventSeq: z.coerce.number().int().min(1),
  lessonIndex: z.coerce.number().int().min(0),
});

export const entryInput = z.object({
  youSaid: requiredText("Say what residents told us, in words for the website"),
  weDid: requiredText("Say what was changed because of it"),
  themes: themesInput,
  changedOn: date,
});

const draftInput = z
  .object({
    lessons: z.array(lessonKeyInput).default([]),
    youSaid: optionalText,
    weDid: optionalText,
    themes: themesInput.optional(),
    changedOn: date,
  })
  .superRefine((d, ctx) => {
    // Without lessons to draft from, the words must be typed.
    if (d.lessons.length > 0) return;
    if (!d.youSaid)
      ctx.addIssue({
        code: "custom",
        path: ["youSaid"],
        message: "Say what residents told us, in words for the website",
      });
    if (!d.weDid)
      ctx.addIssue({ code: "custom", path: ["weDid"], message: "Say what was changed because of it" });
  });

/** A new "you said, we did" entry: drafted from lessons when its words are not given. */
export const DRAFT_YOU_SAID_WE_DID: Action<null, ActionContext, typeof draftInput, { id: string }> = {
  summary: "Draft a 'you said, we did' entry, typed or from lessons",
  permission: () => "record-governance",
  input: draftInput,
  // The lesson page's "draft from this lesson" sends the lesson; the new-entry form sends the words.
  fromForm: (v) => ({
    ok: true,
    data: {
      lessons: v.complaintId
        ? [{ complaintId: v.complaintId, eventSeq: v.eventSeq, lessonIndex: v.lessonIndex }]
        : [],
      youSaid: v.youSaid,
      weDid: v.weDid,
      themes: v.themes,
      changedOn: v.changedOn,
    },
  }),
  run: (ctx, d) => draftYouSaidWeDid(ctx.services, { organisationId: ctx.organisationId, ...d }, ctx.actor),
};

type EntryAction<S extends z.ZodType = z.ZodType> = Action<{ id: string }, ActionContext, S>;
const entryAction = <S extends z.ZodType>(a: EntryAction<S>): EntryAction<S> => a;
const target = (ctx: ActionContext, entry: { id: string }) => ({
  organisationId: ctx.organisationId,
  id: entry.id,
});

/** What can be done to an entry, by the name used in the form URLs (`POST /governance/you-said-we-did/{id}/{name}`). */
export const ENTRY_ACTIONS = {
  edit: entryAction({
    summary: "Change an entry's words (an approved entry goes back to a draft)",
    permission: () => "record-governance",
    input: entryInput,
    run: (ctx, d, entry) => editYouSaidWeDid(ctx.services, { ...target(ctx, entry), ...d }, ctx.actor),
  }),
  approve: entryAction({
    summary: "Approve an entry for publication (who and when are recorded)",
    permission: () => "approve-governance",
    input: z.object({}),
    run: (ctx, _d, entry) => approveYouSaidWeDid(ctx.services, target(ctx, entry), ctx.actor),
  }),
  withdraw: entryAction({
    summary: "Withdraw an entry: it leaves the published list",
    permission: () => "approve-governance",
    input: z.object({}),
    run: (ctx, _d, entry) => withdrawYouSaidWeDid(ctx.services, target(ctx, entry), ctx.actor),
  }),
};
export type EntryActionName = keyof typeof ENTRY_ACTIONS;
