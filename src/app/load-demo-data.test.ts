import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundledPolicyPacks } from "../adapters/policy-files.ts";
import { openTestDatabase, type TestDatabase } from "../../test/support/databases.ts";
import { testServices } from "../../test/support/services.ts";
import { loadDemoData } from "./load-demo-data.ts";

const NOW = "2026-11-20T12:00:00Z";

async function snapshot(test: TestDatabase) {
  const rows = await test.db.query(
    `SELECT organisation_id, reference, stage, status, category, channel, next_clock, next_due, hazard, received_on
     FROM complaints ORDER BY organisation_id, reference`,
  );
  return rows.rows;
}

describe("demo data", () => {
  let first: TestDatabase;
  let second: TestDatabase;
  beforeAll(async () => {
    [first, second] = await Promise.all([openTestDatabase("pglite"), openTestDatabase("pglite")]);
  });
  afterAll(async () => Promise.all([first.drop(), second.drop()]));

  it("creates one organisation per pack with complaints at every stage, and is the same for the same seed", async () => {
    const packs = loadBundledPolicyPacks().filter((p) => ["bchg", "hos-code-2024"].includes(p.id));
    const result = await loadDemoData(testServices(first.db, NOW), packs, {
      seed: 7,
      complaintsPerOrganisation: 14,
    });
    expect(result.organisations).toEqual(["bchg", "demo-code"]);
    expect(result.users.filter((u) => u.organisationId === "bchg").map((u) => u.role)).toEqual([
      "agent",
      "handler",
      "reviewer",
      "complaints-team",
      "executive",
      "admin",
    ]);
    const rows = await snapshot(first);
    expect(rows).toHaveLength(28);
    const bchg = rows.filter((r) => r.organisation_id === "bchg");
    const statuses = new Set(bchg.map((r) => `${r.stage}:${r.status}`));
    for (const s of [
      "1:awaiting-acknowledgement",
      "1:investigating",
      "1:responded",
      "1:closed",
      "2:investigating",
      "2:closed",
      "1:refused",
      "1:withdrawn",
    ]) {
      expect(statuses).toContain(s);
    }
    expect(bchg.some((r) => r.hazard)).toBe(true);
    expect(bchg.some((r) => r.next_due !== null && r.next_due < "2026-11-20")).toBe(true); // overdue
    const extended = await first.db.query(
      "SELECT count(*)::int AS n FROM complaint_events WHERE type = 'extended'",
    );
    expect(extended.rows[0]?.n).toBeGreaterThan(0);

    // Loading again adds nothing; another database with the same seed and clock gets the same complaints.
    expect((await loadDemoData(testServices(first.db, NOW), packs, { seed: 7 })).organisations).toEqual([]);
    await loadDemoData(testServices(second.db, NOW), packs, { seed: 7, complaintsPerOrganisation: 14 });
    expect(await snapshot(second)).toEqual(rows);
  });
});
