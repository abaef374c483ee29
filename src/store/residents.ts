import type { Queryable } from "./database.ts";

export interface NewResident {
  organisationId: string;
  id: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  postcode?: string | null;
  contactPreferences?: Record<string, unknown>;
  adjustments?: unknown[];
  vulnerabilities?: unknown[];
}

export interface NewRepresentative {
  organisationId: string;
  id: string;
  residentId: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  relationship?: string | null;
  authority: string;
  authorityGivenOn?: string | null;
  authorityEvidence?: string | null;
}

export async function insertResident(tx: Queryable, r: NewResident): Promise<void> {
  await tx.query(
    `INSERT INTO residents (organisation_id, id, name, email, phone, address, postcode, contact_preferences, adjustments, vulnerabilities)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      r.organisationId,
      r.id,
      r.name,
      r.email ?? null,
      r.phone ?? null,
      r.address ?? null,
      r.postcode ?? null,
      JSON.stringify(r.contactPreferences ?? {}),
      JSON.stringify(r.adjustments ?? []),
      JSON.stringify(r.vulnerabilities ?? []),
    ],
  );
}

export async function insertRepresentative(tx: Queryable, r: NewRepresentative): Promise<void> {
  await tx.query(
    `INSERT INTO representatives (organisation_id, id, resident_id, name, email, phone, relationship, authority,
       authority_given_on, authority_evidence)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      r.organisationId,
      r.id,
      r.residentId,
      r.name,
      r.email ?? null,
      r.phone ?? null,
      r.relationship ?? null,
      r.authority,
      r.authorityGivenOn ?? null,
      r.authorityEvidence ?? null,
    ],
  );
}

export interface ResidentRow {
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  postcode: string | null;
  contactPreferences: Record<string, unknown>;
  adjustments: unknown[];
  vulnerabilities: unknown[];
}

export interface RepresentativeRow {
  name: string;
  email: string | null;
  phone: string | null;
  relationship: string | null;
  authority: string;
  authorityGivenOn: string | null;
  authorityEvidence: string | null;
}

export async function findResident(
  tx: Queryable,
  organisationId: string,
  id: string,
): Promise<ResidentRow | null> {
  const result = await tx.query<ResidentRow>(
    `SELECT name, email, phone, address, postcode, contact_preferences AS "contactPreferences", adjustments, vulnerabilities
     FROM residents WHERE organisation_id = $1 AND id = $2`,
    [organisationId, id],
  );
  return result.rows[0] ?? null;
}

export async function findRepresentative(
  tx: Queryable,
  organisationId: string,
  id: string,
): Promise<RepresentativeRow | null> {
  const result = await tx.query<RepresentativeRow>(
    `SELECT name, email, phone, relationship, authority, authority_given_on AS "authorityGivenOn",
       authority_evidence AS "authorityEvidence"
     FROM representatives WHERE organisation_id = $1 AND id = $2`,
    [organisationId, id],
  );
  return result.rows[0] ?? null;
}
