import { londonDateOf } from "../domain/calendar/day-number.ts";
import type { PolicyPack } from "../domain/policy/schema.ts";
import { listAttachments, type AttachmentRecord } from "../store/attachments.ts";
import {
  listComplaintMessages,
  listComplaintsSpunOffInto,
  listContactsRaisingComplaint,
  loadEventRecords,
  type ComplaintMessage,
  type LinkedContact,
  type TimelineEntry,
} from "../store/complaint-links.ts";
import {
  findRepresentative,
  findResident,
  type RepresentativeRow,
  type ResidentRow,
} from "../store/residents.ts";
import { listPortalLinks, type EmailStatus, type PortalLinkRow } from "../store/portal-links.ts";
import { listPortalMessages, type PortalMessageRow } from "../store/portal-messages.ts";
import { listLettersOfComplaint, type LetterRow } from "../store/letters.ts";
import { listUsers, type UserSummary } from "../store/users.ts";
import type { Services } from "./services.ts";
import { loadComplaintView, type ComplaintView } from "./show-complaint.ts";

export interface ComplaintPage {
  complaint: ComplaintView;
  resident: ResidentRow | null;
  representative: RepresentativeRow | null;
  /** The London date the page is judged on. */
  today: string;
  /** The pack version the complaint is pinned to (its refusal grounds, its stage names). */
  pack: PolicyPack;
  /** When and by whom each event was recorded, in the same order as `complaint.events`. */
  records: TimelineEntry[];
  /** Contacts this complaint was raised from (a service request stays open beside it, Code 1.5). */
  contacts: LinkedContact[];
  /** The complaint(s) whose new issue was logged as this one (Code 6.8). */
  spunOffFrom: string[];
  /** Letters, notifications and alerts about the complaint, and whether each went out. */
  messages: ComplaintMessage[];
  /** Evidence and correspondence kept with the case (Code 5.12). */
  attachments: AttachmentRecord[];
  /** The organisation's staff, who may be assigned to handle a stage. */
  staff: UserSummary[];
  /** The resident portal: links sent to follow the complaint, and messages with the resident. */
  portal: { links: (PortalLinkRow & EmailStatus)[]; messages: (PortalMessageRow & EmailStatus)[] };
  /** Letters drafted and issued about the complaint, oldest first. */
  letters: LetterRow[];
}

/** Everything the case page shows: the complaint as of today, who it is for and from, and what it links to. */
export async function viewComplaint(
  services: Services,
  organisationId: string,
  reference: string,
): Promise<ComplaintPage> {
  const { view: complaint, identity, pack } = await loadComplaintView(services, organisationId, reference);
  const db = services.db;
  return {
    complaint,
    resident: identity.residentId ? await findResident(db, organisationId, identity.residentId) : null,
    representative: identity.representativeId
      ? await findRepresentative(db, organisationId, identity.representativeId)
      : null,
    today: londonDateOf(services.clock()),
    pack,
    records: await loadEventRecords(db, organisationId, identity.id),
    contacts: await listContactsRaisingComplaint(db, organisationId, identity.reference),
    spunOffFrom: await listComplaintsSpunOffInto(db, organisationId, identity.reference),
    messages: await listComplaintMessages(db, organisationId, identity.id),
    attachments: await listAttachments(db, organisationId, identity.id),
    staff: await listUsers(db, organisationId),
    portal: {
      links: await listPortalLinks(db, organisationId, identity.id),
      messages: await listPortalMessages(db, organisationId, identity.id),
    },
    letters: await listLettersOfComplaint(db, organisationId, identity.id),
  };
}
