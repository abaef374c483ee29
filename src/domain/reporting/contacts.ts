import type { ContactKind } from "../contact/contact.ts";
import { breakdown, share, type Breakdown } from "./figures.ts";
import { within, type ReportingPeriod } from "./reporting-year.ts";
import type { Measure } from "./tsm.ts";

/** What reports need of a contact (a row of `contacts`): its references are contact ids. */
export interface ContactFacts {
  id: string;
  kind: ContactKind;
  loggedOn: string;
  /** The complaints raised from it. */
  complaintReferences: string[];
}

/**
 * Contacts logged in the period (by the day logged), by kind — complaints, service requests, feedback and
 * compliments (Code 1.4: every one is recorded) — and, of the service requests logged in the period, the share
 * from which a complaint has been raised (so far: a recent period's share can still rise).
 */
export interface ContactMeasures {
  byKind: Breakdown;
  serviceRequestsBecameComplaints: Measure;
}

export const CONTACT_KINDS: readonly ContactKind[] = [
  "complaint",
  "service-request",
  "feedback",
  "compliment",
];

export interface ContactsSelection {
  byKind: Map<string, string[]>;
  /** Service requests logged in the period with a complaint raised from them. */
  serviceRequestsRaised: string[];
}

export function contactMeasures(s: ContactsSelection): ContactMeasures {
  return {
    byKind: breakdown(s.byKind, CONTACT_KINDS),
    serviceRequestsBecameComplaints: share(s.serviceRequestsRaised, s.byKind.get("service-request") ?? []),
  };
}

export function selectContacts(
  contacts: readonly ContactFacts[],
  period: ReportingPeriod,
): ContactsSelection {
  const logged = contacts.filter((c) => within(c.loggedOn, period));
  const byKind = new Map<string, string[]>();
  for (const c of logged) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c.id]);
  return {
    byKind,
    serviceRequestsRaised: logged
      .filter((c) => c.kind === "service-request" && c.complaintReferences.length > 0)
      .map((c) => c.id),
  };
}
