import { londonDateOf } from "../domain/calendar/day-number.ts";
import { checkCompliance } from "../domain/governance/ombudsman.ts";
import { listOmbudsmanCases, lockOmbudsmanCase, recordOrderComplied } from "../store/ombudsman.ts";
import type { Actor, Services } from "./services.ts";
import { UnknownRecordError } from "./unknown-record.ts";

/** Records that the landlord complied with an Ombudsman order or recommendation, and when. */
export async function recordOrderCompliance(
  services: Services,
  input: {
    organisationId: string;
    caseId: string;
    orderId: string;
    compliedOn: string;
    note?: string | undefined;
  },
  actor: Actor,
): Promise<void> {
  await services.db.transaction(async (tx) => {
    await lockOmbudsmanCase(tx, input.organisationId, input.caseId);
    const [found] = await listOmbudsmanCases(tx, input.organisationId, input.caseId);
    const order = found?.orders.find((o) => o.id === input.orderId);
    if (!found || !order) throw new UnknownRecordError("Ombudsman order");
    checkCompliance(order, input.compliedOn, found.decidedOn, londonDateOf(services.clock()));
    await recordOrderComplied(
      tx,
      input.organisationId,
      order.id,
      input.compliedOn,
      input.note ?? null,
      actor,
    );
  });
}
