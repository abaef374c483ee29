import { z } from "zod";
import { editLetter } from "../../app/edit-letter.ts";
import { issueLetter } from "../../app/issue-letter.ts";
import { redraftLetter } from "../../app/redraft-letter.ts";
import type { LetterPage } from "../../app/view-letter.ts";
import { handlePermission } from "../../domain/access/permissions.ts";
import { lines, type Action, type ActionContext, type FormValues } from "./action.ts";

/** An action on one letter of a complaint: it runs with the complaint's reference and the letter's id. */
export interface LetterActionContext extends ActionContext {
  reference: string;
  letterId: string;
}

export type LetterAction<S extends z.ZodType = z.ZodType> = Action<LetterPage, LetterActionContext, S>;
const letterAction = <S extends z.ZodType>(a: LetterAction<S>): LetterAction<S> => a;

/** Who may change a complaint's letters: whoever may handle the stage the complaint is at now. */
const byStage = (page: LetterPage) => handlePermission(page.complaintStage);

const at = (ctx: LetterActionContext) => ({
  organisationId: ctx.organisationId,
  reference: ctx.reference,
  letterId: ctx.letterId,
});

const text = (max: number, what: string) =>
  z
    .string({ error: `Write ${what} as text` })
    .max(max, `${what[0]?.toUpperCase()}${what.slice(1)} must be ${max} characters or fewer`);

const sectionInput = z.object({
  id: z.string({ error: "Say which section" }).min(1, "Say which section").max(200),
  paragraphs: z.array(text(10_000, "each paragraph")).max(50, "A section can have at most 50 paragraphs"),
  items: z.array(text(2_000, "each list entry")).max(100, "A list can have at most 100 entries").optional(),
});

/** Paragraphs typed in a textarea: separated by a blank line; the lines of one paragraph run together. */
export function paragraphsOf(value: unknown): string[] {
  if (typeof value !== "string") return [];
  return value
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, " ").trim())
    .filter(Boolean);
}

/** The edit form's fields: `sections<i>Id`, `sections<i>Paragraphs`, `sections<i>Items`, `recipientAddressLines`. */
function editFromForm(values: FormValues, page: LetterPage) {
  const sections = page.letter.document.sections.flatMap((section, i) => {
    if (values[`sections${i}Id`] !== section.id) return [];
    const items = values[`sections${i}Items`];
    return [
      {
        id: section.id,
        paragraphs: paragraphsOf(values[`sections${i}Paragraphs`]),
        ...(typeof items === "string" ? { items: lines(items) } : {}),
      },
    ];
  });
  const address = values.recipientAddressLines;
  return {
    ok: true as const,
    data: { sections, ...(typeof address === "string" ? { recipientAddressLines: lines(address) } : {}) },
  };
}

const ACTIONS = {
  edit: letterAction({
    summary:
      "Change a draft letter's wording (section by section) and, if none is recorded, its postal address",
    permission: byStage,
    input: z.object({
      sections: z.array(sectionInput).max(200).default([]),
      recipientAddressLines: z
        .array(text(200, "each address line"))
        .max(10, "An address can have at most 10 lines")
        .optional(),
    }),
    fromForm: editFromForm,
    run: (ctx, d) =>
      editLetter(
        ctx.services,
        {
          ...at(ctx),
          edits: {
            sections: d.sections.map((s) => ({
              id: s.id,
              paragraphs: s.paragraphs,
              ...(s.items ? { items: s.items } : {}),
            })),
            ...(d.recipientAddressLines ? { recipientAddressLines: d.recipientAddressLines } : {}),
          },
        },
        ctx.actor,
      ),
  }),
  redraft: letterAction({
    summary:
      "Draft the letter again from the current template and the complaint as it is now (edits are replaced)",
    permission: byStage,
    input: z.object({}),
    run: (ctx) => redraftLetter(ctx.services, at(ctx), ctx.actor),
  }),
  issue: letterAction({
    summary: "Issue the letter: refused, naming what is missing, until it says everything the Code requires",
    permission: byStage,
    input: z.object({}),
    run: (ctx) => issueLetter(ctx.services, at(ctx), ctx.actor),
  }),
};

/**
 * What can be done to a letter, by the name used in both its page's form URLs
 * (`POST /complaints/{reference}/letters/{id}/{name}`) and the API (the same under /api/v1).
 */
export const LETTER_ACTIONS: Record<string, LetterAction> = ACTIONS;
