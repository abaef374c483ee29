import { londonDateOf } from "../domain/calendar/day-number.ts";
import type { OmbudsmanPublication } from "../domain/governance/annual-report.ts";
import { ombudsmanSummary, orderState, type OrderState } from "../domain/governance/ombudsman.ts";
import { reportingYear } from "../domain/reporting/reporting-year.ts";
import { listOmbudsmanCases, listOmbudsmanPublications, type OmbudsmanCaseRow } from "../store/ombudsman.ts";
import type { Services } from "./services.ts";
import { UnknownRecordError } from "./unknown-record.ts";
import { reportingYearOf } from "./view-learning-log.ts";

export type CaseView = Omit<OmbudsmanCaseRow, "orders"> & {
  orders: (OmbudsmanCaseRow["orders"][number] & { state: OrderState })[];
  overdue: number;
};

function withStates(c: OmbudsmanCaseRow, today: string): CaseView {
  const orders = c.orders.map((o) => ({ ...o, state: orderState(o, today) }));
  return { ...c, orders, overdue: orders.filter((o) => o.state === "overdue").length };
}

export interface OmbudsmanPage {
  today: string;
  cases: CaseView[];
  publications: (OmbudsmanPublication & { id: string })[];
  /** This reporting year's figures, and every order still outstanding or overdue (9.7). */
  summary: ReturnType<typeof ombudsmanSummary> & { year: string };
}

/** Every Ombudsman determination, failure order and publication recorded, with overdue orders flagged. */
export async function viewOmbudsmanFindings(
  services: Services,
  organisationId: string,
): Promise<OmbudsmanPage> {
  const today = londonDateOf(services.clock());
  const cases = await listOmbudsmanCases(services.db, organisationId);
  const period = reportingYear(reportingYearOf(today));
  return {
    today,
    cases: cases.map((c) => withStates(c, today)),
    publications: await listOmbudsmanPublications(services.db, organisationId),
    summary: { ...ombudsmanSummary(cases, period, today), year: period.label },
  };
}

/** One determination or failure order with its orders; another organisation's is a 404. */
export async function viewOmbudsmanCase(
  services: Services,
  organisationId: string,
  id: string,
): Promise<{ today: string; case: CaseView }> {
  const today = londonDateOf(services.clock());
  const [found] = await listOmbudsmanCases(services.db, organisationId, id);
  if (!found) throw new UnknownRecordError("Ombudsman case");
  return { today, case: withStates(found, today) };
}
