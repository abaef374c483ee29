import { listContacts, type ContactListQuery, type ContactListRow } from "../store/contact-list.ts";
import type { Services } from "./services.ts";

/** Contacts of an organisation for lists and the API: service requests are recorded and monitored (Code 1.4). */
export async function listContactsOf(
  services: Services,
  query: ContactListQuery,
): Promise<{ rows: ContactListRow[]; total: number }> {
  return listContacts(services.db, query);
}
