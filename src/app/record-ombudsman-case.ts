import { randomUUID } from "node:crypto";
import { londonDateOf } from "../domain/calendar/day-number.ts";
import { GovernanceRuleError } from "../domain/governance/governance-errors.ts";
import {
  checkOmbudsmanCase,
  type ElementFinding,
  type OmbudsmanCaseKind,
} from "../domain/governance/ombudsman.ts";
import { findComplaintIdentity } from "../store/complaints.ts";
import { DuplicateOmbudsmanReferenceError, insertOmbudsmanCase } from "../store/ombudsman.ts";
import type { Actor, Services } from "./services.ts";

export interface RecordOmbudsmanCaseInput {
  organisationId: string;
  kind: OmbudsmanCaseKind;
  hosReference: string;
  /** The Redress complaint it concerns, if any. */
  complaintReference?: string | undefined;
  decidedOn: string;
  summary?: string | undefined;
  findings: ElementFinding[];
}

/**
 * Records a Housing Ombudsman determination against the landlord (a finding per element) or a Complaint
 * Handling Failure Order. Orders and recommendations are added to it after.
 */
export async function recordOmbudsmanCase(
  services: Services,
  input: RecordOmbudsmanCaseInput,
  actor: Actor,
): Promise<{ id: string }> {
  const now = services.clock();
  checkOmbudsmanCase(input, londonDateOf(now));
  const id = randomUUID();
  await services.db.transaction(async (tx) => {
    let complaintId: string | null = null;
    if (input.complaintReference) {
      const complaint = await findComplaintIdentity(tx, input.organisationId, input.complaintReference);
      if (!complaint) throw new GovernanceRuleError("UNKNOWN_COMPLAINT_REFERENCE", "complaintReference");
      complaintId = complaint.id;
    }
    try {
      await insertOmbudsmanCase(
        tx,
        input.organisationId,
        {
          id,
          kind: input.kind,
          hosReference: input.hosReference,
          complaintId,
          decidedOn: input.decidedOn,
          summary: input.summary ?? null,
          findings: input.kind === "determination" ? input.findings : [],
        },
        actor,
        now,
      );
    } catch (error) {
      if (error instanceof DuplicateOmbudsmanReferenceError)
        throw new GovernanceRuleError("DUPLICATE_OMBUDSMAN_REFERENCE", "hosReference");
      throw error;
    }
  });
  return { id };
}
