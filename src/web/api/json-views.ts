import type { ComplaintPage } from "../../app/view-complaint.ts";
import type { ContactPage } from "../../app/view-contact.ts";
import type { ComplaintListRow } from "../../store/complaint-list.ts";

/**
 * What the API returns. Complaint text is data here, not markup: it goes out exactly as it was recorded,
 * and JSON's own escaping keeps it inert. Internal ids and the organisation's staff list stay inside.
 */

/** A row as a plain object type (a copy), as the response schemas' types expect. */
const plain = <T extends object>(row: T | null): { [K in keyof T]: T[K] } | null => (row ? { ...row } : null);

/** A complaint: its clocks, hazards and findings in the `redress simulate` shape, and its timeline. */
export function complaintJson(page: ComplaintPage) {
  const { events, ...complaint } = page.complaint;
  return {
    ...complaint,
    today: page.today,
    resident: plain(page.resident),
    representative: plain(page.representative),
    timeline: events.map((event, i) => {
      const record = page.records[i];
      return {
        seq: record?.seq ?? i + 1,
        recordedAt: record ? new Date(record.recordedAt).toISOString() : "",
        recordedBy: record?.recordedBy ?? null,
        event,
      };
    }),
    contacts: page.contacts,
    spunOffFrom: page.spunOffFrom,
    messages: page.messages.map((m) => ({
      kind: m.kind,
      template: m.template,
      status: m.status,
      createdAt: new Date(m.createdAt).toISOString(),
      deliveredAt: m.deliveredAt ? new Date(m.deliveredAt).toISOString() : null,
    })),
  };
}

/** A complaint in a list, with whether its next date has passed. */
export function complaintListItem(row: ComplaintListRow, today: string) {
  return { ...row, overdue: row.nextDue !== null && row.nextDue < today };
}

export function contactJson(page: ContactPage) {
  const { organisationId: _organisation, residentId: _resident, ...contact } = page.contact;
  return { ...contact, resident: plain(page.resident) };
}
