import { z } from "zod";

/**
 * The policy pack schema: one landlord's complaints policy as data.
 *
 * A pack encodes what its source document says. Where the document is silent or ambiguous the pack
 * falls back to the Code and records the reading it took in `assumptions`, so a reviewer can see every
 * place where Redress, not the landlord, chose. Every clause carries a `cite` pointing at the paragraph
 * (or heading) of the source document it comes from, with a short verbatim quote where one exists so
 * the citation can be checked mechanically against the document.
 */

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

export const citationSchema = z
  .object({
    /** Paragraph, section or heading of the source document, e.g. "7.3 table, Stage 1 row" or "6.2". */
    ref: z.string().min(1),
    /** Words copied from the source document (whitespace may differ). Absent for Code fallbacks. */
    quote: z.string().min(1).optional(),
  })
  .strict();
export type Citation = z.infer<typeof citationSchema>;

const cited = { cite: citationSchema };

export const channelSchema = z.enum([
  "phone",
  "email",
  "letter",
  "web-form",
  "online-portal",
  "in-person",
  "social-media",
  "text-message",
  "complaint-form",
]);
export type Channel = z.infer<typeof channelSchema>;

export const outcomeSchema = z.enum(["upheld", "partially-upheld", "not-upheld"]);
export type Outcome = z.infer<typeof outcomeSchema>;

export const remedyTypeSchema = z.enum([
  "apology",
  "acknowledge-failing",
  "explanation",
  "act-on-delay",
  "reconsider-decision",
  "amend-record",
  "financial",
  "change-policy-or-practice",
  "other",
]);
export type RemedyType = z.infer<typeof remedyTypeSchema>;

export const letterKindSchema = z.enum([
  "stage1-acknowledgement",
  "stage2-acknowledgement",
  "extension",
  "stage1-response",
  "stage2-response",
  "refusal",
  "closure-survey",
]);
export type LetterKind = z.infer<typeof letterKindSchema>;

/** What a target counts from. `logging` is when staff log the complaint; usually the day it is received. */
export const clockStartSchema = z.enum(["receipt", "logging", "acknowledgement", "escalation-request"]);
export type ClockStart = z.infer<typeof clockStartSchema>;

const workingDays = z.number().int().min(0).max(120);

export const stageSchema = z
  .object({
    number: z.number().int().min(1),
    /** The landlord's own name for the stage, e.g. "Independent review". */
    name: z.string().min(1),
    acknowledgement: z.object({ workingDays, from: clockStartSchema, ...cited }).strict(),
    response: z.object({ workingDays, from: clockStartSchema, ...cited }).strict(),
    extension: z
      .object({
        /** Most working days the landlord allows itself beyond the response target (all extensions together). */
        maxWorkingDays: workingDays,
        /** When the landlord says it may extend, e.g. "exceptional circumstances". */
        when: z.string().min(1),
        ...cited,
      })
      .strict(),
    handler: z
      .object({
        /** Who handles the stage, in the document's words. */
        role: z.string().min(1),
        /** True when the document rules out the person who handled the earlier stage (Code 6.13). */
        excludesEarlierHandler: z.boolean(),
        /** Panels and other arrangements, e.g. a tenant panel member sitting on Stage 2. */
        panel: z.string().min(1).optional(),
        ...cited,
      })
      .strict(),
  })
  .strict();
export type StagePolicy = z.infer<typeof stageSchema>;

export const ageLimitSchema = z
  .object({
    months: z.number().int().min(1).max(120),
    /** `issue`: from when the issue happened; `later-of-issue-and-awareness`: the Code's reading (2.3). */
    measuredFrom: z.enum(["issue", "later-of-issue-and-awareness"]),
    /** Whether the landlord keeps a discretion to accept older complaints (Code 2.3 asks it to). */
    discretion: z.boolean(),
    /** Matters the age limit never applies to, e.g. safeguarding and health and safety (BCHG). */
    exceptions: z.array(z.string().min(1)),
    ...cited,
  })
  .strict();

export const exclusionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "lower-case words joined by hyphens"),
    ground: z.string().min(1),
    /** Whether the ground may also be used to refuse escalation to Stage 2. */
    appliesTo: z.array(z.enum(["acceptance", "escalation"])).min(1),
    ageLimit: ageLimitSchema.optional(),
    ...cited,
  })
  .strict();
