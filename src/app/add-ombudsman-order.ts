import { randomUUID } from "node:crypto";
import { checkOrder, type OmbudsmanOrder } from "../domain/governance/ombudsman.ts";
import { insertOmbudsmanOrder, listOmbudsmanCases } from "../store/ombudsman.ts";
import type { Actor, Services } from "./services.ts";
import { UnknownRecordError } from "./unknown-record.ts";

/** Adds an order (always with a date to comply by) or a recommendation to an Ombudsman case. */
export async function addOmbudsmanOrder(
  services: Services,
  input: {
    organisationId: string;
    caseId: string;
    kind: OmbudsmanOrder["kind"];
    description: string;
    dueOn?: string | undefined;
  },
  actor: Actor,
): Promise<{ id: string }> {
  const id = randomUUID();
  await services.db.transaction(async (tx) => {
    const [found] = await listOmbudsmanCases(tx, input.organisationId, input.caseId);
    if (!found) throw new UnknownRecordError("Ombudsman case");
    const order = {
      id,
      kind: input.kind,
      description: input.description,
      dueOn: input.dueOn ?? null,
      compliedOn: null,
    };
    checkOrder(order, found.decidedOn);
    await insertOmbudsmanOrder(tx, input.organisationId, found.id, order, actor, services.clock());
  });
  return { id };
}
