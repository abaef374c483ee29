import { z } from "zod";
import { changeLetterAddress } from "../../app/change-letter-address.ts";
import { saveLetterTemplate } from "../../app/save-letter-template.ts";
import { LETTER_LAYOUTS } from "../../domain/letters/letter-layouts.ts";
import { checkLetterTemplate, letterTemplateSchema } from "../../domain/letters/letter-template.ts";
import { letterKindSchema, type LetterKind } from "../../domain/policy/schema.ts";
import { fieldOf, lines, listInput, type Action, type ActionContext, type FormValues } from "./action.ts";
import { paragraphsOf } from "./letter-actions.ts";

/** An administrator's change to the organisation's letters; the target is the kind of letter, where there is one. */
export type LetterTemplateAction<S extends z.ZodType = z.ZodType> = Action<
  LetterKind | null,
  ActionContext,
  S
>;
const templateAction = <S extends z.ZodType>(a: LetterTemplateAction<S>): LetterTemplateAction<S> => a;

/**
 * A kind and its wording, checked as a whole: every problem (an unknown placeholder, a section the Code
 * requires left empty) is reported at its own field, so the form shows them all at once.
 */
const templateInput = z
  .object({ kind: letterKindSchema, template: letterTemplateSchema })
  .superRefine((input, ctx) => {
    for (const problem of checkLetterTemplate(input.kind, input.template)) {
      ctx.addIssue({
        code: "custom",
        path: ["template", ...problem.field.split(".")],
        message: problem.message,
      });
    }
  });

/** The template form's field for a place in the template (`template.sections.ombudsman.heading`). */
export const templateField = (...path: string[]) => fieldOf(["template", ...path]);

/** The form's fields: a heading, paragraphs (a blank line between them) and, for lists, the words when empty. */
function templateFromForm(values: FormValues, kind: LetterKind | null) {
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const sections = Object.fromEntries(
    (kind ? LETTER_LAYOUTS[kind] : []).map((slot) => {
      const whenEmpty = values[templateField("sections", slot.id, "whenEmpty")];
      return [
        slot.id,
        {
          heading: text(templateField("sections", slot.id, "heading")).trim(),
          paragraphs: paragraphsOf(values[templateField("sections", slot.id, "paragraphs")]),
          ...(typeof whenEmpty === "string" ? { whenEmpty: paragraphsOf(whenEmpty) } : {}),
        },
      ];
    }),
  );
  return {
    ok: true as const,
    data: {
      kind,
      template: {
        salutation: text(templateField("salutation")).trim(),
        sections,
        closing: text(templateField("closing")).trim(),
        signOff: {
          name: text(templateField("signOff", "name")).trim(),
          role: text(templateField("signOff", "role")).trim(),
        },
      },
    },
  };
}

const ACTIONS = {
  save: templateAction({
    summary: "Save the organisation's wording for a kind of letter as a new version",
    permission: () => "administer",
    input: templateInput,
    fromForm: templateFromForm,
    run: (ctx, d) =>
      saveLetterTemplate(
        ctx.services,
        { organisationId: ctx.organisationId, kind: d.kind, template: d.template },
        ctx.actor,
      ),
  }),
  address: templateAction({
    summary: "Set the address printed at the top of the organisation's letters",
    permission: () => "administer",
    input: z.object({
      lines: listInput().pipe(
        z
          .array(z.string().max(200, "Each line must be 200 characters or fewer"))
          .max(8, "Use 8 lines or fewer"),
      ),
    }),
    fromForm: (values) => ({ ok: true, data: { lines: lines(values.lines) } }),
    run: (ctx, d) =>
      changeLetterAddress(ctx.services, { organisationId: ctx.organisationId, lines: d.lines }),
  }),
};

export const LETTER_TEMPLATE_ACTIONS: Record<"save" | "address", LetterTemplateAction> = ACTIONS;
