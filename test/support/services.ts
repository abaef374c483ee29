import { resolvePolicyPack } from "../../src/adapters/policy-files.ts";
import { addOrganisation } from "../../src/app/add-organisation.ts";
import type { Services } from "../../src/app/services.ts";
import type { Database } from "../../src/store/database.ts";

/** Services over a test database with a clock the test moves. */
export function testServices(
  db: Database,
  now = "2026-11-02T10:00:00Z",
): Services & { setNow(iso: string): void } {
  let current = new Date(now);
  return {
    db,
    clock: () => current,
    setNow(iso: string) {
      current = new Date(iso);
    },
  };
}

/** An organisation running a bundled pack (id defaults to the pack id). */
export async function anOrganisation(
  services: Services,
  packId = "hos-code-2024",
  id = packId,
): Promise<string> {
  await addOrganisation(services, {
    id,
    name: `Test landlord (${packId})`,
    pack: resolvePolicyPack(packId),
    homesLcra: 1000,
  });
  return id;
}
