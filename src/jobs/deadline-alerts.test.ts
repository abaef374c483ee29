import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { logComplaint } from "../app/log-complaint.ts";
import { runComplaintCommand } from "../app/run-complaint-command.ts";
import type { Services } from "../app/services.ts";
import type { ComplaintCommand } from "../domain/complaint/commands.ts";
import {
  acknowledge,
  assignHandler,
  close,
  extend,
  ISSUES,
  OUTCOMES_SOUGHT,
  respond,
  withdraw,
} from "../domain/complaint/test-builders.ts";
import { scanDeadlines } from "./deadline-alerts.ts";

// Opening and migrating a database can take longer than a hook's default 10 s on a busy machine.
const OPEN_TIMEOUT_MS = 60_000;

describe.each(TEST_DATABASES)("deadline warnings and breach alerts (%s)", (kind) => {
  let test: TestDatabase;
  // A fresh database each time: a scan covers every organisation, so tests must not see each other's.
  beforeEach(async () => {
    test = await openTestDatabase(kind);
  }, OPEN_TIMEOUT_MS);
  afterEach(async () => test.drop(), OPEN_TIMEOUT_MS);

  async function aComplaint(services: Services, org: string, receivedOn: string): Promise<string> {
    const logged = await logComplaint(
      services,
      {
        organisationId: org,
        receivedOn,
        channel: "phone",
        description: "The roof still leaks.",
        resident: { name: "Ms R Resident" },
        definition: { issues: ISSUES, outcomesSought: OUTCOMES_SOUGHT },
      },
      "agent@example.org",
    );
    return logged.reference;
  }

  async function run(services: Services, org: string, reference: string, command: ComplaintCommand) {
    await runComplaintCommand(services, {
      organisationId: org,
      reference,
      command,
      actor: "handler@example.org",
    });
  }

  async function alerts() {
    const result = await test.db.query<{ key: string; kind: string; payload: Record<string, unknown> }>(
      `SELECT idempotency_key AS key, kind, payload FROM outbox
       WHERE kind IN ('deadline-warning', 'breach-alert') ORDER BY id`,
    );
    return result.rows;
  }

  async function idOf(reference: string): Promise<string> {
    const result = await test.db.query<{ id: string }>("SELECT id FROM complaints WHERE reference = $1", [
      reference,
    ]);
    return result.rows[0]!.id;
  }

  it("warns N working days before a clock is due, counting across the Christmas bank holidays, then alerts on breach", async () => {
    const services = testServices(test.db, "2026-12-22T10:00:00Z");
    const org = await anOrganisation(services, "hos-code-2024");
    // Acknowledgement within 5 working days of receipt; 25 and 28 December 2026 are bank holidays.
    const early = await aComplaint(services, org, "2026-12-18"); // due Tue 29 Dec
    const late = await aComplaint(services, org, "2026-12-21"); // due Wed 30 Dec

    // Tue 22 Dec + 3 working days = Wed 23, Thu 24, Tue 29: a week of calendar days.
    expect(await scanDeadlines(services, { warnWorkingDays: 3 })).toEqual({ warnings: 1, breaches: 0 });
    const earlyId = await idOf(early);
    expect(await alerts()).toEqual([
      {
        key: `deadline-warning:${earlyId}:stage1.acknowledgement:2026-12-29`,
        kind: "deadline-warning",
        payload: expect.objectContaining({
          reference: early,
          clock: "stage1.acknowledgement",
          due: "2026-12-29",
          codeLimit: "2026-12-29",
          handler: null,
          recipients: ["handler", "complaints-team"],
          workingDaysLeft: 3,
        }),
      },
    ]);

    expect(await scanDeadlines(services, { warnWorkingDays: 3 })).toEqual({ warnings: 0, breaches: 0 });

    services.setNow("2026-12-23T10:00:00Z");
    expect(await scanDeadlines(services, { warnWorkingDays: 3 })).toEqual({ warnings: 1, breaches: 0 });
    expect((await alerts()).at(-1)?.payload).toMatchObject({ reference: late, due: "2026-12-30" });

    // On its due date a clock is not yet breached; the day after, it is.
    services.setNow("2026-12-30T10:00:00Z");
    expect(await scanDeadlines(services, { warnWorkingDays: 3 })).toEqual({ warnings: 0, breaches: 1 });
    expect((await alerts()).at(-1)).toMatchObject({
      key: `breach-alert:${earlyId}:stage1.acknowledgement:2026-12-29`,
      kind: "breach-alert",
      payload: { reference: early, due: "2026-12-29" },
    });
    expect(await scanDeadlines(services, { warnWorkingDays: 3 })).toEqual({ warnings: 0, breaches: 0 });
    expect(await alerts()).toHaveLength(3);
  });

  it("considers every open clock, not only the next, and addresses each to its stage's handler", async () => {
    const services = testServices(test.db, "2026-11-02T10:00:00Z");
    // Brighter Places runs the Stage 1 response from logging, so both Stage 1 clocks run at once.
    const org = await anOrganisation(services, "brighter-places");
    const reference = await aComplaint(services, org, "2026-11-02"); // ack due 9 Nov, response due 16 Nov
    await run(services, org, reference, assignHandler("2026-11-02", 1, "h.smith@example.org"));

    services.setNow("2026-11-12T10:00:00Z");
    expect(await scanDeadlines(services, { warnWorkingDays: 3 })).toEqual({ warnings: 1, breaches: 1 });
    const byClock = Object.fromEntries((await alerts()).map((a) => [a.payload.clock, a]));
    expect(byClock["stage1.acknowledgement"]).toMatchObject({
      kind: "breach-alert",
      payload: { due: "2026-11-09", handler: "h.smith@example.org" },
    });
    expect(byClock["stage1.response"]).toMatchObject({
      kind: "deadline-warning",
      payload: { due: "2026-11-16", handler: "h.smith@example.org", workingDaysLeft: 2 },
    });
  });

  it("warns again when an extension moves the due date", async () => {
    const services = testServices(test.db, "2026-11-02T10:00:00Z");
    const org = await anOrganisation(services, "hos-code-2024");
    const reference = await aComplaint(services, org, "2026-11-02");
    await run(services, org, reference, acknowledge("2026-11-02")); // response due Mon 16 Nov

    services.setNow("2026-11-12T10:00:00Z");
    expect(await scanDeadlines(services, { warnWorkingDays: 2 })).toEqual({ warnings: 1, breaches: 0 });
    await run(services, org, reference, extend("2026-11-12", 1, 1)); // now due Tue 17 Nov
    expect(await scanDeadlines(services, { warnWorkingDays: 2 })).toEqual({ warnings: 0, breaches: 0 });

    services.setNow("2026-11-13T10:00:00Z");
    expect(await scanDeadlines(services, { warnWorkingDays: 2 })).toEqual({ warnings: 1, breaches: 0 });
    expect((await alerts()).map((a) => a.payload.due)).toEqual(["2026-11-16", "2026-11-17"]);
  });

  it("sends nothing for met or stopped clocks, nor for closed or withdrawn complaints", async () => {
    const services = testServices(test.db, "2026-11-02T10:00:00Z");
    const org = await anOrganisation(services, "hos-code-2024");
    const responded = await aComplaint(services, org, "2026-11-02");
    await run(services, org, responded, acknowledge("2026-11-02"));
    await run(services, org, responded, respond("2026-11-02"));
    const closed = await aComplaint(services, org, "2026-11-02");
    await run(services, org, closed, acknowledge("2026-11-02"));
    await run(services, org, closed, respond("2026-11-02"));
    await run(services, org, closed, close("2026-11-02"));
    const withdrawn = await aComplaint(services, org, "2026-11-02");
    await run(services, org, withdrawn, withdraw("2026-11-02", "Sorted out with the repairs team."));

    // Long after every date: anything still open would be in breach.
    services.setNow("2027-03-01T10:00:00Z");
    expect(await scanDeadlines(services, { warnWorkingDays: 5 })).toEqual({ warnings: 0, breaches: 0 });
    expect(await alerts()).toEqual([]);
  });
});
