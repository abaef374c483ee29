import { z } from "zod";
import { isLocalDate } from "../calendar/day-number.ts";
import { channelSchema, outcomeSchema, remedyTypeSchema } from "../policy/schema.ts";

/**
 * What happened on a complaint. Events are facts: the fold (state.ts) accepts any sequence a history
 * could hold and the checks (findings.ts) say what was wrong with it; the commands (decide-*.ts) are
 * where rules are enforced before a new fact is recorded.
 *
 * Every event has `on`, the London calendar date it happened. Events that run a clock in hours (hazards)
 * also carry `at`, an ISO 8601 instant.
 */

export const localDateSchema = z.string().refine(isLocalDate, "a real date written as YYYY-MM-DD");
const instantSchema = z.iso.datetime({ offset: true });
const stageSchema = z.union([z.literal(1), z.literal(2)]);
const text = z.string().trim().min(1);

export const issueSchema = z.object({ id: text, summary: text }).strict();
export type Issue = z.infer<typeof issueSchema>;

export const findingSchema = z
  .object({ issueId: text, decision: z.enum(["upheld", "not-upheld"]), reason: text })
  .strict();
export type IssueFinding = z.infer<typeof findingSchema>;

export const remedySchema = z
  .object({
    id: text,
    type: remedyTypeSchema,
    description: text,
    dueOn: localDateSchema.optional(),
    /** Compensation in pence, for financial remedies. */
    amountPence: z.number().int().min(0).optional(),
  })
  .strict();
export type Remedy = z.infer<typeof remedySchema>;

export const actionSchema = z
  .object({ id: text, description: text, owner: text, dueOn: localDateSchema })
  .strict();
export type FollowUpAction = z.infer<typeof actionSchema>;

const base = { on: localDateSchema };

export const complaintEventSchema = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("received"),
      ...base,
      /** When staff logged it, if later than receipt (Brighter Places counts Stage 1 from logging). */
      loggedOn: localDateSchema.optional(),
      channel: channelSchema.optional(),
      raisedBy: z.enum(["resident", "representative"]).optional(),
      /** When the issue happened and when the resident became aware of it (Code 2.3). */
      issueOn: localDateSchema.optional(),
      awareOn: localDateSchema.optional(),
      description: text.optional(),
      /** The policy pack version the complaint is measured against, pinned when it is received. */
      policy: z.object({ id: text, version: text }).strict().optional(),
      /** The calendar its dates were first computed with (see WorkingCalendar.id). */
      calendar: text.optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal("hazard-flagged"),
      ...base,
      at: instantSchema,
      severity: z.enum(["emergency", "significant"]),
      description: text,
    })
    .strict(),
  z.object({ type: z.literal("hazard-made-safe"), ...base, at: instantSchema }).strict(),
  z
    .object({
      type: z.literal("defined"),
      ...base,
      stage: stageSchema,
      issues: z.array(issueSchema).min(1),
      outcomesSought: z.array(text).min(1),
    })
    .strict(),
  z.object({ type: z.literal("handler-assigned"), ...base, stage: stageSchema, handler: text }).strict(),
  z.object({ type: z.literal("acknowledged"), ...base, stage: stageSchema }).strict(),
  z
    .object({
      type: z.literal("extended"),
      ...base,
      stage: stageSchema,
      workingDays: z.number().int().min(1).max(120),
      reason: text,
      /** Why an extension beyond the Code's cap is justified (Code 6.4 / 6.15 "without good reason"). */
      goodReason: text.optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal("issue-added"),
      ...base,
      issue: issueSchema,
      disposition: z.enum(["folded-in", "new-complaint"]),
      /** The reference of the new complaint the issue was logged as. */
      newComplaint: text.optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal("responded"),
      ...base,
      stage: stageSchema,
      findings: z.array(findingSchema).optional(),
      outcome: outcomeSchema.optional(),
      remedies: z.array(remedySchema).optional(),
      actions: z.array(actionSchema).optional(),
      learning: z.array(text).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal("escalation-requested"),
      ...base,
      /** Optional: the resident never has to give a reason (Code 6.12). */
      whatIsStillWrong: text.optional(),
    })
    .strict(),
  z.object({ type: z.literal("late-escalation-accepted"), ...base, reason: text }).strict(),
  z
    .object({
      type: z.literal("refused"),
      ...base,
      stage: stageSchema,
      ground: text,
      reason: text,
      /** For refusals on age: the recorded decision not to use discretion (Code 2.3). */
      discretionConsidered: text.optional(),
    })
    .strict(),
  z.object({ type: z.literal("withdrawn"), ...base, reason: text.optional() }).strict(),
  z.object({ type: z.literal("remedy-completed"), ...base, remedyId: text }).strict(),
  z.object({ type: z.literal("action-completed"), ...base, actionId: text }).strict(),
  z.object({ type: z.literal("closed"), ...base }).strict(),
  z.object({ type: z.literal("ombudsman-referred"), ...base, reference: text.optional() }).strict(),
  z
    .object({
      type: z.literal("survey-answered"),
      ...base,
      satisfaction: z.number().int().min(1).max(5),
      comment: text.optional(),
    })
    .strict(),
]);

export type ComplaintEvent = z.infer<typeof complaintEventSchema>;
export type ComplaintEventType = ComplaintEvent["type"];
export type EventOf<T extends ComplaintEventType> = Extract<ComplaintEvent, { type: T }>;
