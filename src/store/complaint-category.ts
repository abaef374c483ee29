import type { Queryable } from "./database.ts";

/**
 * Sets the category a complaint is filed under (damp and mould, repairs, anti-social behaviour ...), for
 * dashboards and reports. The category is a fact of the projection row, kept through rebuilds, not an event.
 */
export async function setComplaintCategory(
  tx: Queryable,
  organisationId: string,
  complaintId: string,
  category: string | null,
): Promise<void> {
  await tx.query(
    "UPDATE complaints SET category = $3, updated_at = now() WHERE organisation_id = $1 AND id = $2",
    [organisationId, complaintId, category],
  );
}
