import { z } from "zod";
import { acceptLateEscalation } from "../../app/accept-late-escalation.ts";
import { acknowledgeComplaint } from "../../app/acknowledge-complaint.ts";
import { assignHandler } from "../../app/assign-handler.ts";
import { closeComplaint } from "../../app/close-complaint.ts";
import { extendDeadline } from "../../app/extend-deadline.ts";
import { requestEscalation } from "../../app/request-escalation.ts";
import { withdrawComplaint } from "../../app/withdraw-complaint.ts";
import { handlePermission } from "../../domain/access/permissions.ts";
import { optionalText, requiredText, stageInput, str } from "./action.ts";
import { base, complaintAction, currentStage, defined } from "./complaint-action.ts";

const byStage = (page: Parameters<typeof currentStage>[0]) => handlePermission(currentStage(page));

/** Actions that move a stage along: acknowledge, assign, extend, escalate, withdraw, close. */
export const STAGE_ACTIONS = {
  acknowledge: complaintAction({
    summary: "Acknowledge the complaint at a stage (the resident is sent the acknowledgement)",
    permission: byStage,
    input: z.object({ stage: stageInput }),
    run: (ctx, d) => acknowledgeComplaint(ctx.services, { ...base(ctx), stage: d.stage }, ctx.actor),
  }),
  "assign-handler": complaintAction({
    summary: "Assign the person handling a stage",
    permission: byStage,
    input: z.object({
      stage: stageInput,
      handler: requiredText("Choose or enter the person handling this stage"),
    }),
    // The form offers the organisation's staff, and a box for someone else (a contractor acting for it, Code 5.4).
    fromForm: (values) => ({
      ok: true,
      data: { stage: values.stage, handler: str(values.handlerOther) || values.handler },
    }),
    run: (ctx, d) =>
      assignHandler(ctx.services, { ...base(ctx), stage: d.stage, handler: d.handler }, ctx.actor),
  }),
  extend: complaintAction({
    summary: "Extend the response date at a stage, with the reason told to the resident",
    permission: byStage,
    input: z.object({
      stage: stageInput,
      workingDays: z.coerce
        .number({ error: "Enter the number of working days as a number, like 10" })
        .int("Enter a whole number of working days")
        .min(1, "The extension must be at least 1 working day")
        .max(120, "The extension must be 120 working days or fewer"),
      reason: requiredText("Enter the reason for the extension: it is explained to the resident"),
      goodReason: optionalText,
    }),
    run: (ctx, d) => extendDeadline(ctx.services, { ...base(ctx), ...defined(d) }, ctx.actor),
  }),
  escalate: complaintAction({
    summary: "Record the resident's request to escalate to Stage 2 (no reason is needed)",
    // Any member of staff can record it: residents may ask anyone (Code 3.2), and need give no reason (6.12).
    permission: () => "log-complaint",
    input: z.object({ whatIsStillWrong: optionalText }),
    run: (ctx, d) => requestEscalation(ctx.services, { ...base(ctx), ...defined(d) }, ctx.actor),
  }),
  "accept-late-escalation": complaintAction({
    summary: "Record the decision to accept a request to escalate made after the policy's window",
    permission: () => "handle-stage2",
    input: z.object({
      reason: requiredText(
        "Say why the late request is accepted (a late request is never refused automatically)",
      ),
    }),
    run: (ctx, d) => acceptLateEscalation(ctx.services, { ...base(ctx), reason: d.reason }, ctx.actor),
  }),
  withdraw: complaintAction({
    summary: "Record that the resident withdrew the complaint",
    permission: byStage,
    input: z.object({ reason: optionalText }),
    run: (ctx, d) => withdrawComplaint(ctx.services, { ...base(ctx), ...defined(d) }, ctx.actor),
  }),
  close: complaintAction({
    summary: "Close the complaint (remedies and actions done, learning recorded)",
    permission: byStage,
    input: z.object({}),
    run: (ctx) => closeComplaint(ctx.services, base(ctx), ctx.actor),
  }),
};
