import { TemplateInvalidError } from "../domain/letters/letter-errors.ts";
import { checkLetterTemplate, type LetterTemplate } from "../domain/letters/letter-template.ts";
import type { LetterKind } from "../domain/policy/schema.ts";
import { insertTemplateVersion, latestTemplateVersion } from "../store/letter-templates.ts";
import { requireOrganisation } from "./complaint-context.ts";
import type { Actor, Services } from "./services.ts";

/**
 * Saves an organisation's wording for a kind of letter as a new version; earlier versions are kept, since
 * issued letters name the version they came from. Refused, with every problem in words, when it uses a
 * placeholder Redress does not know or leaves out something the Code requires.
 */
export async function saveLetterTemplate(
  services: Services,
  input: { organisationId: string; kind: LetterKind; template: LetterTemplate },
  actor: Actor,
): Promise<{ version: number }> {
  const problems = checkLetterTemplate(input.kind, input.template);
  if (problems.length > 0) throw new TemplateInvalidError(problems);
  return services.db.transaction(async (tx) => {
    await requireOrganisation(tx, input.organisationId);
    const latest = await latestTemplateVersion(tx, input.organisationId, input.kind);
    const version = await insertTemplateVersion(tx, {
      organisationId: input.organisationId,
      kind: input.kind,
      content: input.template,
      savedAt: services.clock(),
      savedBy: actor,
      after: latest?.version ?? 0,
    });
    return { version };
  });
}
