import { selfAssessmentProvisions } from "../adapters/self-assessment-file.ts";
import { GovernanceRuleError } from "../domain/governance/governance-errors.ts";
import { checkBasedOnLatest, saveSection, type Answer } from "../domain/governance/self-assessment.ts";
import { provisionsName } from "../domain/governance/self-assessment-provisions.ts";
import {
  insertSelfAssessmentVersion,
  listSelfAssessmentVersions,
  lockSelfAssessmentYear,
  VersionTakenError,
} from "../store/self-assessments.ts";
import { gatherAssessmentEvidence } from "./gather-assessment-evidence.ts";
import type { Actor, Services } from "./services.ts";
import { UnknownRecordError } from "./unknown-record.ts";

export interface SaveSelfAssessmentSectionInput {
  organisationId: string;
  /** The reporting year (1 April of `year` to 31 March). */
  year: number;
  /** The version the officer started from (0 for the first): a newer one saved meanwhile is not overwritten. */
  basedOnVersion: number;
  section: number;
  answers: Record<string, Partial<Answer>>;
}

/**
 * Saves one section of a year's self-assessment as a new version (the earlier versions are kept), with the
 * evidence Redress showed. Completed by the complaints officer.
 */
export async function saveSelfAssessmentSection(
  services: Services,
  input: SaveSelfAssessmentSectionInput,
  actor: Actor,
): Promise<{ version: number }> {
  const provisions = selfAssessmentProvisions();
  const section = provisions.sections.find((s) => s.number === input.section);
  if (!section) throw new UnknownRecordError("section of the self-assessment");
  const evidence = await gatherAssessmentEvidence(services, input.organisationId, input.year);
  try {
    return await services.db.transaction(async (tx) => {
      await lockSelfAssessmentYear(tx, input.organisationId, input.year);
      const [latest] = await listSelfAssessmentVersions(tx, input.organisationId, input.year);
      checkBasedOnLatest(latest?.version ?? 0, input.basedOnVersion);
      const answers = saveSection(
        provisions,
        latest?.answers ?? {},
        section.number,
        input.answers,
        evidence.prefill,
      );
      const version = (latest?.version ?? 0) + 1;
      await insertSelfAssessmentVersion(
        tx,
        input.organisationId,
        {
          year: input.year,
          version,
          provisions: provisionsName(provisions),
          answers,
          prefilled: evidence.prefill,
          change: `Section ${section.number}: ${section.title}`,
        },
        actor,
        services.clock(),
      );
      return { version };
    });
  } catch (error) {
    if (error instanceof VersionTakenError) throw new GovernanceRuleError("NEWER_VERSION_SAVED");
    throw error;
  }
}
