import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "./program.ts";

async function redress(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("the redress commands over the embedded database", () => {
  const dir = mkdtempSync(join(tmpdir(), "redress-cli-db-"));
  beforeAll(() => {
    vi.stubEnv("REDRESS_DATA_DIR", join(dir, "pglite"));
    vi.stubEnv("DATABASE_URL", undefined);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  // One long story over one embedded database: each command opens and migrates it afresh, as it would.
  it(
    "migrates, adds an organisation and a user, imports, shows a complaint and runs the worker once",
    { timeout: 300_000 },
    async () => {
      expect((await redress("db", "migrate")).out).toContain("001_initial");
      expect((await redress("db", "migrate")).out).toBe("The database is up to date.");

      const org = await redress(
        "org",
        "add",
        "--id",
        "acme-homes",
        "--name",
        "Acme Homes",
        "--pack",
        "bchg",
        "--homes",
        "1200",
      );
      expect(org.code).toBe(0);
      expect(org.out).toContain("under bchg 1.0.0");
      const bad = await redress(
        "org",
        "add",
        "--id",
        "Acme",
        "--name",
        "x",
        "--pack",
        "bchg",
        "--homes",
        "many",
      );
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('--homes "many" is not a number of homes');

      const user = await redress(
        "user",
        "add",
        "--org",
        "acme-homes",
        "--email",
        "Officer@Acme.example",
        "--role",
        // The complaints team is told of breaches: the worker below emails them one.
        "complaints-team",
      );
      expect(user.out).toMatch(
        /Added Officer@Acme.example as complaints-team. Their first password \(shown once\): \S{12,}/,
      );
      expect(
        (await redress("user", "add", "--org", "acme-homes", "--email", "x@y", "--role", "boss")).err,
      ).toContain("is not a role");

      const file = join(dir, "old.jsonl");
      writeFileSync(
        file,
        [
          JSON.stringify({
            externalRef: "OLD-77",
            resident: { name: "Ruth Example" },
            channel: "email",
            category: "leaks",
            description: "Water through the ceiling",
            events: [
              { type: "received", on: "2026-10-01" },
              { type: "acknowledged", stage: 1, on: "2026-10-02" },
            ],
          }),
          '{"externalRef": "OLD-78"}',
        ].join("\n"),
      );
      const imported = await redress("import", "--org", "acme-homes", "--input", file);
      expect(imported.code).toBe(1);
      expect(imported.out).toBe("Imported 1, already there 0, refused 1.");
      expect(imported.err).toContain("line 2: resident");

      const shown = await redress("complaint", "show", "--org", "acme-homes", "OLD-77", "--json");
      const complaint = JSON.parse(shown.out);
      expect(complaint).toMatchObject({
        reference: "ACMEHOMES-2026-000001",
        externalRef: "OLD-77",
        policy: "bchg",
        stage: 1,
      });
      // 10 working days after Fri 2 Oct 2026 is Fri 16 Oct; the fixed test clock (20 Nov 2026) is past it.
      expect(complaint.clocks["stage1.response"]).toMatchObject({
        due: "2026-10-16",
        codeLimit: "2026-10-16",
        state: "overdue",
      });

      expect((await redress("db", "rebuild-projections")).out).toBe(
        "Rebuilt 1 complaint projection(s) from their events.",
      );
      const calendar = await redress(
        "org",
        "calendar",
        "--org",
        "acme-homes",
        "--close",
        "2026-12-29:Office closed",
      );
      expect(calendar.out).toMatch(
        /^Calendar changed \(.*\+closures:[0-9a-f]{8}\); 1 complaint\(s\) recomputed\.$/,
      );
      expect(
        (await redress("org", "calendar", "--org", "acme-homes", "--close", "2026-12-29")).err,
      ).toContain('Closure "2026-12-29" should look like');
      const worker = await redress("worker", "--once");
      expect(worker.code).toBe(0);
      expect(worker.out).toContain("1 breach alerts");
      expect(worker.out).toContain("1 delivered");
      expect(worker.err).toContain("Email: no mail server configured (REDRESS_SMTP_URL)");
      expect((await redress("outbox", "status")).out).toBe("Every message has been delivered.");
      expect((await redress("outbox", "dead", "--org", "acme-homes")).out).toBe("No dead letters.");
      expect((await redress("outbox", "requeue", "--org", "acme-homes", "5")).err).toContain(
        "There is no dead letter 5",
      );
      expect((await redress("complaint", "show", "--org", "acme-homes", "NOPE-1")).err).toContain(
        "There is no complaint NOPE-1",
      );

      // The imported complaint was received on 1 October 2026: one Stage 1 complaint per 1,200 homes.
      const tsm = JSON.parse(
        (await redress("report", "tsm", "--org", "acme-homes", "--year", "2026", "--json")).out,
      );
      expect(tsm.ch01.stage1).toEqual({ value: 1000 / 1200, numerator: 1, denominator: 1200 });
      expect(tsm.ch02.stage1).toEqual({ value: null, numerator: 0, denominator: 0 });
      expect(Object.keys(tsm)).toEqual(
        expect.arrayContaining(["ch01", "ch02", "period", "settings", "alternatives"]),
      );
      const text = await redress("report", "tsm", "--org", "acme-homes", "--year", "2026");
      expect(text.out).toContain("CH01 Stage 1, low cost rental  0.83 per 1,000 homes");
      expect((await redress("report", "tsm", "--org", "acme-homes", "--year", "26")).err).toContain(
        "is not a year like 2026",
      );
    },
  );
});
