import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { importComplaints } from "./import-complaints.ts";
import { showComplaint } from "./show-complaint.ts";

const line = (externalRef: string, events: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    externalRef,
    resident: { name: "Ruth Example", email: "ruth@example.org", postcode: "B66 1AA" },
    channel: "phone",
    category: "repairs",
    description: "The boiler repair was booked three times and nobody came",
    events,
    ...extra,
  });

describe.each(TEST_DATABASES)("importing complaints from a previous system (%s)", (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(kind);
  });
  afterAll(async () => test.drop());

  it("replays each history through the use cases, refuses bad lines whole, and duplicates nothing on a second run", async () => {
    const services = testServices(test.db, "2026-11-20T12:00:00Z");
    const org = await anOrganisation(services, "bchg");
    const lines = [
      line("OLD-1", [
        { type: "received", on: "2026-05-01" },
        { type: "acknowledged", stage: 1, on: "2026-05-05" },
        {
          type: "responded",
          stage: 1,
          on: "2026-05-15",
          outcome: "not-upheld",
          learning: ["None: the work was on time"],
        },
        { type: "closed", on: "2026-05-18" },
      ]),
      "{ not json",
      line("OLD-3", [
        { type: "received", on: "2026-06-01" },
        { type: "responded", stage: 1, on: "2026-06-05", outcome: "not-upheld" },
      ]),
      "",
      line("OLD-4", [{ type: "received", on: "2026-06-01" }], { channel: "carrier pigeon" }),
      line("OLD-5", [
        { type: "received", on: "2026-10-01" },
        { type: "acknowledged", stage: 1, on: "2026-10-02" },
      ]),
    ];
    const first = await importComplaints(services, org, lines);
    expect(first.map((o) => [o.line, o.status])).toEqual([
      [1, "imported"],
      [2, "refused"],
      [3, "refused"],
      [5, "refused"],
      [6, "imported"],
    ]);
    const reasons = first.flatMap((o) => (o.status === "refused" ? [o.reason] : []));
    expect(reasons[0]).toContain("not valid JSON");
    expect(reasons[1]).toContain("Acknowledge the complaint before responding");
    expect(reasons[2]).toContain("channel");

    const events = await test.db.query("SELECT count(*)::int AS n FROM complaint_events");
    const again = await importComplaints(services, org, lines);
    expect(again.filter((o) => o.status === "skipped").map((o) => o.line)).toEqual([1, 6]);
    expect((await test.db.query("SELECT count(*)::int AS n FROM complaint_events")).rows[0]).toEqual(
      events.rows[0],
    );

    // The imported complaint is found by its old reference, with clocks computed on today's date.
    const old5 = await showComplaint(services, org, "OLD-5");
    expect(old5.externalRef).toBe("OLD-5");
    // 10 working days after Fri 2 Oct 2026: Fri 16 Oct; today is 20 Nov, so it is overdue.
    expect(old5.clocks["stage1.response"]).toMatchObject({ due: "2026-10-16", state: "overdue" });
    const old1 = await showComplaint(services, org, "OLD-1");
    expect(old1.status).toBe("closed");
    expect(old1.events.map((e) => e.type)).toEqual([
      "received",
      "defined",
      "acknowledged",
      "responded",
      "closed",
    ]);
  });
});
