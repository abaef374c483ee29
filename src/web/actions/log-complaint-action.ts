import { z } from "zod";
import { logComplaint, type LogComplaintInput } from "../../app/log-complaint.ts";
import type { CommandResult } from "../../app/run-complaint-command.ts";
import { COMPLAINT_CATEGORIES } from "../../domain/complaint/categories.ts";
import { channelSchema } from "../../domain/policy/schema.ts";
import {
  dateInput,
  optionalDate,
  requiredText,
  type Action,
  type ActionContext,
  type FormValues,
} from "./action.ts";
import { defined } from "./complaint-action.ts";
import { definitionFromForm, definitionInput, definitionRecord } from "./definition-input.ts";
import {
  representativeFromForm,
  representativeInput,
  representativeRecord,
  residentFromForm,
  residentInput,
  residentRecord,
} from "./party-inputs.ts";

export const hazardInput = z.object({
  severity: z.enum(["emergency", "significant"], { error: "Choose how serious the risk is" }),
  description: requiredText("Describe the risk to health or safety"),
  /** When it was reported (ISO 8601); now when not given. */
  at: z.iso.datetime({ offset: true, error: "Give the time as an ISO 8601 instant" }).optional(),
});

export const logComplaintInput = z.object({
  receivedOn: dateInput("Enter the date the complaint was received, like 2026-11-02"),
  channel: z.enum(channelSchema.options, { error: "Choose how the complaint was made" }),
  category: z.enum(COMPLAINT_CATEGORIES, { error: "Choose what the complaint is about" }),
  description: requiredText("Enter what the resident is unhappy about, in their words"),
  issueOn: optionalDate("Enter a real date for when it happened, like 2026-10-01"),
  awareOn: optionalDate("Enter a real date for when they became aware, like 2026-10-05"),
  resident: residentInput,
  /** The stock the home is in, for TSM CH01: low cost rental, or low cost home ownership (shared ownership). */
  tenure: z
    .enum(["lcra", "lcho"], { error: "Choose whether the home is rented or shared ownership" })
    .optional(),
  representative: representativeInput.optional(),
  /** The complaint definition, if known now; it is needed before acknowledging (Code 5.6). */
  definition: definitionInput.optional(),
  /** A risk to health or safety found at intake: it opens its own clock in hours. */
  hazard: hazardInput.optional(),
});
export type LogComplaintRequest = z.output<typeof logComplaintInput>;

/** The staff form's flat fields, shaped as the API's request. */
function fromForm(v: FormValues) {
  return {
    ok: true as const,
    data: {
      receivedOn: v.receivedOn,
      channel: v.channel,
      category: v.category,
      description: v.description,
      issueOn: v.issueOn,
      awareOn: v.awareOn,
      resident: residentFromForm(v),
      tenure: v.tenure || undefined,
      representative: representativeFromForm(v),
      definition: definitionFromForm(v),
      hazard:
        v.hazardSeverity === "emergency" || v.hazardSeverity === "significant"
          ? { severity: v.hazardSeverity, description: v.hazardDescription }
          : undefined,
    },
  };
}

/** The use case's input for a valid request: parties as recorded, the definition numbered, the hazard timed. */
export function logComplaintInputOf(ctx: ActionContext, d: LogComplaintRequest): LogComplaintInput {
  const { resident, representative, definition, hazard, ...rest } = d;
  return {
    organisationId: ctx.organisationId,
    ...defined(rest),
    // Logged today for something received earlier: Brighter Places counts Stage 1 from logging.
    ...(rest.receivedOn < ctx.on ? { loggedOn: ctx.on } : {}),
    resident: residentRecord(resident, ctx.on),
    ...(representative ? { representative: representativeRecord(representative) } : {}),
    ...(definition ? { definition: definitionRecord(definition) } : {}),
    ...(hazard ? { hazard: { ...hazard, at: hazard.at ?? ctx.services.clock().toISOString() } } : {}),
  };
}

/** Logging a complaint at Stage 1, from any channel, for the resident or through a representative. */
export const LOG_COMPLAINT: Action<null, ActionContext, typeof logComplaintInput, CommandResult> = {
  summary: "Log a complaint at Stage 1, from any channel (returns its reference and clocks)",
  // Residents may complain to anyone (Code 3.2): every member of staff can log one.
  permission: () => "log-complaint",
  input: logComplaintInput,
  fromForm,
  run: (ctx, d) => logComplaint(ctx.services, logComplaintInputOf(ctx, d), ctx.actor),
};
