import { z } from "zod";

/**
 * The rows of the Code self-assessment (the Code's Appendix A form), read from a data file
 * (data/code-2024-self-assessment.yaml): each provision with its requirement paraphrased, how sure the team's
 * checklist is of it (V confirmed, C content confirmed, U not confirmed) and what Redress can show for it.
 */
const evidenceHook = z
  .string()
  .regex(/^(pack|tsm|letters|redress|governance):[a-z0-9-]+$/, "source:name, like pack:stages");

export const provisionSchema = z
  .object({
    /** Unique within the file: the paragraph, with a letter where one paragraph has two rows ("1.3a"). */
    id: z.string().regex(/^[0-9]\.[0-9]{1,2}[a-z]?(-[a-z]+)?$/),
    section: z.number().int().min(1).max(9),
    /** The Code paragraphs the row answers, which the Code linter's findings are matched against. */
    paragraphs: z.array(z.string().regex(/^[0-9]\.[0-9]{1,2}$/)).min(1),
    requirement: z.string().min(1),
    certainty: z.enum(["V", "C", "U"]),
    /** What is uncertain about the row (an unconfirmed paragraph number, wording cut off in the source). */
    note: z.string().min(1).optional(),
    evidence: z.array(evidenceHook),
  })
  .strict();
export type Provision = z.infer<typeof provisionSchema>;

export const provisionsSchema = z
  .object({
    id: z.string().min(1),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    title: z.string().min(1),
    notes: z.array(z.string().min(1)),
    sections: z.array(
      z.object({ number: z.number().int().min(1).max(9), title: z.string().min(1) }).strict(),
    ),
    rows: z.array(provisionSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.rows.forEach((row, i) => {
      if (seen.has(row.id))
        ctx.addIssue({ code: "custom", path: ["rows", i, "id"], message: `"${row.id}" twice` });
      seen.add(row.id);
      if (!file.sections.some((s) => s.number === row.section))
        ctx.addIssue({ code: "custom", path: ["rows", i, "section"], message: "no such section" });
    });
  });
export type Provisions = z.infer<typeof provisionsSchema>;

/** The file's name for its rows, stored with each self-assessment version ("code-2024@1.0.0"). */
export const provisionsName = (p: Pick<Provisions, "id" | "version">) => `${p.id}@${p.version}`;

/** Reads the rows, listing every problem with its place. */
export function parseProvisions(raw: unknown): Provisions {
  const parsed = provisionsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  throw new Error(`The self-assessment rows are not valid: ${problems}`);
}
