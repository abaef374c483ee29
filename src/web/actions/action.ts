import { z } from "zod";
import type { Services } from "../../app/services.ts";
import type { Permission } from "../../domain/access/permissions.ts";
import { isLocalDate } from "../../domain/calendar/day-number.ts";

/**
 * An action is one thing staff (or a system, through the API) can do, defined once: the permission it
 * needs, the JSON shape of its input as a Zod schema, and the use case it runs. The API validates request
 * bodies with `input` and documents it in OpenAPI; a page's form is turned into the same shape (`fromForm`)
 * and validated by the same schema, so a form and an API call can never accept different things.
 */
export interface Action<Target, Ctx, S extends z.ZodType = z.ZodType, Result = unknown> {
  /** What it does, in a few words: the OpenAPI summary. */
  summary: string;
  permission: (target: Target) => Permission;
  input: S;
  /** Turns a page's form fields into the input shape; without it the form's fields are the input. */
  fromForm?: (values: FormValues, target: Target) => Parsed<unknown>;
  run: (ctx: Ctx, data: z.output<S>, target: Target) => Promise<Result>;
}

export type FormValues = Record<string, unknown>;

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

/** What an action's use case needs besides its input: who, where, and today's date. */
export interface ActionContext {
  services: Services;
  organisationId: string;
  on: string;
  actor: string;
}

/**
 * The form field for a place in the input: its path joined in camelCase, so `resident.name` is the field
 * `residentName` and the GOV.UK error summary links to it.
 */
export function fieldOf(path: readonly PropertyKey[]): string {
  const [first, ...rest] = path.map(String);
  if (first === undefined) return "form";
  return first + rest.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("");
}

/** Every problem Zod found, at its field (the first message for each). */
export function errorsOf(error: z.ZodError, field = fieldOf): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = field(issue.path);
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Reads a form into an action's input: through `fromForm` when it has one, then always its schema. */
export function parseForm<T, C, S extends z.ZodType, R>(
  action: Action<T, C, S, R>,
  values: FormValues,
  target: T,
): Parsed<z.output<S>> {
  const shaped = action.fromForm ? action.fromForm(values, target) : { ok: true as const, data: values };
  if (!shaped.ok) return shaped;
  const parsed = action.input.safeParse(shaped.data);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: errorsOf(parsed.error) };
}

// Field types shared by the actions' schemas. Forms send strings; JSON may send numbers and booleans.

export const stageInput = z.coerce
  .number({ error: "Say which stage: 1 or 2" })
  .pipe(z.union([z.literal(1), z.literal(2)], { error: "Say which stage: 1 or 2" }));

export const requiredText = (message: string) => z.string({ error: message }).trim().min(1, message);

/** Optional text: an empty form field means "not given". */
export const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

export const dateInput = (message: string) =>
  z.string({ error: message }).trim().refine(isLocalDate, message);

export const optionalDate = (message: string) =>
  optionalText.refine((v) => v === undefined || isLocalDate(v), message);

/** A yes/no question: JSON true/false, or a form's "yes" / "no" (an unticked box sends nothing). */
export const yesNo = (message: string) =>
  z.preprocess(
    (v) => (v === "yes" || v === "true" ? true : v === "no" || v === "false" ? false : v),
    z.boolean({ error: message }),
  );

/** A list: a JSON array, or a textarea with one entry per line. */
export const listInput = (message?: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? lines(v) : v),
    message ? z.array(z.string().trim().min(1)).min(1, message) : z.array(z.string().trim().min(1)),
  );

/** A textarea with one entry per line. */
export function lines(value: unknown): string[] {
  return typeof value === "string"
    ? value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
}

/** A text form field, trimmed ("" when absent). */
export const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");
