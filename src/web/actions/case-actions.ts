import { z } from "zod";
import { addIssue } from "../../app/add-issue.ts";
import { completeAction } from "../../app/complete-action.ts";
import { completeRemedy } from "../../app/complete-remedy.ts";
import { recordHazardMadeSafe } from "../../app/record-hazard-made-safe.ts";
import { recordOmbudsmanReferral } from "../../app/record-ombudsman-referral.ts";
import { recordSurveyAnswer } from "../../app/record-survey-answer.ts";
import { refuseComplaint } from "../../app/refuse-complaint.ts";
import { triageComplaint } from "../../app/triage-complaint.ts";
import type { ComplaintPage } from "../../app/view-complaint.ts";
import { handlePermission } from "../../domain/access/permissions.ts";
import { COMPLAINT_CATEGORIES } from "../../domain/complaint/categories.ts";
import { londonInstantAt } from "../../domain/complaint/hazard-clocks.ts";
import { channelSchema } from "../../domain/policy/schema.ts";
import {
  listInput,
  optionalDate,
  optionalText,
  requiredText,
  stageInput,
  str,
  yesNo,
  type FormValues,
  type Parsed,
} from "./action.ts";
import { base, complaintAction, currentStage, defined } from "./complaint-action.ts";

const byStage = (page: ComplaintPage) => handlePermission(currentStage(page));
const instant = z.iso.datetime({ offset: true, error: "Give the time as an ISO 8601 instant" });

/** A form's "time today" field (14:30) as an instant; empty means now. */
function timeField(values: FormValues, field: string, today: string): Parsed<string | undefined> {
  const time = str(values[field]);
  if (!time) return { ok: true, data: undefined };
  const at = londonInstantAt(today, time);
  return at ? { ok: true, data: at } : { ok: false, errors: { [field]: "Enter the time like 14:30" } };
}

/** The next free issue id: issues are numbered across both stages and the issues raised later. */
export function nextIssueId(page: ComplaintPage): string {
  let highest = 0;
  for (const e of page.complaint.events) {
    const ids =
      e.type === "defined" ? e.issues.map((i) => i.id) : e.type === "issue-added" ? [e.issue.id] : [];
    for (const id of ids) highest = Math.max(highest, Number.parseInt(id, 10) || 0);
  }
  return String(highest + 1);
}

