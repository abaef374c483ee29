import { updateLetterAddress } from "../store/letter-templates.ts";
import { requireOrganisation } from "./complaint-context.ts";
import type { Services } from "./services.ts";

/** The address printed at the top of the organisation's letters, one line per entry (new drafts use it). */
export async function changeLetterAddress(
  services: Services,
  input: { organisationId: string; lines: string[] },
): Promise<void> {
  await services.db.transaction(async (tx) => {
    await requireOrganisation(tx, input.organisationId);
    await updateLetterAddress(tx, input.organisationId, input.lines.map((l) => l.trim()).filter(Boolean));
  });
}
