import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { logComplaint } from "../../app/log-complaint.ts";
import type { Services } from "../../app/services.ts";
import { isLocalDate, londonDateOf } from "../../domain/calendar/day-number.ts";
import { ComplaintRuleError } from "../../domain/complaint/errors.ts";
import { channelSchema } from "../../domain/policy/schema.ts";
import { lines, optionalText, requiredText } from "./actions.ts";
import { requirePermission, requireUser, userOf } from "../session.ts";

export const CATEGORIES = [
  "damp-and-mould",
  "repairs",
  "anti-social-behaviour",
  "leaks",
  "staff-conduct",
  "estate-management",
  "rent-and-charges",
  "other",
] as const;

const optionalDate = (message: string) =>
  optionalText.refine((v) => v === undefined || isLocalDate(v), message);

const logForm = z
  .object({
    receivedOn: requiredText("Enter the date the complaint was received").refine(
      isLocalDate,
      "Enter a real date, like 2026-11-02",
    ),
    channel: z.enum(channelSchema.options, { error: "Choose how the complaint was made" }),
    category: z.enum(CATEGORIES, { error: "Choose what the complaint is about" }),
    description: requiredText("Enter what the resident is unhappy about, in their words"),
    issueOn: optionalDate("Enter a real date for when it happened, like 2026-10-01"),
    awareOn: optionalDate("Enter a real date for when they became aware, like 2026-10-05"),
    residentName: requiredText("Enter the resident's name"),
    residentEmail: optionalText,
    residentPhone: optionalText,
    residentPostcode: optionalText,
    noPhoneCalls: optionalText,
    adjustments: optionalText,
    raisedBy: z.enum(["resident", "representative"], { error: "Choose who is making the complaint" }),
    representativeName: optionalText,
    representativeRelationship: optionalText,
    representativeAuthority: optionalText,
    issues: optionalText,
    outcomesSought: optionalText,
  })
  .superRefine((f, ctx) => {
    if (f.raisedBy === "representative" && !f.representativeName) {
      ctx.addIssue({
        code: "custom",
        path: ["representativeName"],
        message: "Enter the representative's name",
      });
    }
    if (f.raisedBy === "representative" && !f.representativeAuthority) {
      ctx.addIssue({
        code: "custom",
        path: ["representativeAuthority"],
        message: "Say how the resident gave the representative authority, for example in writing",
      });
    }
  });

/** Logging a complaint at Stage 1 from any channel, for the resident or through a representative (Code 1.3, 3.2). */
export async function registerLogComplaintRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get("/complaints/new", { preHandler: requireUser }, async (request, reply) => {
    requirePermission(request, "log-complaint");
    const values = { receivedOn: londonDateOf(services.clock()), raisedBy: "resident" };
    return reply.page("log-complaint.njk", {
      values,
      categories: CATEGORIES,
      channels: channelSchema.options,
    });
  });

  app.post("/complaints/new", { preHandler: [app.csrfProtection, requireUser] }, async (request, reply) => {
    requirePermission(request, "log-complaint");
    const user = userOf(request);
    const values = (request.body ?? {}) as Record<string, unknown>;
    const parsed = logForm.safeParse(values);
    const show = (status: number, errors: Record<string, string>) =>
      reply.status(status).page("log-complaint.njk", {
        values,
        errors,
        categories: CATEGORIES,
        channels: channelSchema.options,
      });
    if (!parsed.success) {
      return show(
        400,
        Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])),
      );
    }
    const f = parsed.data;
    const issues = lines(f.issues);
    const outcomes = lines(f.outcomesSought);
    try {
      const result = await logComplaint(
        services,
        {
          organisationId: user.organisationId,
          receivedOn: f.receivedOn,
          channel: f.channel,
          category: f.category,
          description: f.description,
          ...(f.issueOn ? { issueOn: f.issueOn } : {}),
          ...(f.awareOn ? { awareOn: f.awareOn } : {}),
          resident: {
            name: f.residentName,
            ...(f.residentEmail ? { email: f.residentEmail } : {}),
            ...(f.residentPhone ? { phone: f.residentPhone } : {}),
            ...(f.residentPostcode ? { postcode: f.residentPostcode } : {}),
            contactPreferences: f.noPhoneCalls ? { noPhoneCalls: true } : {},
            adjustments: f.adjustments
              ? [{ adjustment: f.adjustments, recordedOn: londonDateOf(services.clock()) }]
              : [],
          },
          ...(f.raisedBy === "representative" && f.representativeName && f.representativeAuthority
            ? {
                representative: {
                  name: f.representativeName,
                  authority: f.representativeAuthority,
                  ...(f.representativeRelationship ? { relationship: f.representativeRelationship } : {}),
                },
              }
            : {}),
          ...(issues.length && outcomes.length
            ? {
                definition: {
                  issues: issues.map((summary, i) => ({ id: String(i + 1), summary })),
                  outcomesSought: outcomes,
                },
              }
            : {}),
        },
        user.email,
      );
      return reply.redirect(`/complaints/${encodeURIComponent(result.reference)}?done=logged`, 303);
    } catch (error) {
      if (!(error instanceof ComplaintRuleError)) throw error;
      const field = error.field === "on" ? "receivedOn" : (error.field ?? "form");
      return show(422, { [field]: error.message });
    }
  });
}
