import { londonDateOf } from "../domain/calendar/day-number.ts";
import { checkApproval } from "../domain/governance/you-said-we-did.ts";
import { personalDetailsIn } from "../store/personal-details.ts";
import { findYouSaidWeDid, updateYouSaidWeDid } from "../store/you-said-we-did.ts";
import type { Actor, Services } from "./services.ts";
import { UnknownRecordError } from "./unknown-record.ts";

/**
 * Approves an entry for publication, recording who and when. Refused while its words carry a resident's
 * details: those of any resident or representative of the organisation, a complaint reference, or anything
 * shaped like an email, a phone number, a postcode, a titled name or a house and street.
 */
export async function approveYouSaidWeDid(
  services: Services,
  input: { organisationId: string; id: string },
  actor: Actor,
): Promise<void> {
  const now = services.clock();
  await services.db.transaction(async (tx) => {
    const entry = await findYouSaidWeDid(tx, input.organisationId, input.id, true);
    if (!entry) throw new UnknownRecordError("entry");
    const known = await personalDetailsIn(tx, input.organisationId, `${entry.youSaid}\n${entry.weDid}`);
    checkApproval(entry, known, londonDateOf(now));
    await updateYouSaidWeDid(
      tx,
      input.organisationId,
      { ...entry, status: "approved", approvedBy: actor, approvedAt: now },
      actor,
      now,
    );
  });
}
