import { londonDateOf } from "../domain/calendar/day-number.ts";
import { checkGoverningBodyResponse } from "../domain/governance/annual-report.ts";
import {
  listAnnualReportVersions,
  lockAnnualReportVersion,
  recordGoverningBodyResponse as saveResponse,
} from "../store/annual-reports.ts";
import type { Actor, Services } from "./services.ts";
import { UnknownRecordError } from "./unknown-record.ts";

/** Records the governing body's response to an issued version of the annual report and when it was given (8.2). */
export async function recordGoverningBodyResponse(
  services: Services,
  input: {
    organisationId: string;
    year: number;
    version: number;
    response: string;
    body: string;
    givenOn: string;
  },
  actor: Actor,
): Promise<void> {
  const now = services.clock();
  await services.db.transaction(async (tx) => {
    await lockAnnualReportVersion(tx, input.organisationId, input);
    const [version] = await listAnnualReportVersions(tx, input.organisationId, input.year, input.version);
    if (!version) throw new UnknownRecordError("annual report version");
    const issuedOn = londonDateOf(new Date(version.issuedAt));
    checkGoverningBodyResponse(
      { issuedOn, responseGivenOn: version.responseGivenOn },
      input.givenOn,
      londonDateOf(now),
    );
    await saveResponse(
      tx,
      input.organisationId,
      input,
      { text: input.response, body: input.body, givenOn: input.givenOn },
      actor,
      now,
    );
  });
}
