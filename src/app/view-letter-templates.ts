import { DEFAULT_TEMPLATES_VERSION } from "../domain/letters/default-templates.ts";
import { LETTER_KIND_TITLES } from "../domain/letters/letter-layouts.ts";
import type { LetterTemplate } from "../domain/letters/letter-template.ts";
import { letterKindSchema, type LetterKind } from "../domain/policy/schema.ts";
import {
  findLetterAddress,
  latestTemplateVersions,
  listTemplateVersions,
  type TemplateVersionRow,
} from "../store/letter-templates.ts";
import { templateInUse, type TemplateInUse } from "./letter-case.ts";
import type { Services } from "./services.ts";

export interface TemplateSummary {
  kind: LetterKind;
  title: string;
  /** The organisation's latest version, or null while the bundled wording is used. */
  saved: Pick<TemplateVersionRow, "version" | "savedAt" | "savedBy"> | null;
}

/** Every kind of letter with the template in use for it, and the address on the organisation's letters. */
export async function viewLetterTemplates(
  services: Services,
  organisationId: string,
): Promise<{ templates: TemplateSummary[]; letterAddress: string[]; bundledVersion: number }> {
  const saved = new Map((await latestTemplateVersions(services.db, organisationId)).map((t) => [t.kind, t]));
  return {
    templates: letterKindSchema.options.map((kind) => {
      const s = saved.get(kind);
      return {
        kind,
        title: LETTER_KIND_TITLES[kind],
        saved: s ? { version: s.version, savedAt: s.savedAt, savedBy: s.savedBy } : null,
      };
    }),
    letterAddress: await findLetterAddress(services.db, organisationId),
    bundledVersion: DEFAULT_TEMPLATES_VERSION,
  };
}

/** One kind's template in use, with every version the organisation has saved (newest first). */
export async function viewLetterTemplate(
  services: Services,
  organisationId: string,
  kind: LetterKind,
): Promise<TemplateInUse & { versions: Omit<TemplateVersionRow, "content">[]; template: LetterTemplate }> {
  const inUse = await templateInUse(services.db, organisationId, kind);
  const versions = await listTemplateVersions(services.db, organisationId, kind);
  return { ...inUse, versions: versions.map(({ content: _content, ...v }) => v) };
}