export type Exclusion = z.infer<typeof exclusionSchema>;

const cadenceSchema = z.enum(["monthly", "quarterly", "twice-yearly", "annual"]);

const hoursWindow = z
  .number()
  .int()
  .min(1)
  .max(24 * 30);

export const policyPackSchema = z
  .object({
    schemaVersion: z.literal(1),
    id: z.string().regex(/^[a-z0-9-]+$/, "lower-case words joined by hyphens"),
    /** Version of this pack; complaints pin the version they were logged under. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/, "a version such as 1.0.0"),
    title: z.string().min(1),
    landlord: z.string().min(1),
    source: z
      .object({
        /** File name of the source document in policies/sources/, or "code-2024" for the Code itself. */
        document: z.string().min(1),
        title: z.string().min(1),
        reviewed: localDate.optional(),
      })
      .strict(),
    effectiveFrom: localDate,
    /** The complaint definition the landlord uses (the Code's wording is 1.2). */
    definition: z.object({ text: z.string().min(1), ...cited }).strict(),
    channels: z.object({ values: z.array(channelSchema).min(1), ...cited }).strict(),
    representatives: z
      .object({
        allowed: z.boolean(),
        /** How authority is shown, in the document's words (e.g. "in writing"). */
        authority: z.string().min(1),
        ...cited,
      })
      .strict(),
    /** Handling before a complaint is logged (quick fix, service recovery). Never a stage. */
    earlyResolution: z
      .object({
        name: z.string().min(1),
        /** Working days allowed; 0 means "there and then". */
        windowWorkingDays: workingDays,
        ...cited,
      })
      .strict()
      .nullable(),
    /** Feedback and service-request targets that sit outside the complaint stages. */
    otherContactTargets: z
      .array(
        z
          .object({
            kind: z.enum(["service-request", "feedback", "compliment"]),
            workingDays,
            description: z.string().min(1),
            ...cited,
          })
          .strict(),
      )
      .default([]),
    riskFilter: z
      .object({
        description: z.string().min(1),
        windowHours: hoursWindow,
        responsibility: z.string().min(1),
        ...cited,
      })
      .strict()
      .nullable(),
    stages: z.array(stageSchema).min(1),
    escalation: z
      .object({
        /** The landlord's window for asking for Stage 2; null when it sets none. */
        window: z
          .object({ days: z.number().int().min(1), unit: z.enum(["working-days", "calendar-days"]) })
          .strict()
          .nullable(),
        /** Whether a late request is still considered on its merits. */
        discretion: z.boolean(),
        /** True when the resident must give (or fit) grounds to escalate (Code 6.12 forbids it). */
        groundsRequired: z.boolean(),
        grounds: z.array(z.string().min(1)).default([]),
        ...cited,
      })
      .strict(),
    exclusions: z.array(exclusionSchema),
    outcomes: z.object({ values: z.array(outcomeSchema).min(1), ...cited }).strict(),
    remedies: z.object({ types: z.array(remedyTypeSchema).min(1), ...cited }).strict(),
    letters: z.array(
      z
        .object({
          kind: letterKindSchema,
          /** What the document says the letter must contain, in its words. */
          mustContain: z.array(z.string().min(1)).min(1),
          ...cited,
        })
        .strict(),
    ),
    survey: z
      .object({ afterClosure: z.boolean(), description: z.string().min(1), ...cited })
      .strict()
      .nullable(),
    reporting: z.array(
      z
        .object({
          audience: z.string().min(1),
          cadence: cadenceSchema,
          what: z.string().min(1),
          ...cited,
        })
        .strict(),
    ),
    signposting: z
      .array(
        z
          .object({
            body: z.enum([
              "housing-ombudsman",
              "local-government-and-social-care-ombudsman",
              "care-quality-commission",
              "building-safety-regulator",
            ]),
            when: z.string().min(1),
            contact: z.string().min(1),
            ...cited,
          })
          .strict(),
      )
      .min(1),
    /** Readings the pack took where its document is silent or ambiguous. */
    assumptions: z.array(z.object({ about: z.string().min(1), reading: z.string().min(1) }).strict()),
  })
  .strict();

export type PolicyPack = z.infer<typeof policyPackSchema>;
