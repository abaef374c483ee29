import { defineComplaint } from "../../app/define-complaint.ts";
import { respondToComplaint } from "../../app/respond-to-complaint.ts";
import type { ComplaintPage } from "../../app/view-complaint.ts";
import { handlePermission } from "../../domain/access/permissions.ts";
import { isLocalDate } from "../../domain/calendar/day-number.ts";
import type { FollowUpAction, IssueFinding, Remedy } from "../../domain/complaint/events.ts";
import { outcomeOf } from "../../domain/complaint/index.ts";
import { remedyTypeSchema } from "../../domain/policy/schema.ts";
import { action, base, lines, type Parsed } from "./actions.ts";

/** How many remedy and follow-up action rows the response form offers (it works without JavaScript). */
export const REMEDY_ROWS = 3;
export const ACTION_ROWS = 2;

const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");

/** The issues of the complaint's current stage, as the case page shows them. */
export function currentIssues(page: ComplaintPage): { id: string; summary: string }[] {
  const stage = page.complaint.stage ?? 1;
  const defined = page.complaint.events.filter((e) => e.type === "defined" && e.stage <= stage);
  const last = defined.at(-1);
  return last && last.type === "defined" ? last.issues : [];
}

interface ResponseForm {
  stage: 1 | 2;
  findings: IssueFinding[];
  remedies: Remedy[];
  actions: FollowUpAction[];
  learning: string[];
}

function parseResponse(values: Record<string, unknown>, page: ComplaintPage): Parsed<ResponseForm> {
  const errors: Record<string, string> = {};
  const findings: IssueFinding[] = [];
  for (const issue of currentIssues(page)) {
    const decision = str(values[`finding-${issue.id}`]);
    const reason = str(values[`reason-${issue.id}`]);
    if (decision !== "upheld" && decision !== "not-upheld")
      errors[`finding-${issue.id}`] = `Choose a finding for “${issue.summary}”`;
    if (!reason) errors[`reason-${issue.id}`] = `Give the reason for the finding on “${issue.summary}”`;
    if ((decision === "upheld" || decision === "not-upheld") && reason)
      findings.push({ issueId: issue.id, decision, reason });
  }
  const remedies: Remedy[] = [];
  for (let n = 1; n <= REMEDY_ROWS; n++) {
    const description = str(values[`remedy${n}-description`]);
    if (!description) continue;
    const type = remedyTypeSchema.safeParse(str(values[`remedy${n}-type`]));
    if (!type.success) errors[`remedy${n}-type`] = "Choose the kind of remedy";
    const pounds = str(values[`remedy${n}-amount`]);
    const amount = pounds ? Math.round(Number(pounds) * 100) : undefined;
    if (pounds && (!Number.isFinite(amount) || (amount ?? 0) < 0))
      errors[`remedy${n}-amount`] = "Enter the amount in pounds, like 150 or 75.50";
    if (type.success)
      remedies.push({
        id: `r${n}`,
        type: type.data,
        description,
        ...(amount !== undefined && Number.isFinite(amount) ? { amountPence: amount } : {}),
      });
  }
  const actions: FollowUpAction[] = [];
  for (let n = 1; n <= ACTION_ROWS; n++) {
    const description = str(values[`action${n}-description`]);
    if (!description) continue;
    const owner = str(values[`action${n}-owner`]);
    const dueOn = str(values[`action${n}-due`]);
    if (!owner) errors[`action${n}-owner`] = "Enter who will do this action";
    if (!isLocalDate(dueOn)) errors[`action${n}-due`] = "Enter the date the action is due, like 2026-12-01";
    if (owner && isLocalDate(dueOn)) actions.push({ id: `a${n}`, description, owner, dueOn });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    data: { stage: page.complaint.stage ?? 1, findings, remedies, actions, learning: lines(values.learning) },
  };
}

/** Defining the complaint and responding to it: the forms built from the complaint's own issues. */
export const RESPONSE_ACTIONS = {
  define: action({
    permission: handlePermission,
    parse: (values, page): Parsed<{ stage: 1 | 2; issues: string[]; outcomes: string[] }> => {
      const issues = lines(values.issues);
      const outcomes = lines(values.outcomesSought);
      const errors: Record<string, string> = {};
      if (issues.length === 0) errors.issues = "Enter each issue the resident raises, one per line";
      if (outcomes.length === 0)
        errors.outcomesSought = "Enter the outcomes the resident wants, one per line";
      return Object.keys(errors).length
        ? { ok: false, errors }
        : { ok: true, data: { stage: page.complaint.stage ?? 1, issues, outcomes } };
    },
    run: (ctx, d) =>
      defineComplaint(
        ctx.services,
        {
          ...base(ctx),
          stage: d.stage,
          issues: d.issues.map((summary, i) => ({ id: String(i + 1), summary })),
          outcomesSought: d.outcomes,
        },
        ctx.actor,
      ),
  }),
  respond: action({
    permission: handlePermission,
    parse: parseResponse,
    // The outcome follows from the findings (BCHG 8.1), so the form does not ask for it separately.
    run: (ctx, d) =>
      respondToComplaint(ctx.services, { ...base(ctx), ...d, outcome: outcomeOf(d.findings) }, ctx.actor),
  }),
};
