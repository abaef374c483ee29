import { z } from "zod";
import { defineComplaint } from "../../app/define-complaint.ts";
import { respondToComplaint } from "../../app/respond-to-complaint.ts";
import type { ComplaintPage } from "../../app/view-complaint.ts";
import { handlePermission } from "../../domain/access/permissions.ts";
import { localDateSchema } from "../../domain/complaint/events.ts";
import { outcomeOf } from "../../domain/complaint/index.ts";
import { remedyTypeSchema } from "../../domain/policy/schema.ts";
import { listInput, lines, requiredText, stageInput, str, type FormValues, type Parsed } from "./action.ts";
import { base, complaintAction, currentStage } from "./complaint-action.ts";
import { definitionInput, definitionRecord } from "./definition-input.ts";

/** How many remedy and follow-up action rows the response form offers (it works without JavaScript). */
export const REMEDY_ROWS = 3;
export const ACTION_ROWS = 2;

/** The issues of the complaint's current stage, as the case page shows them. */
export function currentIssues(page: ComplaintPage): { id: string; summary: string }[] {
  const stage = currentStage(page);
  const defined = page.complaint.events.filter((e) => e.type === "defined" && e.stage <= stage);
  const last = defined.at(-1);
  return last && last.type === "defined" ? last.issues : [];
}

const responseInput = z.object({
  stage: stageInput,
  findings: z.array(
    z.object({
      issueId: requiredText("Say which issue the finding is about"),
      decision: z.enum(["upheld", "not-upheld"], { error: "Choose upheld or not upheld" }),
      reason: requiredText("Give the reason for the finding"),
    }),
  ),
  remedies: z
    .array(
      z.object({
        type: remedyTypeSchema,
        description: requiredText("Say what will be done to put things right"),
        amountPence: z.number().int().min(0).optional(),
        dueOn: localDateSchema.optional(),
      }),
    )
    .default([]),
  actions: z
    .array(
      z.object({
        description: requiredText("Say what the action is"),
        owner: requiredText("Enter who will do this action"),
        dueOn: localDateSchema,
      }),
    )
    .default([]),
  learning: listInput().default([]),
});

/** The response form: a finding and reason per issue, a few remedy and action rows, learning lines. */
function responseFromForm(values: FormValues, page: ComplaintPage): Parsed<z.input<typeof responseInput>> {
  const errors: Record<string, string> = {};
  const findings = [];
  for (const issue of currentIssues(page)) {
    const decision = str(values[`finding-${issue.id}`]);
    const reason = str(values[`reason-${issue.id}`]);
    if (decision !== "upheld" && decision !== "not-upheld")
      errors[`finding-${issue.id}`] = `Choose a finding for “${issue.summary}”`;
    if (!reason) errors[`reason-${issue.id}`] = `Give the reason for the finding on “${issue.summary}”`;
    findings.push({ issueId: issue.id, decision: decision as "upheld", reason });
  }
  const remedies = [];
  for (let n = 1; n <= REMEDY_ROWS; n++) {
    const description = str(values[`remedy${n}-description`]);
    if (!description) continue;
    const type = remedyTypeSchema.safeParse(str(values[`remedy${n}-type`]));
    if (!type.success) errors[`remedy${n}-type`] = "Choose the kind of remedy";
    const pounds = str(values[`remedy${n}-amount`]);
    const amountPence = pounds ? Math.round(Number(pounds) * 100) : undefined;
    if (amountPence !== undefined && !(Number.isFinite(amountPence) && amountPence >= 0))
      errors[`remedy${n}-amount`] = "Enter the amount in pounds, like 150 or 75.50";
    remedies.push({
      type: type.data ?? "other",
      description,
      ...(amountPence !== undefined ? { amountPence } : {}),
    });
  }
  const actions = [];
  for (let n = 1; n <= ACTION_ROWS; n++) {
    const description = str(values[`action${n}-description`]);
    if (!description) continue;
    const owner = str(values[`action${n}-owner`]);
    const dueOn = str(values[`action${n}-due`]);
    if (!owner) errors[`action${n}-owner`] = "Enter who will do this action";
    if (!localDateSchema.safeParse(dueOn).success)
      errors[`action${n}-due`] = "Enter the date the action is due, like 2026-12-01";
    actions.push({ description, owner, dueOn });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    data: { stage: currentStage(page), findings, remedies, actions, learning: lines(values.learning) },
  };
}

/** Numbers new remedies or actions after those already on the complaint, so ids stay unique across stages. */
const numbered = <T>(items: T[], prefix: string, existing: number) =>
  items.map((item, i) => ({ ...item, id: `${prefix}${existing + i + 1}` }));

/** Defining the complaint and responding to it: the forms built from the complaint's own issues. */
export const RESPONSE_ACTIONS = {
  define: complaintAction({
    summary: "Set out the complaint definition: the issues and the outcomes the resident wants (Code 5.6)",
    permission: (page) => handlePermission(currentStage(page)),
    input: definitionInput.extend({ stage: stageInput }),
    run: (ctx, d) =>
      defineComplaint(ctx.services, { ...base(ctx), stage: d.stage, ...definitionRecord(d) }, ctx.actor),
  }),
  respond: complaintAction({
    summary: "Record a finding and reason for every issue, remedies, actions and learning, and respond",
    permission: (page) => handlePermission(currentStage(page)),
    input: responseInput,
    fromForm: responseFromForm,
    // The outcome follows from the findings (BCHG 8.1), so it is never asked for separately.
    run: (ctx, d, page) => {
      const state = { remedies: 0, actions: 0 };
      for (const e of page.complaint.events) {
        if (e.type === "responded") {
          state.remedies += e.remedies?.length ?? 0;
          state.actions += e.actions?.length ?? 0;
        }
      }
      return respondToComplaint(
        ctx.services,
        {
          ...base(ctx),
          stage: d.stage,
          findings: d.findings,
          outcome: outcomeOf(d.findings),
          remedies: numbered(d.remedies, "r", state.remedies),
          actions: numbered(d.actions, "a", state.actions),
          learning: d.learning,
        },
        ctx.actor,
      );
    },
  }),
};
