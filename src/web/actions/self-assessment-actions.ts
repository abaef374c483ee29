import { z } from "zod";
import { approveSelfAssessment } from "../../app/approve-self-assessment.ts";
import { issueAnnualReport } from "../../app/issue-annual-report.ts";
import { recordGoverningBodyResponse } from "../../app/record-governing-body-response.ts";
import { saveSelfAssessmentSection } from "../../app/save-self-assessment-section.ts";
import {
  dateInput,
  fieldOf,
  optionalDate,
  requiredText,
  str,
  type Action,
  type ActionContext,
} from "./action.ts";

/** A year's self-assessment section: the form lists its rows. */
export interface SectionTarget {
  year: number;
  section: number;
  rowIds: readonly string[];
}

const answerInput = z.object({
  comply: z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.enum(["yes", "no"], { error: "Choose yes or no" }).nullable(),
  ),
  evidence: z.string().trim().default(""),
  commentary: z.string().trim().default(""),
  actions: z.string().trim().default(""),
  complianceBy: optionalDate("Enter a real date, like 2027-03-31").transform((v) => v ?? null),
  meetsIntentOtherwise: z.boolean().default(false),
});

export const sectionInput = z.object({
  /** The version the form was filled in from (0 before the first save). */
  basedOnVersion: z.coerce.number().int().min(0),
  answers: z.record(z.string(), answerInput),
});

/**
 * The form field of a row's part: `answers.6.2.evidence` is `answers6.2Evidence` (the input's path in camelCase,
 * as every form names its fields). A domain rule's field is mapped the same way.
 */
export function assessmentField(domainField: string | undefined): string {
  const [, id, part] = /^answers\.(.+)\.([a-zA-Z]+)$/.exec(domainField ?? "") ?? [];
  return id && part ? fieldOf(["answers", id, part]) : (domainField ?? "form");
}

/** Saving one section of a year's self-assessment as a new version. */
export const SAVE_ASSESSMENT_SECTION: Action<
  SectionTarget,
  ActionContext,
  typeof sectionInput,
  { version: number }
> = {
  summary: "Save a section of the year's Code self-assessment as a new version",
  permission: () => "record-governance",
  input: sectionInput,
  fromForm: (v, target) => {
    const answers: Record<string, unknown> = {};
    for (const id of target.rowIds) {
      const field = (part: string) => v[fieldOf(["answers", id, part])];
      answers[id] = {
        comply: str(field("comply")),
        evidence: str(field("evidence")),
        commentary: str(field("commentary")),
        actions: str(field("actions")),
        complianceBy: str(field("complianceBy")),
        meetsIntentOtherwise: field("meetsIntentOtherwise") === "yes",
      };
    }
    return { ok: true, data: { basedOnVersion: v.basedOnVersion, answers } };
  },
  run: (ctx, d, target) =>
    saveSelfAssessmentSection(
      ctx.services,
      { organisationId: ctx.organisationId, year: target.year, section: target.section, ...d },
      ctx.actor,
    ),
};

const approvalInput = z.object({
  version: z.coerce.number().int().min(1),
  approvedOn: dateInput("Enter the date the governing body approved it, like 2027-03-20"),
  body: requiredText("Say which governing body approved it, like the Board"),
});

/** Recording the governing body's approval of the latest version. */
export const APPROVE_ASSESSMENT: Action<{ year: number }, ActionContext, typeof approvalInput> = {
  summary: "Record that the governing body approved the latest version of the self-assessment",
  permission: () => "approve-governance",
  input: approvalInput,
  run: (ctx, d, t) =>
    approveSelfAssessment(
      ctx.services,
      { organisationId: ctx.organisationId, year: t.year, ...d },
      ctx.actor,
    ),
};

/** Issuing the year's annual report to the governing body as a new version. */
export const ISSUE_ANNUAL_REPORT: Action<{ year: number }, ActionContext, z.ZodObject, { version: number }> =
  {
    summary:
      "Issue the year's annual complaints performance and service improvement report to the governing body",
    permission: () => "approve-governance",
    input: z.object({}),
    run: (ctx, _d, t) =>
      issueAnnualReport(ctx.services, { organisationId: ctx.organisationId, year: t.year }, ctx.actor),
  };

const responseInput = z.object({
  response: requiredText("Enter the governing body's response, as it gave it"),
  body: requiredText("Say which governing body responded, like the Board"),
  givenOn: dateInput("Enter the date it was given, like 2027-05-20"),
});

/** Recording the governing body's response to an issued version (Code 8.2). */
export const RECORD_GOVERNING_BODY_RESPONSE: Action<
  { year: number; version: number },
  ActionContext,
  typeof responseInput
> = {
  summary: "Record the governing body's response to a version of the annual report, and when it was given",
  permission: () => "approve-governance",
  input: responseInput,
  run: (ctx, d, t) =>
    recordGoverningBodyResponse(ctx.services, { organisationId: ctx.organisationId, ...t, ...d }, ctx.actor),
};
