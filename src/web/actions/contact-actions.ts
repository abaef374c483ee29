import { z } from "zod";
import { logContact } from "../../app/log-contact.ts";
import { raiseComplaintFromContact } from "../../app/raise-complaint-from-contact.ts";
import { updateContact, type ContactResult, type ContactUpdate } from "../../app/update-contact.ts";
import { COMPLAINT_CATEGORIES } from "../../domain/complaint/categories.ts";
import { channelSchema } from "../../domain/policy/schema.ts";
import type { ContactRow } from "../../store/contacts.ts";
import {
  optionalDate,
  optionalText,
  requiredText,
  yesNo,
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

export const CONTACT_KINDS = ["service-request", "complaint", "feedback", "compliment"] as const;

/** An action on one contact: it runs with the contact's id and sees the contact as stored. */
export interface ContactActionContext extends ActionContext {
  contactId: string;
}

export type ContactAction<S extends z.ZodType = z.ZodType> = Action<ContactRow, ContactActionContext, S>;
const contactAction = <S extends z.ZodType>(a: ContactAction<S>): ContactAction<S> => a;

export const logContactInput = z.object({
  kind: z.enum(CONTACT_KINDS, { error: "Choose what kind of contact this is" }),
  channel: z.enum(channelSchema.options, { error: "Choose how the resident made contact" }),
  summary: requiredText("Enter what the resident said or asked for"),
  /** Whether the resident expressed dissatisfaction: if so, they must be offered the chance to complain (Code 1.3). */
  dissatisfactionExpressed: yesNo("Say whether the resident expressed dissatisfaction"),
  /** Dissatisfaction given in a survey is not a complaint in itself (Code 1.6). */
  fromSurvey: yesNo("Say whether this came from a survey").optional(),
  /** Who made contact; a contact may be anonymous. */
  resident: residentInput.optional(),
});

/**
 * Whether the form gives any of the resident's details. Then the resident is read (and needs a name), so an
 * email or phone typed without a name is asked about, never silently dropped.
 */
function residentTyped(v: FormValues): boolean {
  return ["residentName", "residentEmail", "residentPhone", "residentAddress", "residentPostcode"].some(
    (field) => typeof v[field] === "string" && v[field].trim() !== "",
  );
}

/** Logging any contact: a service request, feedback, a compliment, or a complaint before it is logged (Code 1.4). */
export const LOG_CONTACT: Action<null, ActionContext, typeof logContactInput, ContactResult> = {
  summary:
    "Log a contact: service request, feedback, compliment or complaint (Code 1.4: every one is recorded)",
  permission: () => "log-complaint",
  input: logContactInput,
  fromForm: (v) => ({
    ok: true,
    data: {
      ...v,
      resident: residentTyped(v) ? residentFromForm(v) : undefined,
    },
  }),
  run: (ctx, d) => {
    const { resident, fromSurvey, ...fields } = d;
    return logContact(
      ctx.services,
      {
        organisationId: ctx.organisationId,
        on: ctx.on,
        ...fields,
        ...(fromSurvey ? { fromSurvey } : {}),
        ...(resident ? { resident: residentRecord(resident, ctx.on) } : {}),
      },
      ctx.actor,
    );
  },
};

const update = (ctx: ContactActionContext, command: ContactUpdate) =>
  updateContact(
    ctx.services,
    { organisationId: ctx.organisationId, contactId: ctx.contactId, command },
    ctx.actor,
  );

const raiseInput = z.object({
  category: z.enum(COMPLAINT_CATEGORIES, { error: "Choose what the complaint is about" }),
  /** What the complaint is about; the contact's summary when not given. */
  description: optionalText,
  issueOn: optionalDate("Enter a real date for when it happened, like 2026-10-01"),
  awareOn: optionalDate("Enter a real date for when they became aware, like 2026-10-05"),
  definition: definitionInput.optional(),
  /** Needed only when the contact does not say who the resident is. */
  resident: residentInput.optional(),
  representative: representativeInput.optional(),
});

function raiseFromForm(v: FormValues) {
  return {
    ok: true as const,
    data: {
      ...v,
      definition: definitionFromForm(v),
      resident: residentTyped(v) ? residentFromForm(v) : undefined,
      representative: representativeFromForm(v),
    },
  };
}

/** What staff do on a contact after logging it. */
export const CONTACT_ACTIONS = {
  "record-offer-to-complain": contactAction({
    summary: "Record that the resident was offered the chance to complain, and what they chose (Code 1.3)",
    permission: () => "log-complaint",
    input: z.object({
      residentChose: z.enum(["complain", "not-now", "early-resolution"], {
        error: "Choose what the resident chose",
      }),
    }),
    run: (ctx, d) =>
      update(ctx, { type: "record-offer-to-complain", on: ctx.on, residentChose: d.residentChose }),
  }),
  "start-early-resolution": contactAction({
    summary: "Start early resolution (a quick fix before any complaint; never a stage, Code 5.2)",
    permission: () => "log-complaint",
    input: z.object({}),
    run: (ctx) => update(ctx, { type: "start-early-resolution", on: ctx.on }),
  }),
  "resolve-early": contactAction({
    summary: "Record that the matter was resolved early, and how",
    permission: () => "log-complaint",
    input: z.object({ howResolved: requiredText("Say how it was resolved") }),
    run: (ctx, d) => update(ctx, { type: "resolve-early", on: ctx.on, howResolved: d.howResolved }),
  }),
  "raise-complaint": contactAction({
    summary: "Log a Stage 1 complaint from this contact; a service request stays open (Code 1.5)",
    permission: () => "log-complaint",
    input: raiseInput,
    fromForm: raiseFromForm,
    run: (ctx, d) => {
      const { resident, representative, definition, ...rest } = d;
      return raiseComplaintFromContact(
        ctx.services,
        {
          organisationId: ctx.organisationId,
          contactId: ctx.contactId,
          on: ctx.on,
          ...defined(rest),
          ...(resident ? { resident: residentRecord(resident, ctx.on) } : {}),
          ...(representative ? { representative: representativeRecord(representative) } : {}),
          ...(definition ? { definition: definitionRecord(definition) } : {}),
        },
        ctx.actor,
      );
    },
  }),
  "close-contact": contactAction({
    summary: "Close the contact (the offer to complain must be recorded where dissatisfaction was expressed)",
    permission: () => "log-complaint",
    input: z.object({}),
    run: (ctx) => update(ctx, { type: "close-contact", on: ctx.on }),
  }),
};
