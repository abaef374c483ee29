import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { logComplaint } from "./log-complaint.ts";
import { runComplaintCommand } from "./run-complaint-command.ts";

describe.each(TEST_DATABASES)("logging and acknowledging a complaint (%s)", (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(kind);
  });
  afterAll(async () => test.drop());

  it("logs a phone complaint for a representative, acknowledges it, and keeps the projection in step", async () => {
    const services = testServices(test.db, "2026-11-02T10:00:00Z");
    const org = await anOrganisation(services, "bchg");
    const logged = await logComplaint(
      services,
      {
        organisationId: org,
        receivedOn: "2026-10-31",
        channel: "phone",
        category: "damp-and-mould",
        description: "Mould in the bedroom <script>alert(1)</script>",
        resident: { name: "Mrs A Resident", postcode: "B66 1AA", contactPreferences: { noPhoneCalls: true } },
        representative: { name: "Mr B Advocate", relationship: "son", authority: "in writing" },
        definition: {
          issues: [{ id: "mould", summary: "Mould not treated" }],
          outcomesSought: ["Treat the mould"],
        },
      },
      "agent@example.org",
    );
    expect(logged.reference).toBe("BCHG-2026-000001");
    expect(logged.summary.clocks["stage1.acknowledgement"]).toMatchObject({
      due: "2026-11-06",
      codeLimit: "2026-11-06",
    });

    services.setNow("2026-11-03T09:00:00Z");
    const acknowledged = await runComplaintCommand(services, {
      organisationId: org,
      reference: logged.reference,
      command: { type: "acknowledge", on: "2026-11-03", stage: 1 },
      actor: "handler@example.org",
    });
    expect(acknowledged.summary.status).toBe("investigating");
    const row = await test.db.query(
      "SELECT status, next_clock, next_due, next_code_limit, version, description FROM complaints WHERE reference = $1",
      [logged.reference],
    );
    // 10 working days after Tue 3 Nov 2026: Tue 17 Nov.
    expect(row.rows[0]).toMatchObject({
      status: "investigating",
      next_clock: "stage1.response",
      next_due: "2026-11-17",
      next_code_limit: "2026-11-17",
      version: 3,
      description: "Mould in the bedroom <script>alert(1)</script>",
    });
    const events = await test.db.query("SELECT seq, type, recorded_by FROM complaint_events ORDER BY seq");
    expect(events.rows.map((e) => [e.seq, e.type, e.recorded_by])).toEqual([
      [1, "received", "agent@example.org"],
      [2, "defined", "agent@example.org"],
      [3, "acknowledged", "handler@example.org"],
    ]);
  });

  it("numbers references per organisation and year without gaps", async () => {
    const services = testServices(test.db, "2026-11-02T10:00:00Z");
    const org = await anOrganisation(services, "bdht");
    const refs = [];
    for (let i = 0; i < 3; i++) {
      const r = await logComplaint(
        services,
        {
          organisationId: org,
          receivedOn: "2026-11-02",
          channel: "email",
          description: "Late repair",
          resident: { name: "R" },
        },
        "system",
      );
      refs.push(r.reference);
    }
    expect(refs).toEqual(["BDHT-2026-000001", "BDHT-2026-000002", "BDHT-2026-000003"]);
  });
});
