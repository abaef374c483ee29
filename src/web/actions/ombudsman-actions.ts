import { z } from "zod";
import { addOmbudsmanOrder } from "../../app/add-ombudsman-order.ts";
import { recordOmbudsmanCase } from "../../app/record-ombudsman-case.ts";
import { recordOmbudsmanPublication } from "../../app/record-ombudsman-publication.ts";
import { recordOrderCompliance } from "../../app/record-order-compliance.ts";
import { OMBUDSMAN_FINDINGS } from "../../domain/governance/ombudsman.ts";
import {
  dateInput,
  optionalDate,
  optionalText,
  requiredText,
  str,
  type Action,
  type ActionContext,
  type FormValues,
} from "./action.ts";

const date = dateInput("Enter a real date, like 2026-12-18");

const findingInput = z.object({
  element: requiredText("Say which part of the complaint the finding is about"),
  finding: z.enum(OMBUDSMAN_FINDINGS, { error: "Choose the Ombudsman's finding" }),
  complaintHandling: z.boolean().default(false),
});

export const ombudsmanCaseInput = z.object({
  kind: z.enum(["determination", "complaint-handling-failure-order"], {
    error: "Say whether it is a determination or a Complaint Handling Failure Order",
  }),
  hosReference: requiredText("Enter the Housing Ombudsman's case reference"),
  complaintReference: optionalText,
  decidedOn: date,
  summary: optionalText,
  findings: z.array(findingInput).default([]),
});

/** Rows of the findings form: element1, finding1, handling1, ... (blank rows are left out). */
export const FINDING_ROWS = 4;
function findingsFromForm(values: FormValues) {
  const rows = [];
  for (let i = 1; i <= FINDING_ROWS; i += 1) {
    const element = str(values[`element${i}`]);
    const finding = str(values[`finding${i}`]);
    if (!element && !finding) continue;
    rows.push({ element, finding, complaintHandling: values[`handling${i}`] === "yes" });
  }
  return rows;
}

/** Recording a determination or a Complaint Handling Failure Order against the landlord. */
export const RECORD_OMBUDSMAN_CASE: Action<null, ActionContext, typeof ombudsmanCaseInput, { id: string }> = {
  summary:
    "Record a Housing Ombudsman determination (a finding per element) or a Complaint Handling Failure Order",
  permission: () => "record-governance",
  input: ombudsmanCaseInput,
  fromForm: (v) => ({ ok: true, data: { ...v, findings: findingsFromForm(v) } }),
  run: (ctx, d) => recordOmbudsmanCase(ctx.services, { organisationId: ctx.organisationId, ...d }, ctx.actor),
};

type CaseAction<S extends z.ZodType = z.ZodType> = Action<{ id: string }, ActionContext, S>;
const caseAction = <S extends z.ZodType>(a: CaseAction<S>): CaseAction<S> => a;

/** What can be added to a case, by the name in the form URLs (`POST /governance/ombudsman/{id}/{name}`). */
export const OMBUDSMAN_CASE_ACTIONS = {
  "add-order": caseAction({
    summary: "Add an order (with its date to comply by) or a recommendation",
    permission: () => "record-governance",
    input: z.object({
      kind: z.enum(["order", "recommendation"], { error: "Say whether it is an order or a recommendation" }),
      description: requiredText("Say what the Ombudsman ordered or recommended"),
      dueOn: optionalDate("Enter a real date, like 2027-01-29"),
    }),
    run: (ctx, d, c) =>
      addOmbudsmanOrder(ctx.services, { organisationId: ctx.organisationId, caseId: c.id, ...d }, ctx.actor),
  }),
  comply: caseAction({
    summary: "Record that an order or recommendation was complied with, and when",
    permission: () => "record-governance",
    input: z.object({
      orderId: z.uuid("Choose the order"),
      compliedOn: dateInput("Enter the date it was complied with, like 2027-01-29"),
      note: optionalText,
    }),
    run: (ctx, d, c) =>
      recordOrderCompliance(
        ctx.services,
        { organisationId: ctx.organisationId, caseId: c.id, ...d },
        ctx.actor,
      ),
  }),
};
export type OmbudsmanCaseActionName = keyof typeof OMBUDSMAN_CASE_ACTIONS;

export const publicationInput = z.object({
  kind: z.enum(["annual-letter", "report"], {
    error: "Say whether it is the annual letter or another report",
  }),
  title: requiredText("Enter its title"),
  publishedOn: dateInput("Enter the date it was published, like 2026-10-20"),
  summary: optionalText.transform((v) => v ?? null),
  link: optionalText
    .refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), "Enter a web address starting https://")
    .transform((v) => v ?? null),
});

/** Recording the Ombudsman's annual letter, or another report or publication about the landlord. */
export const RECORD_OMBUDSMAN_PUBLICATION: Action<
  null,
  ActionContext,
  typeof publicationInput,
  { id: string }
> = {
  summary: "Record the Ombudsman's annual letter or another report about the landlord (Code 8.1 e, f)",
  permission: () => "record-governance",
  input: publicationInput,
  run: (ctx, d) =>
    recordOmbudsmanPublication(ctx.services, { organisationId: ctx.organisationId, ...d }, ctx.actor),
};
