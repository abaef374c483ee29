import type { FastifyInstance, FastifyReply } from "fastify";
import type { Services } from "../../app/services.ts";
import { viewUser } from "../../app/view-user.ts";
import { viewUsers } from "../../app/view-users.ts";
import type { UserSummary } from "../../store/users.ts";
import type { FormValues } from "../actions/action.ts";
import { submitForm } from "../actions/submit-form.ts";
import { ADD_USER, USER_ACTIONS, type UserAction } from "../actions/user-actions.ts";
import { requireUser } from "../session.ts";
import { adminContext } from "./admin-context.ts";
import { ROLE_CHOICES } from "./roles.ts";

/** The page each user action's form is on, to show it again with its errors. */
const FORM_PAGES: Record<keyof typeof USER_ACTIONS, string> = {
  role: "admin/user.njk",
  remove: "admin/user-remove.njk",
};

interface Shown {
  errors?: Record<string, string>;
  values?: FormValues;
}

function showUser(reply: FastifyReply, template: string, user: UserSummary, shown: Shown = {}) {
  const done = (reply.request.query as { done?: string } | undefined)?.done;
  return reply.page(template, { staffUser: user, roles: ROLE_CHOICES, values: {}, done, ...shown });
}

/** Staff accounts of the administrator's own organisation: list, add, change role, remove. */
export async function registerUserAdminRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get("/admin/users", { preHandler: requireUser }, async (request, reply) => {
    const ctx = adminContext(services, request);
    const done = (request.query as { done?: string }).done;
    return reply.page("admin/users.njk", { users: await viewUsers(services, ctx.organisationId), done });
  });

  app.get("/admin/users/new", { preHandler: requireUser }, async (request, reply) => {
    adminContext(services, request);
    return reply.page("admin/user-new.njk", { roles: ROLE_CHOICES, values: {} });
  });

  app.post("/admin/users/new", { preHandler: [app.csrfProtection, requireUser] }, async (request, reply) => {
    const ctx = adminContext(services, request);
    const values = (request.body ?? {}) as FormValues;
    const show = (status: number, errors: Record<string, string>) =>
      reply.status(status).page("admin/user-new.njk", { roles: ROLE_CHOICES, values, errors });
    const submitted = await submitForm(ADD_USER, values, null, ctx);
    if (!submitted.ok) return show(submitted.status, submitted.errors);
    // The password is shown on this page once and kept nowhere in clear: never cache the page.
    reply.header("cache-control", "no-store");
    return reply.page("admin/user-added.njk", { added: submitted.result });
  });

  app.get<{ Params: { id: string } }>(
    "/admin/users/:id",
    { preHandler: requireUser },
    async (request, reply) => {
      const ctx = adminContext(services, request);
      return showUser(
        reply,
        "admin/user.njk",
        await viewUser(services, ctx.organisationId, request.params.id),
      );
    },
  );

  app.get<{ Params: { id: string } }>(
    "/admin/users/:id/remove",
    { preHandler: requireUser },
    async (request, reply) => {
      const ctx = adminContext(services, request);
      const user = await viewUser(services, ctx.organisationId, request.params.id);
      return showUser(reply, "admin/user-remove.njk", user);
    },
  );

  app.post<{ Params: { id: string; action: string } }>(
    "/admin/users/:id/:action",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      const name = request.params.action;
      if (!Object.hasOwn(USER_ACTIONS, name)) return reply.callNotFound();
      const actionName = name as keyof typeof USER_ACTIONS;
      const action: UserAction = USER_ACTIONS[actionName];
      const ctx = adminContext(services, request);
      // The user must be one of the administrator's own organisation before anything else is said about them.
      const user = await viewUser(services, ctx.organisationId, request.params.id);
      const values = (request.body ?? {}) as FormValues;
      const submitted = await submitForm(action, values, user, ctx);
      if (!submitted.ok) {
        const { status, errors } = submitted;
        return showUser(reply.status(status), FORM_PAGES[actionName], user, { errors, values });
      }
      return reply.redirect(
        actionName === "remove" ? "/admin/users?done=removed" : `/admin/users/${user.id}?done=${actionName}`,
        303,
      );
    },
  );
}
