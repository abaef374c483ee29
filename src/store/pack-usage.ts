import type { Queryable } from "./database.ts";

export interface PackVersionUsage {
  packId: string;
  packVersion: string;
  /** Complaints still running (not closed, refused or withdrawn) that are pinned to this version. */
  running: number;
}

/** How many running complaints of an organisation are pinned to each policy pack version. */
export async function countRunningComplaintsByPackVersion(
  tx: Queryable,
  organisationId: string,
): Promise<PackVersionUsage[]> {
  const result = await tx.query<PackVersionUsage>(
    `SELECT pack_id AS "packId", pack_version AS "packVersion", count(*)::int AS running
     FROM complaints
     WHERE organisation_id = $1 AND status NOT IN ('closed', 'refused', 'withdrawn')
     GROUP BY pack_id, pack_version
     ORDER BY pack_id, pack_version`,
    [organisationId],
  );
  return result.rows;
}
