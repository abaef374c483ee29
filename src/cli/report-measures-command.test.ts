import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testServices } from "../../test/support/services.ts";
import { buildSyntheticYear } from "../../test/support/synthetic-year-builder.ts";
import { openDatabase } from "../store/database.ts";
import { migrate } from "../store/migrate.ts";
import { runCli } from "./program.ts";

async function redress(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("redress report measures", () => {
  const dir = join(mkdtempSync(join(tmpdir(), "redress-measures-")), "pglite");
  beforeAll(async () => {
    const db = await openDatabase({ dataDir: dir });
    await migrate(db);
    await buildSyntheticYear(testServices(db, "2027-05-03T10:00:00Z"), "year");
    await db.close();
    vi.stubEnv("REDRESS_DATA_DIR", dir);
    vi.stubEnv("DATABASE_URL", undefined);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it(
    "prints every measure for a period as tables, or its numbers as JSON",
    { timeout: 120_000 },
    async () => {
      const args = ["report", "measures", "--org", "year", "--from", "2026-04-01", "--to", "2027-03-31"];
      const json = JSON.parse((await redress(...args, "--as-at", "2027-03-31", "--json")).out);
      expect(json.organisation).toBe("year");
      expect(json.asAt).toBe("2027-03-31");
      expect(json.timeliness.stage1.acknowledgedByTarget).toEqual({
        value: (9 / 11) * 100,
        numerator: 9,
        denominator: 11,
      });
      expect(json.remedies.compensationPaid).toEqual({ pence: 42500, count: 3 });
      expect(json.remedies.overdueRemedies).toEqual({ count: 2 });
      expect(json.volumes.byChannel).toContainEqual({ key: "phone", count: 9 });
      expect(JSON.stringify(json)).not.toContain("YEAR-");

      const text = await redress(...args);
      expect(text.code).toBe(0);
      expect(text.out).toContain("Stage 1 timeliness");
      expect(text.out).toMatch(/Acknowledged by the landlord's target\s+81\.8%\s+9\s+11/);
      expect(text.out).toMatch(/Compensation paid\s+£425\.00\s+3/);

      expect(
        (await redress("report", "measures", "--org", "year", "--from", "2026-04-01", "--to", "31/3/2027"))
          .err,
      ).toContain('--to "31/3/2027" is not a date like 2026-04-01.');
      expect(
        (await redress("report", "measures", "--org", "nope", "--from", "2026-04-01", "--to", "2026-04-30"))
          .err,
      ).toContain('There is no organisation "nope"');
    },
  );
});
