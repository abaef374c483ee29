import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./program.ts";

async function redress(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function historyFile(events: unknown[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "redress-cli-")), "history.json");
  writeFileSync(file, JSON.stringify({ events }));
  return file;
}

describe("redress policy", () => {
  it("lists the six bundled packs", async () => {
    const { code, out } = await redress("policy", "list");
    expect(code).toBe(0);
    for (const id of ["hos-code-2024", "bdht", "bvt", "bchg", "brighter-places", "putting-things-right"]) {
      expect(out).toContain(id);
    }
  });

  it("lint exits 0 for a pack without errors and 1 for a pack with them", async () => {
    expect((await redress("policy", "lint", "bdht")).code).toBe(0);
    const bvt = await redress("policy", "lint", "bvt", "--json");
    expect(bvt.code).toBe(1);
    const report = JSON.parse(bvt.out) as { policy: string; findings: { severity: string; code: string }[] };
    expect(report.policy).toBe("bvt");
    expect(report.findings).toContainEqual(expect.objectContaining({ severity: "error", code: "6.12" }));
  });

  it("lints a pack file given by path", async () => {
    const { code, out } = await redress("policy", "lint", "policies/bchg.yaml");
    expect(code).toBe(0);
    expect(out).toContain("WARNING");
  });

  it("names the bundled packs when asked for one that does not exist", async () => {
    const { code, err } = await redress("policy", "lint", "no-such-landlord");
    expect(code).toBe(2);
    expect(err).toContain('There is no policy pack "no-such-landlord"');
    expect(err).toContain("bchg");
  });
});

describe("redress calendar add", () => {
  it("prints the date and why it falls there", async () => {
    const { code, out } = await redress("calendar", "add", "2026-12-24", "5");
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toBe("2027-01-05  (Tuesday 5 January 2027)");
    expect(out).toContain("Christmas Day");
    expect(out).toContain("Boxing Day (substitute day)");
  });

  it("skips closure days and says so", async () => {
    const { out } = await redress(
      "calendar",
      "add",
      "2026-12-24",
      "5",
      "--closure",
      "2026-12-29:Office closed",
    );
    expect(out.split("\n")[0]).toBe("2027-01-06  (Wednesday 6 January 2027)");
    expect(out).toContain("Office closed");
  });

  it("refuses a date that does not exist, in words", async () => {
    const { code, err } = await redress("calendar", "add", "2026-02-30", "5");
    expect(code).toBe(2);
    expect(err).toContain('"2026-02-30" is not a real date');
  });
});

describe("redress simulate", () => {
  const history = [
    { type: "received", on: "2026-10-31" },
    { type: "acknowledged", stage: 1, on: "2026-11-04" },
    { type: "extended", stage: 1, workingDays: 12, reason: "surveyor's report", on: "2026-11-17" },
    { type: "responded", stage: 1, on: "2026-12-10" },
    { type: "escalation-requested", on: "2026-12-21" },
  ];

  it("prints the documented JSON contract", async () => {
    const { code, out } = await redress(
      "simulate",
      "--policy",
      "bvt",
      "--input",
      historyFile(history),
      "--json",
    );
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result).toMatchObject({
      policy: "bvt",
      stage: 2,
      status: "awaiting-acknowledgement",
      clocks: {
        // BVT acknowledges in 3 working days; the Code allows 5.
        "stage1.acknowledgement": {
          due: "2026-11-04",
          codeLimit: "2026-11-06",
          metOn: "2026-11-04",
          state: "met",
        },
        // 10 WD after Wed 4 Nov is Wed 18 Nov; +12 WD is Fri 4 Dec; the Code grows by its cap of 10 only: Wed 2 Dec.
        "stage1.response": { due: "2026-12-04", codeLimit: "2026-12-02", metOn: "2026-12-10", state: "late" },
        // 3 WD after Mon 21 Dec: 22, 23, 24 Dec. The Code's 5 skip 25 and 28 Dec: 29, 30 Dec.
        "stage2.acknowledgement": { due: "2026-12-24", codeLimit: "2026-12-30", metOn: null, state: "open" },
      },
    });
    expect(result.clocks["stage2.response"]).toBeUndefined();
    expect(result.findings).toContainEqual(expect.objectContaining({ severity: "error", code: "6.4" }));
  });

  it("marks clocks overdue only when --today is past them", async () => {
    const file = historyFile(history);
    const open = JSON.parse((await redress("simulate", "--policy", "bvt", "--input", file, "--json")).out);
    const later = JSON.parse(
      (await redress("simulate", "--policy", "bvt", "--input", file, "--today", "2027-01-04", "--json")).out,
    );
    expect(open.clocks["stage2.acknowledgement"].state).toBe("open");
    expect(later.clocks["stage2.acknowledgement"].state).toBe("overdue");
  });

  it("explains an invalid history in words and exits 2", async () => {
    const file = historyFile([{ type: "received", on: "2026-13-01" }]);
    const { code, err } = await redress("simulate", "--policy", "bchg", "--input", file);
    expect(code).toBe(2);
    expect(err).toContain("events.0.on");
    expect(err).toContain("YYYY-MM-DD");
  });

  it("prints a readable report with explanations", async () => {
    const { out } = await redress(
      "simulate",
      "--policy",
      "bchg",
      "--input",
      historyFile(history),
      "--today",
      "2027-01-04",
    );
    expect(out).toContain("stage1.response");
    expect(out).toContain("Extended on 2026-11-17 by 12 working days");
    expect(out).toContain("Findings:");
  });
});
