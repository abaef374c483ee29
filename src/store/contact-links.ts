import type { Queryable } from "./database.ts";

/** A complaint raised from a contact, as the contact page shows it. */
export interface ComplaintRaised {
  reference: string;
  stage: number;
  status: string;
  nextDue: string | null;
}

/** The organisation's complaints with these references (those raised from one contact). */
export async function findComplaintsByReference(
  tx: Queryable,
  organisationId: string,
  references: readonly string[],
): Promise<ComplaintRaised[]> {
  if (references.length === 0) return [];
  const result = await tx.query<ComplaintRaised>(
    `SELECT reference, stage, status, next_due AS "nextDue" FROM complaints
     WHERE organisation_id = $1 AND reference = ANY ($2::text[]) ORDER BY received_on, reference`,
    [organisationId, references],
  );
  return result.rows;
}
