import type { FastifyInstance, FastifyReply } from "fastify";
import type { Services } from "../../app/services.ts";
import { viewCalendar } from "../../app/view-calendar.ts";
import type { FormValues } from "../actions/action.ts";
import { submitForm } from "../actions/submit-form.ts";
import { CALENDAR_ACTIONS, type CalendarAction } from "../actions/calendar-actions.ts";
import { requireUser } from "../session.ts";
import { adminContext } from "./admin-context.ts";

interface Shown {
  errors?: Record<string, string>;
  values?: FormValues;
  openAction?: string;
  done?: string;
}

async function showCalendar(services: Services, organisationId: string, reply: FastifyReply, shown: Shown) {
  const page = await viewCalendar(services, organisationId);
  return reply.page("admin/calendar.njk", { ...page, values: {}, ...shown });
}

/** The organisation's working calendar: closure days and bank-holiday corrections, and the record of changes. */
export async function registerCalendarAdminRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get("/admin/calendar", { preHandler: requireUser }, async (request, reply) => {
    const ctx = adminContext(services, request);
    const done = (request.query as { done?: string }).done;
    // Only a count is shown back, never other text from the address.
    return showCalendar(services, ctx.organisationId, reply, {
      ...(done && /^\d+$/.test(done) ? { done } : {}),
    });
  });

  app.post<{ Params: { action: string } }>(
    "/admin/calendar/:action",
    { preHandler: [app.csrfProtection, requireUser] },
    async (request, reply) => {
      const name = request.params.action;
      if (!Object.hasOwn(CALENDAR_ACTIONS, name)) return reply.callNotFound();
      const action: CalendarAction = CALENDAR_ACTIONS[name as keyof typeof CALENDAR_ACTIONS];
      const ctx = adminContext(services, request);
      const values = (request.body ?? {}) as FormValues;
      const show = (status: number, errors: Record<string, string>) =>
        showCalendar(services, ctx.organisationId, reply.status(status), {
          errors,
          values,
          openAction: name,
        });
      const submitted = await submitForm(action, values, null, ctx);
      if (!submitted.ok) return show(submitted.status, submitted.errors);
      return reply.redirect(`/admin/calendar?done=${submitted.result.complaintsRecomputed}`, 303);
    },
  );
}
