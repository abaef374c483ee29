import { findContact, type ContactRow } from "../store/contacts.ts";
import { findResident, type ResidentRow } from "../store/residents.ts";
import { isUuid } from "./ids.ts";
import type { Services } from "./services.ts";
import { UnknownContactError } from "./update-contact.ts";

export interface ContactPage {
  contact: ContactRow;
  resident: ResidentRow | null;
}

/** One contact of the organisation, with who made it; another organisation's is unknown here. */
export async function viewContact(
  services: Services,
  organisationId: string,
  contactId: string,
): Promise<ContactPage> {
  if (!isUuid(contactId)) throw new UnknownContactError(contactId);
  const contact = await findContact(services.db, organisationId, contactId);
  if (!contact) throw new UnknownContactError(contactId);
  const resident = contact.residentId
    ? await findResident(services.db, organisationId, contact.residentId)
    : null;
  return { contact, resident };
}
