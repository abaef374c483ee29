import type { z } from "zod";
import type { ComplaintPage } from "../../app/view-complaint.ts";
import type { Action, ActionContext } from "./action.ts";

/** An action on one complaint: it runs with the complaint's reference and sees the complaint as it is. */
export interface ComplaintActionContext extends ActionContext {
  reference: string;
}

export type ComplaintAction<S extends z.ZodType = z.ZodType> = Action<
  ComplaintPage,
  ComplaintActionContext,
  S
>;

/** Keeps each action's schema type, so `run` gets its parsed input typed. */
export const complaintAction = <S extends z.ZodType>(a: ComplaintAction<S>): ComplaintAction<S> => a;

/** The organisation, complaint and date every complaint use case takes. */
export const base = (ctx: ComplaintActionContext) => ({
  organisationId: ctx.organisationId,
  reference: ctx.reference,
  on: ctx.on,
});

/** The stage the complaint is at now (the stage an action on it is about, unless it says otherwise). */
export const currentStage = (page: ComplaintPage): 1 | 2 => page.complaint.stage ?? 1;

/** Drops keys whose value is undefined, for use-case inputs with optional fields. */
export function defined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
