import { earlyResolutionDue, foldContact, type ContactState } from "../domain/contact/contact.ts";
import { findComplaintsByReference, type ComplaintRaised } from "../store/contact-links.ts";
import { findContact, type ContactRow } from "../store/contacts.ts";
import { findResident, type ResidentRow } from "../store/residents.ts";
import type { Services } from "./services.ts";
import { contactContext, UnknownContactError } from "./update-contact.ts";

export interface ContactPage {
  contact: ContactRow;
  state: ContactState;
  resident: ResidentRow | null;
  /** The London date the page is judged on. */
  today: string;
  /** The last day early resolution may run under the pack in force, once it has started. */
  earlyResolutionDue: string | null;
  /** Complaints raised from the contact (a service request stays open beside them, Code 1.5). */
  complaints: ComplaintRaised[];
}

/** Everything the contact page shows. Another organisation's contact, or no contact, is UnknownContactError. */
export async function viewContact(
  services: Services,
  organisationId: string,
  contactId: string,
): Promise<ContactPage> {
  const contact = await findContact(services.db, organisationId, contactId);
  if (!contact) throw new UnknownContactError(contactId);
  const state = foldContact(contact.events);
  const ctx = await contactContext(services.db, services, organisationId);
  return {
    contact,
    state,
    resident: contact.residentId ? await findResident(services.db, organisationId, contact.residentId) : null,
    today: ctx.today,
    earlyResolutionDue: earlyResolutionDue(state, ctx.pack, ctx.calendar),
    complaints: await findComplaintsByReference(services.db, organisationId, state.complaintReferences),
  };
}
