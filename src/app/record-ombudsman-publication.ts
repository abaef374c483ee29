import { randomUUID } from "node:crypto";
import { londonDateOf } from "../domain/calendar/day-number.ts";
import type { OmbudsmanPublication } from "../domain/governance/annual-report.ts";
import { GovernanceRuleError } from "../domain/governance/governance-errors.ts";
import { insertOmbudsmanPublication } from "../store/ombudsman.ts";
import type { Actor, Services } from "./services.ts";

/** Records the Ombudsman's annual letter about the landlord, or another report or publication about it (8.1 e, f). */
export async function recordOmbudsmanPublication(
  services: Services,
  input: { organisationId: string } & OmbudsmanPublication,
  actor: Actor,
): Promise<{ id: string }> {
  const now = services.clock();
  if (input.publishedOn > londonDateOf(now)) throw new GovernanceRuleError("DATE_IN_FUTURE", "publishedOn");
  const id = randomUUID();
  const { organisationId, ...publication } = input;
  await services.db.transaction((tx) =>
    insertOmbudsmanPublication(tx, organisationId, { id, ...publication }, actor, now),
  );
  return { id };
}
