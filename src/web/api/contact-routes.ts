import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { listContactsOf } from "../../app/list-contacts.ts";
import type { Services } from "../../app/services.ts";
import { viewContact, type ContactPage } from "../../app/view-contact.ts";
import { londonDateOf } from "../../domain/calendar/day-number.ts";
import { CONTACT_ACTIONS, LOG_CONTACT, type ContactAction } from "../actions/contact-actions.ts";
import { clientOf, requireApiPermission } from "./auth.ts";
import { contactJson } from "./json-views.ts";
import {
  CHANGE_RESPONSES,
  contactListQuery,
  contactListResponse,
  contactParams,
  contactResponse,
  ERROR_RESPONSES,
} from "./schemas.ts";

const targets = new WeakMap<FastifyRequest, ContactPage>();

/** Contacts (service requests, feedback, compliments, complaints before logging): list, get, log, every action. */
export async function registerContactRoutes(
  app: FastifyInstance,
  services: Services,
  config: object,
): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["contacts"];
  const today = () => londonDateOf(services.clock());

  api.get(
    "/contacts",
    {
      config,
      schema: {
        tags,
        summary: "List contacts: still-open ones oldest first, then the rest newest first",
        querystring: contactListQuery,
        response: { 200: contactListResponse.describe("A page of contacts"), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      requireApiPermission(request, "read");
      const { kind, status, limit, offset } = request.query;
      const page = await listContactsOf(services, {
        organisationId: clientOf(request).organisationId,
        ...(kind ? { kind } : {}),
        ...(status ? { status } : {}),
        limit,
        offset,
      });
      return { items: page.rows.map((row) => ({ ...row })), total: page.total, limit, offset };
    },
  );

  api.get(
    "/contacts/:id",
    {
      config,
      schema: {
        tags,
        summary: "A contact with its events and who made it",
        params: contactParams,
        response: { 200: contactResponse.describe("The contact"), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      requireApiPermission(request, "read");
      return contactJson(await viewContact(services, clientOf(request).organisationId, request.params.id));
    },
  );

  api.post(
    "/contacts",
    {
      config,
      preValidation: async (request) => {
        requireApiPermission(request, LOG_CONTACT.permission(null));
      },
      schema: {
        tags,
        summary: LOG_CONTACT.summary,
        body: LOG_CONTACT.input,
        response: { 201: contactResponse.describe("The contact logged"), ...CHANGE_RESPONSES },
      },
    },
    async (request, reply) => {
      const client = clientOf(request);
      const ctx = { services, organisationId: client.organisationId, on: today(), actor: client.actor };
      const logged = await LOG_CONTACT.run(ctx, request.body, null);
      const page = await viewContact(services, client.organisationId, logged.contactId);
      reply.status(201).header("location", `${app.prefix}/contacts/${logged.contactId}`);
      return contactJson(page);
    },
  );

  for (const [name, action] of Object.entries(CONTACT_ACTIONS) as [string, ContactAction][]) {
    api.post(
      `/contacts/:id/${name}`,
      {
        config,
        preValidation: [
          async (request) => {
            const { id } = request.params as { id: string };
            const page = await viewContact(services, clientOf(request).organisationId, id);
            requireApiPermission(request, action.permission(page.contact));
            targets.set(request, page);
          },
        ],
        schema: {
          tags,
          summary: action.summary,
          operationId: `contact-${name}`,
          params: contactParams,
          body: action.input,
          response: { 200: contactResponse.describe("The contact after the change"), ...CHANGE_RESPONSES },
        },
      },
      async (request) => {
        const page = targets.get(request);
        if (!page) throw new Error("the contact is loaded before validation");
        const client = clientOf(request);
        const ctx = {
          services,
          organisationId: client.organisationId,
          contactId: page.contact.id,
          on: today(),
          actor: client.actor,
        };
        await action.run(ctx, request.body, page.contact);
        return contactJson(await viewContact(services, client.organisationId, page.contact.id));
      },
    );
  }
}
