import type { Queryable } from "./database.ts";

export interface StaffMailbox {
  name: string;
  email: string;
}

/**
 * The organisation's users with this name. Handlers are recorded on a complaint by name (a member of staff,
 * or someone else such as a contractor), so this is how a handler is found; case and spacing are ignored.
 */
export async function findUsersNamed(
  db: Queryable,
  organisationId: string,
  name: string,
): Promise<StaffMailbox[]> {
  const result = await db.query<StaffMailbox>(
    `SELECT name, email FROM users WHERE organisation_id = $1 AND lower(btrim(name)) = lower(btrim($2))
     ORDER BY email`,
    [organisationId, name],
  );
  return result.rows;
}

/** Every user of the organisation with the complaints-team role. */
export async function listComplaintsTeam(db: Queryable, organisationId: string): Promise<StaffMailbox[]> {
  const result = await db.query<StaffMailbox>(
    `SELECT name, email FROM users WHERE organisation_id = $1 AND role = 'complaints-team' ORDER BY name, email`,
    [organisationId],
  );
  return result.rows;
}

/** Who a complaint is with: the resident, and the representative acting for them if there is one. */
export interface ComplaintParties {
  resident: {
    name: string;
    email: string | null;
    address: string | null;
    postcode: string | null;
    contactPreferences: Record<string, unknown>;
  } | null;
  representative: { name: string; email: string | null } | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findComplaintParties(
  db: Queryable,
  organisationId: string,
  complaintId: string,
): Promise<ComplaintParties | null> {
  if (!UUID.test(complaintId)) return null;
  const result = await db.query<{
    rName: string | null;
    rEmail: string | null;
    address: string | null;
    postcode: string | null;
    prefs: Record<string, unknown> | null;
    repName: string | null;
    repEmail: string | null;
  }>(
    `SELECT r.name AS "rName", r.email AS "rEmail", r.address, r.postcode, r.contact_preferences AS prefs,
       p.name AS "repName", p.email AS "repEmail"
     FROM complaints c
     LEFT JOIN residents r ON r.organisation_id = c.organisation_id AND r.id = c.resident_id
     LEFT JOIN representatives p ON p.organisation_id = c.organisation_id AND p.id = c.representative_id
     WHERE c.organisation_id = $1 AND c.id = $2::uuid`,
    [organisationId, complaintId],
  );
  const row = result.rows[0];
  if (!row) return null;
  return {
    resident:
      row.rName === null
        ? null
        : {
            name: row.rName,
            email: row.rEmail,
            address: row.address,
            postcode: row.postcode,
            contactPreferences: row.prefs ?? {},
          },
    representative: row.repName === null ? null : { name: row.repName, email: row.repEmail },
  };
}
