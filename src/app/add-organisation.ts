import type { ClosureDay } from "../domain/calendar/working-calendar.ts";
import type { PolicyPack } from "../domain/policy/schema.ts";
import { insertOrganisation, storePackVersion } from "../store/organisations.ts";
import type { Services } from "./services.ts";

export interface AddOrganisationInput {
  id: string;
  name: string;
  pack: PolicyPack;
  /** Low-cost rental homes (TSM CH01's LCRA denominator) and, optionally, low-cost home ownership (LCHO). */
  homesLcra: number;
  homesLcho?: number;
  /** Defaults to the id in capitals without hyphens, e.g. BCHG. */
  referencePrefix?: string;
  closures?: ClosureDay[];
}

/** Adds a landlord with the pack version it runs under (the pack's content is stored with it). */
export async function addOrganisation(services: Services, input: AddOrganisationInput): Promise<void> {
  const prefix = input.referencePrefix ?? input.id.replace(/-/g, "").toUpperCase().slice(0, 12);
  await services.db.transaction(async (tx) => {
    await storePackVersion(tx, input.pack);
    await insertOrganisation(tx, {
      id: input.id,
      name: input.name,
      referencePrefix: prefix,
      packId: input.pack.id,
      packVersion: input.pack.version,
      homesLcra: input.homesLcra,
      homesLcho: input.homesLcho ?? 0,
      closures: input.closures ?? [],
    });
  });
}
