import { z } from "zod";
import { COMPLAINT_CATEGORIES } from "../../domain/complaint/categories.ts";
import { complaintEventSchema } from "../../domain/complaint/events.ts";
import type { ComplaintStatus } from "../../domain/complaint/state.ts";
import { dateInput, stageInput } from "../actions/action.ts";
import { CONTACT_KINDS } from "../actions/contact-actions.ts";

/**
 * The API's own schemas: paths, list queries and responses. Request bodies are not here: they are the
 * actions' `input` schemas (src/web/actions), the same ones the staff forms are validated with.
 */

export const COMPLAINT_STATUSES = [
  "awaiting-acknowledgement",
  "investigating",
  "responded",
  "escalation-requested",
  "closed",
  "refused",
  "withdrawn",
] as const satisfies readonly ComplaintStatus[];

export const CONTACT_STATUSES = ["open", "early-resolution", "resolved-early", "closed"] as const;

export const referenceParams = z.object({
  reference: z
    .string()
    .min(1)
    .max(100)
    .meta({ description: "The complaint's reference, e.g. BCHG-2026-000123" }),
});
export const contactParams = z.object({
  id: z.string().min(1).max(100).meta({ description: "The contact's id (a UUID)" }),
});

const pagination = {
  limit: z.coerce
    .number({ error: "Give limit as a whole number from 1 to 200" })
    .int("Give limit as a whole number from 1 to 200")
    .min(1, "Give limit as a whole number from 1 to 200")
    .max(200, "Give limit as a whole number from 1 to 200")
    .default(50),
  offset: z.coerce
    .number({ error: "Give offset as a whole number, 0 or more" })
    .int("Give offset as a whole number, 0 or more")
    .min(0, "Give offset as a whole number, 0 or more")
    .default(0),
};

export const complaintListQuery = z
  .object({
    status: z
      .enum([...COMPLAINT_STATUSES, "running"], { error: "Choose a status, or running" })
      .optional()
      .meta({ description: "A status, or running: every complaint not closed, refused or withdrawn" }),
    stage: stageInput.optional(),
    category: z.enum(COMPLAINT_CATEGORIES, { error: "Choose a category" }).optional(),
    receivedFrom: dateInput("Give receivedFrom as a date, like 2026-11-01").optional(),
    receivedTo: dateInput("Give receivedTo as a date, like 2026-11-30").optional(),
    handler: z
      .string()
      .trim()
      .min(1)
      .optional()
      .meta({ description: "The name or email of the person handling the current stage" }),
    filter: z
      .enum(["overdue", "due-soon", "extended", "stage2", "hazard"], {
        error: "Choose overdue, due-soon, extended, stage2 or hazard",
      })
      .optional()
      .meta({
        description:
          "As on the caseload: overdue (next date passed), due-soon (within 3 working days), extended, stage2, hazard",
      }),
    ...pagination,
  })
  .strict();

export const contactListQuery = z
  .object({
    kind: z.enum(CONTACT_KINDS, { error: "Choose a kind of contact" }).optional(),
    status: z
      .enum([...CONTACT_STATUSES, "not-closed"], { error: "Choose a status, or not-closed" })
      .optional(),
    ...pagination,
  })
  .strict();

/** Every error: `{ "error": { status, code, message, field?, fields? } }`. */
export const errorResponse = z.object({
  error: z.object({
    status: z.number().int(),
    code: z.string().meta({
      description:
        "INVALID_REQUEST, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONCURRENT_CHANGE, RATE_LIMITED, INTERNAL_ERROR, or (422) the domain rule's own code",
    }),
    message: z.string(),
    field: z.string().optional().meta({ description: "422: the input a broken rule is about" }),
    fields: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: "400: what is wrong, by the JSON path of each input (e.g. resident.name)" }),
  }),
});

const clockState = z.enum(["open", "met", "late", "overdue", "stopped"]);
const clock = z.object({
  due: z.string(),
  codeLimit: z.string().nullable(),
  metOn: z.string().nullable(),
  state: clockState,
  codeState: clockState.nullable(),
  explanation: z.object({ due: z.string(), codeLimit: z.string().nullable() }),
});

const hazardClock = z.object({
  severity: z.enum(["emergency", "significant"]),
  flaggedAt: z.string(),
  due: z.string(),
  codeLimit: z.string(),
  metAt: z.string().nullable(),
  state: z.enum(["open", "met", "late", "overdue"]),
  explanation: z.string(),
});

const finding = z.object({
  severity: z.enum(["error", "warning", "info"]),
  code: z.string(),
  rule: z.string(),
  message: z.string(),
});

/** A complaint as `GET /complaints/{reference}` returns it: the clocks are `redress simulate`'s. */
export const complaintResponse = z.looseObject({
  reference: z.string(),
  externalRef: z.string().nullable(),
  category: z.string().nullable(),
  channel: z.string().nullable(),
  receivedOn: z.string(),
  policy: z.string(),
  policyVersion: z.string(),
  calendar: z.string(),
  stage: z.number().nullable(),
  status: z.string(),
  today: z.string().meta({ description: "The London date the clocks were judged against" }),
  clocks: z.record(z.string(), clock).meta({ description: "Every clock, as redress simulate gives it" }),
  hazards: z.array(hazardClock),
  findings: z.array(finding),
  resident: z.looseObject({ name: z.string() }).nullable(),
  representative: z.looseObject({ name: z.string() }).nullable(),
  timeline: z.array(
    z.object({
      seq: z.number().int(),
      recordedAt: z.string(),
      recordedBy: z.string().nullable(),
      event: complaintEventSchema,
    }),
  ),
});

const listPage = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });

export const complaintListResponse = listPage(
  z.looseObject({
    reference: z.string(),
    stage: z.number(),
    status: z.string(),
    receivedOn: z.string(),
    nextDue: z.string().nullable(),
    nextCodeLimit: z.string().nullable(),
    overdue: z.boolean(),
  }),
);

export const contactResponse = z.looseObject({
  id: z.string(),
  kind: z.enum(CONTACT_KINDS),
  channel: z.string(),
  summary: z.string(),
  loggedOn: z.string(),
  status: z.string(),
  complaintRefs: z.array(z.string()),
  resident: z.looseObject({ name: z.string() }).nullable(),
  events: z.array(z.looseObject({ type: z.string(), on: z.string() })),
});

export const contactListResponse = listPage(
  z.looseObject({ id: z.string(), kind: z.string(), status: z.string(), loggedOn: z.string() }),
);

/** The error responses every route may give, documented once. */
export const ERROR_RESPONSES = {
  400: errorResponse.describe("The request is not valid: `fields` says what is wrong with each input"),
  401: errorResponse.describe("No token, or a token that is unknown or revoked"),
  403: errorResponse.describe("The token's role does not allow this"),
  404: errorResponse.describe("No such complaint or contact in the token's organisation"),
  429: errorResponse.describe("Too many requests with this token: wait and try again"),
} as const;

export const CHANGE_RESPONSES = {
  ...ERROR_RESPONSES,
  409: errorResponse.describe("Someone else changed it at the same moment: nothing was saved"),
  422: errorResponse.describe("A rule of the complaints process would be broken: `code` says which"),
} as const;
