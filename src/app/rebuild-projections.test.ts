import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { assignHandler } from "./assign-handler.ts";
import { extendDeadline } from "./extend-deadline.ts";
import { rebuildProjections } from "./rebuild-projections.ts";
import { refuseComplaint } from "./refuse-complaint.ts";
import { requestEscalation } from "./request-escalation.ts";
import { aComplaint, NOW, ON, type Milestone } from "./test-builders.ts";
import { triageComplaint } from "./triage-complaint.ts";
import { withdrawComplaint } from "./withdraw-complaint.ts";

describe.each(TEST_DATABASES)("rebuilding projections from the event log (%s)", (kind) => {
  let test: TestDatabase;
  let services: ReturnType<typeof testServices>;
  // Opening PGlite and migrating can take longer than the default hook timeout on a busy machine.
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    services = testServices(test.db, NOW);
    await anOrganisation(services, "hos-code-2024", "hos");
    await anOrganisation(services, "brighter-places", "bp");
    await anOrganisation(services, "bchg", "bchg");
  }, 60_000);
  afterAll(async () => test.drop());

  /** Every column of every projection row except updated_at, which says when a row was written, not what. */
  async function projections() {
    const { rows } = await test.db.query("SELECT * FROM complaints ORDER BY organisation_id, reference");
    return rows.map(({ updated_at: _updatedAt, ...row }) => row);
  }

  it("gives rows equal to the live ones for complaints in every state", async () => {
    const milestones: Milestone[] = [
      "undefined",
      "defined",
      "acknowledged",
      "responded",
      "escalated",
      "closed",
    ];
    for (const org of ["hos", "bp"]) for (const m of milestones) await aComplaint(services, org, m);
    const by = "officer@example.org";
    const triaged = await aComplaint(services, "bchg", "defined");
    const hazard = { at: "2026-11-02T12:00:00Z", severity: "emergency", description: "Gas smell" } as const;
    await triageComplaint(
      services,
      { organisationId: "bchg", reference: triaged, on: ON.received, hazard, category: "gas" },
      by,
    );
    const extended = await aComplaint(services, "bchg", "acknowledged");
    await assignHandler(
      services,
      { organisationId: "bchg", reference: extended, on: "2026-11-04", stage: 1, handler: "H" },
      by,
    );
    await extendDeadline(
      services,
      {
        organisationId: "bchg",
        reference: extended,
        on: "2026-11-05",
        stage: 1,
        workingDays: 3,
        reason: "Report",
      },
      by,
    );
    const refused = await aComplaint(services, "bchg", "defined");
    await refuseComplaint(
      services,
      {
        organisationId: "bchg",
        reference: refused,
        on: ON.acknowledged,
        stage: 1,
        ground: "legal-proceedings",
        reason: "In court",
      },
      by,
    );
    const withdrawn = await aComplaint(services, "bchg", "acknowledged");
    await withdrawComplaint(services, { organisationId: "bchg", reference: withdrawn, on: "2026-11-04" }, by);
    const late = await aComplaint(services, "bchg", "responded");
    await requestEscalation(services, { organisationId: "bchg", reference: late, on: "2026-12-01" }, by);

    const live = await projections();
    expect(new Set(live.map((r) => r.status))).toEqual(
      new Set(["awaiting-acknowledgement", "investigating", "responded", "closed", "refused", "withdrawn"]),
    );
    await test.db.query(
      `UPDATE complaints SET stage = 1, status = 'wrong', handler_stage1 = NULL, handler_stage2 = NULL, hazard = false,
         calendar_id = 'wrong', next_clock = NULL, next_due = NULL, next_code_limit = NULL, clocks = '{}', findings = '[]', version = 0`,
    );

    expect(await rebuildProjections(services)).toBe(live.length);
    expect(await projections()).toEqual(live);
  });

  it("rebuilds one organisation without touching the others", async () => {
    await aComplaint(services, "hos", "acknowledged");
    const live = await projections();
    await test.db.query("UPDATE complaints SET status = 'wrong'");
    expect(await rebuildProjections(services, "hos")).toBe(
      live.filter((r) => r.organisation_id === "hos").length,
    );
    const after = await projections();
    expect(after.filter((r) => r.organisation_id === "hos")).toEqual(
      live.filter((r) => r.organisation_id === "hos"),
    );
    expect(after.filter((r) => r.organisation_id !== "hos").every((r) => r.status === "wrong")).toBe(true);
  });
});
