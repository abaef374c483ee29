import {
  findRepresentative,
  findResident,
  type RepresentativeRow,
  type ResidentRow,
} from "../store/residents.ts";
import type { Services } from "./services.ts";
import { loadComplaintView, type ComplaintView } from "./show-complaint.ts";

export interface ComplaintPage {
  complaint: ComplaintView;
  resident: ResidentRow | null;
  representative: RepresentativeRow | null;
}

/** Everything the case page shows: the complaint as of today, and who it is for and from. */
export async function viewComplaint(
  services: Services,
  organisationId: string,
  reference: string,
): Promise<ComplaintPage> {
  const { view: complaint, identity } = await loadComplaintView(services, organisationId, reference);
  return {
    complaint,
    resident: identity.residentId
      ? await findResident(services.db, organisationId, identity.residentId)
      : null,
    representative: identity.representativeId
      ? await findRepresentative(services.db, organisationId, identity.representativeId)
      : null,
  };
}
