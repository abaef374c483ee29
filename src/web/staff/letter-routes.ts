import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { renderLetter as renderLetterDocument } from "../../adapters/letter-renderer.ts";
import { issuedLetterPdf } from "../../app/letter-pdf.ts";
import type { Services } from "../../app/services.ts";
import { sendDownload } from "../downloads.ts";
import { viewLetter, type LetterPage } from "../../app/view-letter.ts";
import type { FormValues } from "../actions/action.ts";
import { LETTER_ACTIONS } from "../actions/letter-actions.ts";
import { submitForm } from "../actions/submit-form.ts";
import { requirePermission, requireUser, userOf } from "../session.ts";
import { letterView, missingErrors, sectionField } from "./letter-view.ts";

interface Params {
  reference: string;
  id: string;
}

interface Shown {
  errors?: Record<string, string>;
  values?: FormValues;
  openAction?: string;
}

const DONE: Record<string, string> = {
  edit: "Your changes to the letter are saved.",
  redraft: "The letter was drafted again from the current template.",
  issue: "The letter is issued. It is on its way to the resident and can no longer be changed.",
};

function renderLetter(request: FastifyRequest, reply: FastifyReply, page: LetterPage, shown: Shown = {}) {
  const done = (request.query as { done?: string } | undefined)?.done;
  return reply.page("letter.njk", {
    ...page,
    ...letterView(page, userOf(request).role),
    reference: page.letter.reference,
    errors: shown.errors,
    values: shown.values ?? null,
    openAction: shown.openAction,
    // Only our own words are shown back, never text from the address.
    done: done && Object.hasOwn(DONE, done) ? DONE[done] : undefined,
  });
}

/**
 * Errors of the edit form at its textareas: the schema names a section by its place in the input
 * (`sections0Paragraphs3`, the fourth paragraph of the first section sent), the form by its place in the
 * letter (`sections6Paragraphs`).
 */
function atFields(
  errors: Record<string, string>,
  values: FormValues,
  page: LetterPage,
): Record<string, string> {
  const shaped = LETTER_ACTIONS.edit?.fromForm?.(values, page);
  const sent = shaped?.ok ? ((shaped.data as { sections?: { id: string }[] }).sections ?? []) : [];
  const shown: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const match = /^sections(\d+)(Paragraphs|Items|Id)?/.exec(field);
    const id = match ? sent[Number(match[1])]?.id : undefined;
    const key =
      id !== undefined
        ? sectionField(page, id).replace(/Paragraphs$/, match?.[2] === "Items" ? "Items" : "Paragraphs")
        : field.replace(/AddressLines\d+$/, "AddressLines");
    shown[key] ??= message;
  }
  return shown;
}

/**
 * A letter's page (`/complaints/{reference}/letters/{id}`): the letter as it reads, its Code checklist and
 * the policy's own list, and, for a draft, the forms to edit, redraft and issue it. Reading needs `read`;
 * changing it, handling the complaint's current stage.
 * An issued letter downloads as the PDF the resident received (`/complaints/{reference}/letters/{id}/pdf`,
 * `?large-print=yes` for the large-print version).
 */
export async function registerLetterRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get<{ Params: Params }>(
    "/complaints/:reference/letters/:id",
    { preHandler: requireUser },
    async (request, reply) => {
      requirePermission(request, "read");
      const page = await viewLetter(services, {
        organisationId: userOf(request).organisationId,
        reference: request.params.reference,
        letterId: request.params.id,
      });
      return renderLetter(request, reply, page);
    },
  );

  app.get<{ Params: Params; Querystring: { "large-print"?: string } }>(
    "/complaints/:reference/letters/:id/pdf",
    { preHandler: requireUser },
    async (request, reply) => {
      requirePermission(request, "read");
      const large = request.query["large-print"];
      const file = await issuedLetterPdf(services, renderLetterDocument, {
        organisationId: userOf(request).organisationId,
        reference: request.params.reference,
        letterId: request.params.id,
        ...(large ? { largePrint: large === "yes" } : {}),
      });
      return sendDownload(reply, { fileName: file.fileName, contentType: "application/pdf", body: file.pdf });
    },
  );

  app.post<{ Params: Params & { action: string } }>(
    "/complaints/:reference/letters/:id/:action",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      const name = request.params.action;
      const action = Object.hasOwn(LETTER_ACTIONS, name) ? LETTER_ACTIONS[name] : undefined;
      if (!action) return reply.callNotFound();
      const user = userOf(request);
      // The letter must exist, on this complaint, in the user's own organisation, before anything else.
      const at = {
        organisationId: user.organisationId,
        reference: request.params.reference,
        letterId: request.params.id,
      };
      const page = await viewLetter(services, at);
      requirePermission(request, action.permission(page));
      const values = (request.body ?? {}) as FormValues;
      const ctx = { services, ...at, reference: page.letter.reference, on: page.today, actor: user.email };
      const submitted = await submitForm(action, values, page, ctx);
      if (!submitted.ok) {
        // Issuing refused: every missing item at its section, not only the first.
        const errors =
          name === "issue" && submitted.status === 422 && page.missing.length > 0
            ? missingErrors(page)
            : atFields(submitted.errors, values, page);
        return renderLetter(request, reply.status(submitted.status), page, {
          errors,
          values,
          openAction: name,
        });
      }
      const where = `/complaints/${encodeURIComponent(page.letter.reference)}/letters/${page.letter.id}`;
      return reply.redirect(`${where}?done=${name}`, 303);
    },
  );
}
