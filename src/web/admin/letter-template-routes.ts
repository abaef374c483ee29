import type { FastifyInstance, FastifyReply } from "fastify";
import type { Services } from "../../app/services.ts";
import { viewLetterTemplate, viewLetterTemplates } from "../../app/view-letter-templates.ts";
import { LETTER_KIND_TITLES, LETTER_LAYOUTS, codeParagraphs } from "../../domain/letters/letter-layouts.ts";
import type { LetterTemplate } from "../../domain/letters/letter-template.ts";
import { slotMustHaveWords } from "../../domain/letters/letter-template.ts";
import { CASE_PLACEHOLDERS, ISSUE_PLACEHOLDERS } from "../../domain/letters/placeholders.ts";
import { letterKindSchema, type LetterKind } from "../../domain/policy/schema.ts";
import type { FormValues } from "../actions/action.ts";
import { LETTER_TEMPLATE_ACTIONS, templateField } from "../actions/letter-template-actions.ts";
import { submitForm } from "../actions/submit-form.ts";
import { requireUser } from "../session.ts";
import { adminContext } from "./admin-context.ts";

interface Shown {
  errors?: Record<string, string>;
  values?: FormValues;
  /** The version just saved (only a number is shown back, never other text from the address). */
  saved?: string;
}

const isKind = (kind: string): kind is LetterKind => letterKindSchema.safeParse(kind).success;

/** A template as the form's fields, so the page shows the wording in use (or what was typed). */
export function templateFormValues(template: LetterTemplate, kind: LetterKind): FormValues {
  const values: FormValues = {
    [templateField("salutation")]: template.salutation,
    [templateField("closing")]: template.closing,
    [templateField("signOff", "name")]: template.signOff.name,
    [templateField("signOff", "role")]: template.signOff.role,
  };
  for (const slot of LETTER_LAYOUTS[kind]) {
    const section = template.sections[slot.id];
    values[templateField("sections", slot.id, "heading")] = section?.heading ?? "";
    values[templateField("sections", slot.id, "paragraphs")] = (section?.paragraphs ?? []).join("\n\n");
    if (slot.list === "remedies" || slot.list === "actions")
      values[templateField("sections", slot.id, "whenEmpty")] = (section?.whenEmpty ?? []).join("\n\n");
  }
  return values;
}

async function showTemplate(
  services: Services,
  organisationId: string,
  kind: LetterKind,
  reply: FastifyReply,
  shown: Shown = {},
) {
  const inUse = await viewLetterTemplate(services, organisationId, kind);
  const slots = LETTER_LAYOUTS[kind].map((slot) => ({
    ...slot,
    mustHaveWords: slotMustHaveWords(slot),
    code: slot.requirement ? codeParagraphs(slot.requirement, 1) : slot.perIssue ? "6.7" : null,
    stage2Code: slot.requirement ? codeParagraphs(slot.requirement, 2) : null,
    headingField: templateField("sections", slot.id, "heading"),
    paragraphsField: templateField("sections", slot.id, "paragraphs"),
    whenEmptyField:
      slot.list === "remedies" || slot.list === "actions"
        ? templateField("sections", slot.id, "whenEmpty")
        : null,
  }));
  return reply.page("admin/letter-template.njk", {
    kind,
    kindTitle: LETTER_KIND_TITLES[kind],
    inUse,
    slots,
    fields: {
      salutation: templateField("salutation"),
      closing: templateField("closing"),
      signOffName: templateField("signOff", "name"),
      signOffRole: templateField("signOff", "role"),
    },
    casePlaceholders: Object.entries(CASE_PLACEHOLDERS),
    issuePlaceholders: Object.entries(ISSUE_PLACEHOLDERS),
    values: shown.values ?? templateFormValues(inUse.template, kind),
    errors: shown.errors,
    saved: shown.saved,
  });
}

/**
 * The organisation's letter templates (permission `administer`): every kind with the version in use, the
 * address on its letters, and a page per kind to change the wording. Saving makes a new version; old
 * versions are kept, since issued letters name the version they came from.
 */
export async function registerLetterTemplateAdminRoutes(
  app: FastifyInstance,
  services: Services,
): Promise<void> {
  app.get("/admin/letters", { preHandler: requireUser }, async (request, reply) => {
    const ctx = adminContext(services, request);
    const saved = (request.query as { saved?: string }).saved;
    return reply.page("admin/letter-templates.njk", {
      ...(await viewLetterTemplates(services, ctx.organisationId)),
      values: {},
      saved: saved === "address" ? "address" : undefined,
    });
  });

  app.post(
    "/admin/letters/address",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      const ctx = adminContext(services, request);
      const values = (request.body ?? {}) as FormValues;
      const submitted = await submitForm(LETTER_TEMPLATE_ACTIONS.address, values, null, ctx);
      if (!submitted.ok) {
        return reply.status(submitted.status).page("admin/letter-templates.njk", {
          ...(await viewLetterTemplates(services, ctx.organisationId)),
          values,
          errors: submitted.errors,
        });
      }
      return reply.redirect("/admin/letters?saved=address", 303);
    },
  );

  app.get<{ Params: { kind: string } }>(
    "/admin/letters/:kind",
    { preHandler: requireUser },
    async (request, reply) => {
      const ctx = adminContext(services, request);
      const kind = request.params.kind;
      if (!isKind(kind)) return reply.callNotFound();
      const saved = (request.query as { saved?: string }).saved;
      return showTemplate(services, ctx.organisationId, kind, reply, {
        ...(saved && /^\d+$/.test(saved) ? { saved } : {}),
      });
    },
  );

  app.post<{ Params: { kind: string } }>(
    "/admin/letters/:kind",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      const ctx = adminContext(services, request);
      const kind = request.params.kind;
      if (!isKind(kind)) return reply.callNotFound();
      const values = (request.body ?? {}) as FormValues;
      const submitted = await submitForm(LETTER_TEMPLATE_ACTIONS.save, values, kind, ctx);
      if (!submitted.ok)
        return showTemplate(services, ctx.organisationId, kind, reply.status(submitted.status), {
          errors: submitted.errors,
          values,
        });
      const { version } = submitted.result as { version: number };
      return reply.redirect(`/admin/letters/${kind}?saved=${version}`, 303);
    },
  );
}
