import { findYouSaidWeDid, updateYouSaidWeDid } from "../store/you-said-we-did.ts";
import type { Actor, Services } from "./services.ts";
import { UnknownRecordError } from "./unknown-record.ts";

/** Withdraws an entry: it leaves the published list (and is kept, with who withdrew it and when). */
export async function withdrawYouSaidWeDid(
  services: Services,
  input: { organisationId: string; id: string },
  actor: Actor,
): Promise<void> {
  await services.db.transaction(async (tx) => {
    const entry = await findYouSaidWeDid(tx, input.organisationId, input.id, true);
    if (!entry) throw new UnknownRecordError("entry");
    const withdrawn = { ...entry, status: "withdrawn" as const, approvedBy: null, approvedAt: null };
    await updateYouSaidWeDid(tx, input.organisationId, withdrawn, actor, services.clock());
  });
}
