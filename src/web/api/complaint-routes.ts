import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { listComplaintsOf } from "../../app/list-complaints.ts";
import type { Services } from "../../app/services.ts";
import { viewComplaint, type ComplaintPage } from "../../app/view-complaint.ts";
import { londonDateOf } from "../../domain/calendar/day-number.ts";
import { COMPLAINT_ACTIONS } from "../actions/index.ts";
import { LOG_COMPLAINT } from "../actions/log-complaint-action.ts";
import { clientOf, requireApiPermission } from "./auth.ts";
import { complaintJson, complaintListItem } from "./json-views.ts";
import {
  CHANGE_RESPONSES,
  complaintListQuery,
  complaintListResponse,
  complaintResponse,
  ERROR_RESPONSES,
  referenceParams,
} from "./schemas.ts";

/** The complaint an action is about, loaded (and access checked) before its body is validated. */
const targets = new WeakMap<FastifyRequest, ComplaintPage>();

/**
 * Complaints: list, get, log, and one endpoint per action, each validated with the action's own schema.
 * The order matches the staff pages: the complaint must exist in the token's organisation (404), the role
 * must allow the action (403), then the body is validated (400) and the rules of the process apply (422).
 */
export async function registerComplaintRoutes(
  app: FastifyInstance,
  services: Services,
  config: object,
): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["complaints"];

  api.get(
    "/complaints",
    {
      config,
      schema: {
        tags,
        summary: "List complaints, newest received first, with filters and paging",
        querystring: complaintListQuery,
        response: { 200: complaintListResponse.describe("A page of complaints"), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      requireApiPermission(request, "read");
      const { limit, offset, ...filters } = request.query;
      const page = await listComplaintsOf(services, {
        organisationId: clientOf(request).organisationId,
        ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
        limit,
        offset,
      });
      return {
        items: page.rows.map((row) => complaintListItem(row, page.today)),
        total: page.total,
        limit,
        offset,
      };
    },
  );

  api.get(
    "/complaints/:reference",
    {
      config,
      schema: {
        tags,
        summary: "A complaint with every clock (the redress simulate shape), findings and timeline",
        params: referenceParams,
        response: { 200: complaintResponse.describe("The complaint as of today"), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      requireApiPermission(request, "read");
      return complaintJson(
        await viewComplaint(services, clientOf(request).organisationId, request.params.reference),
      );
    },
  );

  api.post(
    "/complaints",
    {
      config,
      preValidation: async (request) => {
        requireApiPermission(request, LOG_COMPLAINT.permission(null));
      },
      schema: {
        tags,
        summary: LOG_COMPLAINT.summary,
        body: LOG_COMPLAINT.input,
        response: {
          201: complaintResponse.describe("The complaint logged, with its reference and clocks"),
          ...CHANGE_RESPONSES,
        },
      },
    },
    async (request, reply) => {
      const client = clientOf(request);
      const ctx = {
        services,
        organisationId: client.organisationId,
        on: londonDateOf(services.clock()),
        actor: client.actor,
      };
      const logged = await LOG_COMPLAINT.run(ctx, request.body, null);
      const page = await viewComplaint(services, client.organisationId, logged.reference);
      reply
        .status(201)
        .header("location", `${app.prefix}/complaints/${encodeURIComponent(logged.reference)}`);
      return complaintJson(page);
    },
  );

  for (const [name, action] of Object.entries(COMPLAINT_ACTIONS)) {
    api.post(
      `/complaints/:reference/${name}`,
      {
        config,
        preValidation: [
          async (request) => {
            const { reference } = request.params as { reference: string };
            const page = await viewComplaint(services, clientOf(request).organisationId, reference);
            requireApiPermission(request, action.permission(page));
            targets.set(request, page);
          },
        ],
        schema: {
          tags,
          summary: action.summary,
          operationId: `complaint-${name}`,
          params: referenceParams,
          body: action.input,
          response: {
            200: complaintResponse.describe("The complaint after the change"),
            ...CHANGE_RESPONSES,
          },
        },
      },
      async (request) => {
        const page = targets.get(request);
        if (!page) throw new Error("the complaint is loaded before validation");
        const client = clientOf(request);
        const ctx = {
          services,
          organisationId: client.organisationId,
          reference: page.complaint.reference,
          on: page.today,
          actor: client.actor,
        };
        await action.run(ctx, request.body, page);
        return complaintJson(await viewComplaint(services, client.organisationId, page.complaint.reference));
      },
    );
  }
}
