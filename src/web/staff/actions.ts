import { z } from "zod";
import type { Services } from "../../app/services.ts";
import type { ComplaintPage } from "../../app/view-complaint.ts";
import type { Permission } from "../../domain/access/permissions.ts";

/** What an action's use case needs besides the form: who, where, and today's date. */
export interface ActionContext {
  services: Services;
  organisationId: string;
  reference: string;
  on: string;
  actor: string;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

/** One staff action: the permission it needs, how it reads its form, the use case it runs. */
export interface Action<T> {
  permission: (currentStage: 1 | 2) => Permission;
  parse: (values: Record<string, unknown>, page: ComplaintPage) => Parsed<T>;
  run: (ctx: ActionContext, data: T) => Promise<unknown>;
}

/** An action whose form type comes from its parser (so `run` gets the parsed data, typed). */
export const action = <T>(a: {
  permission: Action<T>["permission"];
  parse: Action<T>["parse"];
  run: (ctx: ActionContext, data: NoInfer<T>) => Promise<unknown>;
}): Action<T> => a;

/** A form read with a Zod schema; each problem is reported at its field, in the schema's words. */
export function fromSchema<S extends z.ZodType>(
  schema: S,
): (values: Record<string, unknown>) => Parsed<z.infer<S>> {
  return (values) => {
    const parsed = schema.safeParse(values);
    if (parsed.success) return { ok: true, data: parsed.data };
    return {
      ok: false,
      errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])),
    };
  };
}

export const base = (ctx: ActionContext) => ({
  organisationId: ctx.organisationId,
  reference: ctx.reference,
  on: ctx.on,
});

export const stageField = z.coerce.number().pipe(z.union([z.literal(1), z.literal(2)]));
export const requiredText = (message: string) => z.string({ error: message }).trim().min(1, message);
export const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** A textarea with one entry per line. */
export function lines(value: unknown): string[] {
  return typeof value === "string"
    ? value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
}

/** An action whose form is read with a Zod schema. */
export function schemaAction<S extends z.ZodType>(a: {
  permission: Action<z.infer<S>>["permission"];
  form: S;
  run: (ctx: ActionContext, data: z.infer<S>) => Promise<unknown>;
}): Action<z.infer<S>> {
  return { permission: a.permission, parse: fromSchema(a.form), run: a.run };
}
