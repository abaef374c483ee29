import type { ContactFacts, ContactsSelection } from "../domain/reporting/contacts.ts";
import type { ReportingPeriod } from "../domain/reporting/reporting-year.ts";
import type { Queryable } from "./database.ts";
import { periodParams, refs } from "./report-sql.ts";

/**
 * The SQL twin of `selectContacts` (src/domain/reporting/contacts.ts): contacts logged in the period by kind,
 * and the service requests among them with a complaint raised from them. References are contact ids.
 */
export async function contactsSelection(
  tx: Queryable,
  input: { organisationId: string; period: ReportingPeriod },
): Promise<ContactsSelection> {
  const result = await tx.query<{ kind: string; ids: unknown; raised: unknown }>(
    `SELECT kind, array_agg(id::text) AS ids,
       array_agg(id::text) FILTER (WHERE cardinality(complaint_refs) > 0) AS raised
     FROM contacts WHERE organisation_id = $1 AND logged_on BETWEEN $2::date AND $3::date
     GROUP BY kind`,
    periodParams(input.organisationId, input.period),
  );
  return {
    byKind: new Map(result.rows.map((r) => [r.kind, refs(r.ids)])),
    serviceRequestsRaised: refs(result.rows.find((r) => r.kind === "service-request")?.raised),
  };
}

/** An organisation's contacts as the domain's definitions read them (the twin's reference input). */
export async function loadContactFacts(tx: Queryable, organisationId: string): Promise<ContactFacts[]> {
  const result = await tx.query<{
    id: string;
    kind: ContactFacts["kind"];
    logged_on: string;
    complaint_refs: string[];
  }>(
    `SELECT id::text AS id, kind, logged_on, complaint_refs FROM contacts WHERE organisation_id = $1 ORDER BY id`,
    [organisationId],
  );
  return result.rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    loggedOn: r.logged_on,
    complaintReferences: r.complaint_refs,
  }));
}
