import { z } from "zod";
import {
  changeCalendar,
  type CalendarChangeResult,
  type ChangeCalendarInput,
} from "../../app/change-calendar.ts";
import { dateInput, requiredText, type Action, type ActionContext } from "./action.ts";

export type CalendarAction<S extends z.ZodType = z.ZodType> = Action<
  null,
  ActionContext,
  S,
  CalendarChangeResult
>;
const calendarAction = <S extends z.ZodType>(a: CalendarAction<S>): CalendarAction<S> => a;

const change = (ctx: ActionContext, input: Omit<ChangeCalendarInput, "organisationId">) =>
  changeCalendar(ctx.services, { organisationId: ctx.organisationId, ...input }, ctx.actor);

const date = dateInput("Enter a real date, like 2026-12-29");

/**
 * Changes to an organisation's working calendar, by the name used in the form URLs
 * (`POST /admin/calendar/{name}`). Each runs the one calendar-change use case (as `redress org calendar`
 * does): every complaint's dates are recomputed and the change is recorded.
 */
export const CALENDAR_ACTIONS = {
  close: calendarAction({
    summary:
      "Declare a closure day: it moves the landlord's own targets only (the Code does not provide for closures)",
    permission: () => "administer",
    input: z.object({ date, reason: requiredText("Say why the office is closed") }),
    run: (ctx, d) => change(ctx, { declare: [{ date: d.date, reason: d.reason }] }),
  }),
  reopen: calendarAction({
    summary: "Remove a declared closure day",
    permission: () => "administer",
    input: z.object({ date }),
    run: (ctx, d) => change(ctx, { remove: [d.date] }),
  }),
  "add-bank-holiday": calendarAction({
    summary: "Add a bank holiday the bundled GOV.UK list does not have yet (it moves the Code's limits too)",
    permission: () => "administer",
    input: z.object({ date, name: requiredText("Enter the bank holiday's name") }),
    run: (ctx, d) => change(ctx, { addBankHolidays: [{ date: d.date, name: d.name }] }),
  }),
  "remove-bank-holiday": calendarAction({
    summary: "Remove a listed bank holiday that is not one (moved by proclamation)",
    permission: () => "administer",
    input: z.object({ date }),
    run: (ctx, d) => change(ctx, { removeBankHolidays: [d.date] }),
  }),
};