/** Triage, refusal, new issues, hazards, remedies and actions followed through, the Ombudsman, the survey. */
export const CASE_ACTIONS = {
  triage: complaintAction({
    summary: "Triage: file the complaint under a category and flag a risk to health or safety",
    permission: () => "triage",
    input: z.object({
      category: z.enum(COMPLAINT_CATEGORIES, { error: "Choose what the complaint is about" }).optional(),
      hazard: z
        .object({
          severity: z.enum(["emergency", "significant"], { error: "Choose how serious the risk is" }),
          description: requiredText("Describe the risk to health or safety"),
          at: instant.optional(),
        })
        .optional(),
    }),
    fromForm: (values, page) => {
      const severity = str(values.hazardSeverity);
      const at = timeField(values, "hazardAt", page.today);
      if (!at.ok) return at;
      return {
        ok: true,
        data: {
          category: str(values.category) || undefined,
          hazard:
            severity && severity !== "none"
              ? defined({ severity, description: values.hazardDescription, at: at.data })
              : undefined,
        },
      };
    },
    run: (ctx, d) =>
      triageComplaint(
        ctx.services,
        {
          ...base(ctx),
          ...(d.category ? { category: d.category } : {}),
          ...(d.hazard
            ? { hazard: { ...d.hazard, at: d.hazard.at ?? ctx.services.clock().toISOString() } }
            : {}),
        },
        ctx.actor,
      ),
  }),
  refuse: complaintAction({
    summary: "Refuse to accept (Stage 1) or to escalate (Stage 2) on one of the policy's grounds",
    permission: () => "refuse",
    input: z.object({
      stage: stageInput,
      ground: requiredText("Choose the policy's ground for refusing"),
      reason: requiredText("Explain why, in words the resident will read (Code 2.4)"),
      discretionConsidered: optionalText,
    }),
    run: (ctx, d) => refuseComplaint(ctx.services, { ...base(ctx), ...defined(d) }, ctx.actor),
  }),
  "add-issue": complaintAction({
    summary: "Add a new issue: folded into the Stage 1 response, or logged as a new complaint (Code 6.8)",
    permission: byStage,
    input: z.object({
      summary: requiredText("Describe the new issue"),
      related: yesNo("Say whether the new issue is related to this complaint"),
      wouldDelayResponse: yesNo("Say whether including it would unreasonably delay the response"),
      outcomesSought: listInput().default([]),
      channel: z.enum(channelSchema.options).optional(),
    }),
    run: (ctx, d, page) =>
      addIssue(
        ctx.services,
        {
          ...base(ctx),
          issue: { id: nextIssueId(page), summary: d.summary },
          related: d.related,
          wouldDelayResponse: d.wouldDelayResponse,
          ...(d.outcomesSought.length ? { outcomesSought: d.outcomesSought } : {}),
          ...(d.channel ? { channel: d.channel } : {}),
        },
        ctx.actor,
      ),
  }),
  "hazard-made-safe": complaintAction({
    summary: "Record that every open hazard on the complaint was made safe",
    permission: byStage,
    input: z.object({ at: instant.optional() }),
    fromForm: (values, page) => {
      const at = timeField(values, "madeSafeAt", page.today);
      return at.ok ? { ok: true, data: defined({ at: at.data }) } : at;
    },
    run: (ctx, d) =>
      recordHazardMadeSafe(
        ctx.services,
        { ...base(ctx), at: d.at ?? ctx.services.clock().toISOString() },
        ctx.actor,
      ),
  }),
  "complete-remedy": complaintAction({
    summary: "Record that a remedy was delivered (followed through even after closure, Code 7.3)",
    permission: byStage,
    input: z.object({ remedyId: requiredText("Say which remedy was delivered") }),
    run: (ctx, d) => completeRemedy(ctx.services, { ...base(ctx), remedyId: d.remedyId }, ctx.actor),
  }),
  "complete-action": complaintAction({
    summary: "Record that a follow-up action was done (Code 6.6)",
    permission: byStage,
    input: z.object({ actionId: requiredText("Say which action was done") }),
    run: (ctx, d) => completeAction(ctx.services, { ...base(ctx), actionId: d.actionId }, ctx.actor),
  }),
  "refer-to-ombudsman": complaintAction({
    summary: "Record that the complaint was referred to the Housing Ombudsman",
    permission: () => "triage",
    input: z.object({
      ombudsmanReference: optionalText,
      /** When the Ombudsman told the landlord (often after the fact); today when not given. */
      referredOn: optionalDate("Enter the date as YYYY-MM-DD, like 2026-11-02"),
    }),
    run: (ctx, d) =>
      recordOmbudsmanReferral(
        ctx.services,
        {
          ...base(ctx),
          on: d.referredOn ?? ctx.on,
          ...(d.ombudsmanReference ? { ombudsmanReference: d.ombudsmanReference } : {}),
        },
        ctx.actor,
      ),
  }),
  "record-survey-answer": complaintAction({
    summary: "Record the resident's answer to the closing satisfaction survey",
    permission: () => "log-complaint",
    input: z.object({
      satisfaction: z.coerce
        .number({ error: "Choose how satisfied the resident is, from 1 to 5" })
        .int("Choose how satisfied the resident is, from 1 to 5")
        .min(1, "Choose how satisfied the resident is, from 1 to 5")
        .max(5, "Choose how satisfied the resident is, from 1 to 5"),
      comment: optionalText,
    }),
    run: (ctx, d) => recordSurveyAnswer(ctx.services, { ...base(ctx), ...defined(d) }, ctx.actor),
  }),
};
