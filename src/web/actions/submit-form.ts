import type { z } from "zod";
import { ruleBroken } from "../rule-errors.ts";
import { parseForm, type Action, type FormValues } from "./action.ts";

export type Submitted<R> =
  { ok: true; result: R } | { ok: false; status: 400 | 422; errors: Record<string, string> };

/**
 * A page's form through its action: read with the action's schema (400 and the fields' errors), then run (a
 * broken rule of the domain is 422, in words, at its field); anything else is thrown on to the error page.
 * `field` maps a domain field to the form's, where they differ.
 */
export async function submitForm<T, C, S extends z.ZodType, R>(
  action: Action<T, C, S, R>,
  values: FormValues,
  target: T,
  ctx: C,
  field: (domainField: string | undefined) => string = (f) => f ?? "form",
): Promise<Submitted<R>> {
  const parsed = parseForm(action, values, target);
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors };
  try {
    return { ok: true, result: await action.run(ctx, parsed.data, target) };
  } catch (error) {
    const rule = ruleBroken(error);
    if (!rule) throw error;
    return { ok: false, status: 422, errors: { [field(rule.field)]: rule.message } };
  }
}
