import { z } from "zod";
import { acknowledgeComplaint } from "../../app/acknowledge-complaint.ts";
import { assignHandler } from "../../app/assign-handler.ts";
import { closeComplaint } from "../../app/close-complaint.ts";
import { extendDeadline } from "../../app/extend-deadline.ts";
import { requestEscalation } from "../../app/request-escalation.ts";
import { withdrawComplaint } from "../../app/withdraw-complaint.ts";
import { handlePermission } from "../../domain/access/permissions.ts";
import { base, optionalText, requiredText, schemaAction, stageField } from "./actions.ts";

/** Actions that move a stage along: acknowledge, assign, extend, escalate, withdraw, close. */
export const STAGE_ACTIONS = {
  acknowledge: schemaAction({
    permission: handlePermission,
    form: z.object({ stage: stageField }),
    run: (ctx, d) => acknowledgeComplaint(ctx.services, { ...base(ctx), stage: d.stage }, ctx.actor),
  }),
  "assign-handler": schemaAction({
    permission: handlePermission,
    form: z.object({
      stage: stageField,
      handler: requiredText("Enter the name of the person handling this stage"),
    }),
    run: (ctx, d) =>
      assignHandler(ctx.services, { ...base(ctx), stage: d.stage, handler: d.handler }, ctx.actor),
  }),
  extend: schemaAction({
    permission: handlePermission,
    form: z.object({
      stage: stageField,
      workingDays: z.coerce
        .number({ error: "Enter the number of working days as a number, like 10" })
        .int("Enter a whole number of working days")
        .min(1, "The extension must be at least 1 working day")
        .max(120, "The extension must be 120 working days or fewer"),
      reason: requiredText("Enter the reason for the extension: it is explained to the resident"),
      goodReason: optionalText,
    }),
    run: (ctx, d) =>
      extendDeadline(
        ctx.services,
        {
          ...base(ctx),
          stage: d.stage,
          workingDays: d.workingDays,
          reason: d.reason,
          ...(d.goodReason ? { goodReason: d.goodReason } : {}),
        },
        ctx.actor,
      ),
  }),
  escalate: schemaAction({
    // Any member of staff can record a resident's request: residents may ask anyone (Code 3.2), no reason needed (6.12).
    permission: () => "log-complaint",
    form: z.object({ whatIsStillWrong: optionalText }),
    run: (ctx, d) =>
      requestEscalation(
        ctx.services,
        { ...base(ctx), ...(d.whatIsStillWrong ? { whatIsStillWrong: d.whatIsStillWrong } : {}) },
        ctx.actor,
      ),
  }),
  withdraw: schemaAction({
    permission: handlePermission,
    form: z.object({ reason: optionalText }),
    run: (ctx, d) =>
      withdrawComplaint(ctx.services, { ...base(ctx), ...(d.reason ? { reason: d.reason } : {}) }, ctx.actor),
  }),
  close: schemaAction({
    permission: handlePermission,
    form: z.object({}),
    run: (ctx) => closeComplaint(ctx.services, base(ctx), ctx.actor),
  }),
};
