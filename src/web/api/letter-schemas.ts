import { z } from "zod";
import { letterKindSchema } from "../../domain/policy/schema.ts";
import type { LetterPage } from "../../app/view-letter.ts";
import type { LetterRow } from "../../store/letters.ts";
import { referenceParams } from "./schemas.ts";

/** The letters' API shapes: a letter in a list, and one letter with its document and checklist. */

export const letterParams = referenceParams.extend({
  id: z.string().min(1).max(100).meta({ description: "The letter's id (a UUID)" }),
});

const section = z.object({
  id: z
    .string()
    .meta({ description: "The content the section carries, e.g. definition, ombudsman, reason:<issue id>" }),
  heading: z.string(),
  paragraphs: z.array(z.string()),
  items: z.array(z.string()).optional(),
});

/** The LetterDocument: every word of the letter decided. */
export const letterDocumentResponse = z.object({
  kind: letterKindSchema,
  language: z.literal("en-GB"),
  title: z.string(),
  landlord: z.object({ name: z.string(), addressLines: z.array(z.string()) }),
  recipient: z.object({ name: z.string(), addressLines: z.array(z.string()) }),
  date: z.string(),
  reference: z.string(),
  salutation: z.string(),
  sections: z.array(section),
  signOff: z.object({ closing: z.string(), name: z.string(), role: z.string() }),
});

const format = z.enum(["email", "post", "large-print"]);

export const letterSummaryResponse = z.object({
  id: z.string(),
  reference: z.string(),
  kind: letterKindSchema,
  stage: z.union([z.literal(1), z.literal(2)]),
  status: z
    .enum(["draft", "issued"])
    .meta({ description: "A draft has not been sent: the resident has not been told" }),
  title: z.string(),
  template: z.object({ origin: z.enum(["bundled", "organisation"]), version: z.number().int() }),
  draftedAt: z.string(),
  draftedBy: z.string(),
  editedAt: z.string().nullable(),
  editedBy: z.string().nullable(),
  issuedAt: z.string().nullable(),
  issuedBy: z.string().nullable(),
  format: format
    .nullable()
    .meta({ description: "How an issued letter went (from the resident's contact preferences)" }),
});

const checklistItem = z.object({
  sectionId: z.string(),
  name: z.string(),
  code: z.string().meta({ description: "The Complaint Handling Code paragraph(s)" }),
  level: z.enum(["required", "recommended"]),
  met: z.boolean(),
});

export const letterResponse = letterSummaryResponse.extend({
  document: letterDocumentResponse,
  checklist: z.array(checklistItem),
  missing: z
    .array(checklistItem)
    .meta({ description: "Required content not there: issuing is refused until it is" }),
  policyMustContain: z.object({ items: z.array(z.string()), cite: z.string() }).nullable(),
  recipient: z
    .object({ name: z.string(), email: z.string().nullable(), addressLines: z.array(z.string()) })
    .nullable(),
});

export const letterListResponse = z.object({ items: z.array(letterSummaryResponse) });

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function letterSummaryJson(l: LetterRow) {
  return {
    id: l.id,
    reference: l.reference,
    kind: l.kind,
    stage: l.stage,
    status: l.status,
    title: l.document.title,
    template: { origin: l.templateOrigin, version: l.templateVersion },
    draftedAt: new Date(l.draftedAt).toISOString(),
    draftedBy: l.draftedBy,
    editedAt: iso(l.editedAt),
    editedBy: l.editedBy,
    issuedAt: iso(l.issuedAt),
    issuedBy: l.issuedBy,
    format: l.format,
  };
}

export function letterJson(page: LetterPage) {
  return {
    ...letterSummaryJson(page.letter),
    document: page.letter.document,
    checklist: page.checklist,
    missing: page.missing,
    policyMustContain: page.policyMustContain,
    recipient: page.letter.recipient,
  };
}
