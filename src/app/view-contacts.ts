import type { ContactKind } from "../domain/contact/contact.ts";
import { countContacts, listContacts, type ContactListRow } from "../store/contact-list.ts";
import type { Services } from "./services.ts";

export const CONTACTS_PER_PAGE = 25;

/** Open means not yet closed: still being dealt with, resolved early but not closed, or awaiting a complaint. */
export type ContactStatusFilter = "open" | "closed" | "all";

export interface ContactsPage {
  rows: ContactListRow[];
  /** How many contacts match the filters, over every page. */
  total: number;
  page: number;
  pages: number;
  /** How many contacts of each kind have the chosen status, and of the chosen kind have each status. */
  counts: {
    kinds: Record<ContactKind | "all", number>;
    statuses: Record<ContactStatusFilter, number>;
  };
}

/**
 * An organisation's contacts for the contacts page, filtered by kind and status, a page at a time, with the
 * counts for each filter (Code 1.4: service requests, feedback and compliments are recorded and monitored).
 */
export async function viewContacts(
  services: Services,
  input: { organisationId: string; kind?: ContactKind; status: ContactStatusFilter; page: number },
): Promise<ContactsPage> {
  const status = { open: "not-closed", closed: "closed", all: undefined }[input.status];
  const totals = await countContacts(services.db, input.organisationId);
  const sum = (kind: ContactKind | undefined, wanted: ContactStatusFilter) =>
    totals
      .filter(
        (t) =>
          (kind === undefined || t.kind === kind) && (wanted === "all" || t.closed === (wanted === "closed")),
      )
      .reduce((n, t) => n + t.count, 0);
  const kinds = ["service-request", "complaint", "feedback", "compliment"] as const;
  const counts = {
    kinds: {
      all: sum(undefined, input.status),
      ...Object.fromEntries(kinds.map((k) => [k, sum(k, input.status)])),
    } as Record<ContactKind | "all", number>,
    statuses: {
      open: sum(input.kind, "open"),
      closed: sum(input.kind, "closed"),
      all: sum(input.kind, "all"),
    },
  };
  const total = sum(input.kind, input.status);
  const pages = Math.max(1, Math.ceil(total / CONTACTS_PER_PAGE));
  const page = Math.min(Math.max(1, input.page), pages);
  const { rows } = await listContacts(services.db, {
    organisationId: input.organisationId,
    ...(input.kind ? { kind: input.kind } : {}),
    ...(status ? { status } : {}),
    limit: CONTACTS_PER_PAGE,
    offset: (page - 1) * CONTACTS_PER_PAGE,
  });
  return { rows, total, page, pages, counts };
}
