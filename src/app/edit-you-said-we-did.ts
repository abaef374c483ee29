import { GovernanceRuleError } from "../domain/governance/governance-errors.ts";
import { findYouSaidWeDid, updateYouSaidWeDid } from "../store/you-said-we-did.ts";
import type { Actor, Services } from "./services.ts";
import { UnknownRecordError } from "./unknown-record.ts";

export interface EditYouSaidWeDidInput {
  organisationId: string;
  id: string;
  youSaid: string;
  weDid: string;
  themes: string[];
  changedOn?: string | undefined;
}

/**
 * Changes an entry's words. An approved entry goes back to a draft: what is published must always be what
 * someone approved.
 */
export async function editYouSaidWeDid(
  services: Services,
  input: EditYouSaidWeDidInput,
  actor: Actor,
): Promise<void> {
  await services.db.transaction(async (tx) => {
    const entry = await findYouSaidWeDid(tx, input.organisationId, input.id, true);
    if (!entry) throw new UnknownRecordError("entry");
    if (entry.status === "withdrawn") throw new GovernanceRuleError("ENTRY_WITHDRAWN");
    const { youSaid, weDid, themes } = input;
    await updateYouSaidWeDid(
      tx,
      input.organisationId,
      {
        ...entry,
        youSaid,
        weDid,
        themes,
        changedOn: input.changedOn ?? null,
        status: "draft",
        approvedBy: null,
        approvedAt: null,
      },
      actor,
      services.clock(),
    );
  });
}
