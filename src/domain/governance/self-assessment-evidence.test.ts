import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { lintPolicyPack } from "../policy/lint.ts";
import { parsePolicyPack } from "../policy/parse-pack.ts";
import { measure } from "../reporting/tsm.ts";
import { prefillEvidence, type EvidenceFacts, type GovernanceFigures } from "./self-assessment-evidence.ts";
import { parseProvisions } from "./self-assessment-provisions.ts";

const PROVISIONS = parseProvisions(parse(readFileSync("data/code-2024-self-assessment.yaml", "utf8")));
const packOf = (id: string) => parsePolicyPack(readFileSync(`policies/${id}.yaml`, "utf8"), id);
const GOVERNANCE: GovernanceFigures = {
  lessons: 4,
  lessonsActedOn: 3,
  topThemes: [{ theme: "damp-and-mould", lessons: 2 }],
  youSaidWeDidApproved: 1,
  refusals: 2,
  determinations: 1,
  failureOrders: 0,
  ordersOutstanding: 1,
  ordersOverdue: 1,
  annualReportVersions: 0,
  governingBodyResponded: false,
  selfAssessmentVersions: 2,
};
const facts = (packId: string, over: Partial<EvidenceFacts> = {}): EvidenceFacts => {
  const pack = packOf(packId);
  const none = measure([], [], 100);
  return {
    pack,
    lint: lintPolicyPack(pack),
    year: "2026/27",
    tsm: {
      ch01: {
        stage1: { lcra: measure(["a", "b"], 1000, 1000), lcho: none },
        stage2: { lcra: none, lcho: none },
      },
      ch02: { stage1: measure(["a"], ["a", "b"], 100), stage2: none },
    },
    letters: null,
    governance: GOVERNANCE,
    ...over,
  };
};

describe("the evidence Redress fills in", () => {
  it("shows the pack's clause with its citation for the rows it answers", () => {
    const byRow = prefillEvidence(PROVISIONS, facts("bchg"));
    expect(byRow["6.2"]).toContainEqual({
      source: "pack",
      text: "Stage 1 (General Complaints): acknowledged within 5 working days of receipt.",
      cite: "7.3 Summary of approach, Stage 1 row",
      available: true,
    });
    expect(byRow["6.13"]?.[0]?.text).toMatch(/not the person who handled Stage 1/);
  });

  it("puts the Code linter's findings on the rows whose paragraphs they cite", () => {
    const byRow = prefillEvidence(PROVISIONS, facts("putting-things-right"));
    expect(byRow["5.3"]).toContainEqual(
      expect.objectContaining({ source: "lint", severity: "error", cite: "Code 5.3, stages" }),
    );
    expect(byRow["6.3"]?.filter((e) => e.source === "lint").map((e) => e.severity)).toEqual(["error"]);
    expect(byRow["5.3"]).toContainEqual(expect.objectContaining({ source: "pack", available: false }));
    // A compliant pack: no findings against the stage rows.
    expect(prefillEvidence(PROVISIONS, facts("bdht"))["6.3"]?.some((e) => e.source === "lint")).toBe(false);
  });

  it("gives timeliness from TSM CH02 and volumes from CH01", () => {
    const byRow = prefillEvidence(PROVISIONS, facts("bdht"));
    expect(byRow["6.3"]).toContainEqual({
      source: "tsm",
      text: "TSM CH02 2026/27: 1 of 2 Stage 1 responses within the Code's timescales (50.0%).",
      available: true,
    });
    expect(byRow["6.14"]).toContainEqual({
      source: "tsm",
      text: "TSM CH02 2026/27: no Stage 2 responses issued yet.",
      available: false,
    });
    expect(byRow["3.3"]?.[0]?.text).toMatch(/Stage 1 2\.00 per 1,000 homes/);
  });

  it("leaves a marked slot for sample letters while Redress keeps none, and counts them once it does", () => {
    const slot = prefillEvidence(PROVISIONS, facts("bdht"))["6.9"]!.find((e) => e.source === "letters");
    expect(slot).toMatchObject({ available: false, text: expect.stringMatching(/not kept in Redress yet/) });
    const kept = prefillEvidence(
      PROVISIONS,
      facts("bdht", { letters: [{ kind: "stage1-response", issued: 3 }] }),
    );
    expect(kept["6.9"]).toContainEqual({
      source: "letters",
      text: "3 Stage 1 response letters issued in Redress.",
      available: true,
    });
  });

  it("adds what Redress enforces and the governance records", () => {
    const byRow = prefillEvidence(PROVISIONS, facts("bdht"));
    expect(byRow["6.12"]).toContainEqual({
      source: "redress",
      text: "Escalation never asks the resident for a reason.",
      available: true,
    });
    expect(byRow["9.7"]?.map((e) => e.text).join(" ")).toMatch(/1 order\(s\) outstanding, 1 overdue/);
    expect(byRow["9.1"]?.map((e) => e.text).join(" ")).toMatch(
      /4 lessons recorded at responses in 2026\/27; 3 with an action/,
    );
  });
});
