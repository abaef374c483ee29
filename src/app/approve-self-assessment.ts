import { londonDateOf } from "../domain/calendar/day-number.ts";
import { checkAssessmentApproval } from "../domain/governance/self-assessment.ts";
import {
  listSelfAssessmentVersions,
  lockSelfAssessmentYear,
  recordSelfAssessmentApproval,
} from "../store/self-assessments.ts";
import type { Actor, Services } from "./services.ts";
import { UnknownRecordError } from "./unknown-record.ts";

/**
 * Records that the governing body reviewed and approved a version of the self-assessment (at least once a
 * year), on which day and which body; who recorded it is kept.
 */
export async function approveSelfAssessment(
  services: Services,
  input: { organisationId: string; year: number; version: number; approvedOn: string; body: string },
  actor: Actor,
): Promise<void> {
  const now = services.clock();
  await services.db.transaction(async (tx) => {
    await lockSelfAssessmentYear(tx, input.organisationId, input.year);
    const versions = await listSelfAssessmentVersions(tx, input.organisationId, input.year);
    const target = versions.find((v) => v.version === input.version);
    if (!target) throw new UnknownRecordError("self-assessment version");
    checkAssessmentApproval(target, versions[0]?.version ?? 0, input.approvedOn, londonDateOf(now));
    await recordSelfAssessmentApproval(tx, input.organisationId, input, input, actor, now);
  });
}
