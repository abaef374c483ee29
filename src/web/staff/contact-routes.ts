import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Services } from "../../app/services.ts";
import { viewContact, type ContactPage } from "../../app/view-contact.ts";
import { COMPLAINT_CATEGORIES } from "../../domain/complaint/categories.ts";
import type { FormValues } from "../actions/action.ts";
import { submitForm } from "../actions/submit-form.ts";
import { requirePermission, requireUser, userOf } from "../session.ts";
import { contactActionNamed, contactView } from "./contact-view.ts";

interface Shown {
  errors?: Record<string, string>;
  values?: FormValues;
  openAction?: string;
}

function renderContact(request: FastifyRequest, reply: FastifyReply, page: ContactPage, shown: Shown = {}) {
  const done = (request.query as { done?: string } | undefined)?.done;
  return reply.page("contact.njk", {
    ...page,
    ...contactView(page, userOf(request).role, shown.openAction),
    ...shown,
    values: shown.values ?? {},
    done,
    categories: COMPLAINT_CATEGORIES,
  });
}

/** A contact's page, and the actions on it as forms (`POST /contacts/{id}/{action}`). */
export async function registerContactRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get<{ Params: { id: string } }>(
    "/contacts/:id",
    { preHandler: requireUser },
    async (request, reply) => {
      requirePermission(request, "read");
      const page = await viewContact(services, userOf(request).organisationId, request.params.id);
      return renderContact(request, reply, page);
    },
  );

  app.post<{ Params: { id: string; action: string } }>(
    "/contacts/:id/:action",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      const name = request.params.action;
      const action = contactActionNamed(name);
      if (!action) return reply.callNotFound();
      const user = userOf(request);
      // The contact must exist in the user's own organisation before anything else is said about it.
      const page = await viewContact(services, user.organisationId, request.params.id);
      requirePermission(request, action.permission(page.contact));
      const values = (request.body ?? {}) as FormValues;
      const ctx = {
        services,
        organisationId: user.organisationId,
        contactId: page.contact.id,
        on: page.today,
        actor: user.email,
      };
      const submitted = await submitForm(action, values, page.contact, ctx);
      if (!submitted.ok) {
        const { status, errors } = submitted;
        return renderContact(request, reply.status(status), page, { errors, values, openAction: name });
      }
      // A complaint raised from the contact opens at its own page; the contact links to it (and stays open).
      const reference = (submitted.result as { reference?: unknown } | null)?.reference;
      if (name === "raise-complaint" && typeof reference === "string") {
        return reply.redirect(`/complaints/${encodeURIComponent(reference)}?done=logged-from-contact`, 303);
      }
      return reply.redirect(`/contacts/${page.contact.id}?done=${name}`, 303);
    },
  );
}
