import { describe, expect, it } from "vitest";
import { reportingYear } from "../reporting/reporting-year.ts";
import { annualReportDocument } from "./annual-report-document.ts";
import type { AnnualReportContent, Figure } from "./annual-report.ts";
import type { ombudsmanSummary } from "./ombudsman.ts";
import { outlineOf } from "../reporting/test-builders.ts";

const period = reportingYear(2026);
const noFigure: Figure = { value: null, numerator: 0, denominator: 0 };
const noFindings = Object.fromEntries(
  [
    "severe-maladministration",
    "maladministration",
    "service-failure",
    "no-maladministration",
    "reasonable-redress",
    "outside-jurisdiction",
  ].map((f) => [f, 0]),
) as ReturnType<typeof ombudsmanSummary>["findings"];

const empty: AnnualReportContent = {
  organisation: { id: "bchg", name: "Bright Crescent Housing Group" },
  year: 2026,
  period,
  assembledOn: "2027-02-01",
  selfAssessment: null,
  performance: {
    ch01: { stage1: noFigure, stage2: noFigure, stage1Lcho: noFigure, stage2Lcho: noFigure },
    ch02: { stage1: noFigure, stage2: noFigure },
    refusals: [],
  },
  ombudsman: {
    summary: {
      determinations: 0,
      failureOrders: 0,
      findings: noFindings,
      ordersOutstanding: 0,
      ordersOverdue: 0,
    },
    nonCompliance: [],
    cases: [],
  },
  improvements: [],
  annualLetters: [],
  otherReports: [],
};

const determination: AnnualReportContent["ombudsman"]["cases"][number] = {
  kind: "determination",
  hosReference: "202412345",
  decidedOn: "2026-12-18",
  summary: "Leak in the kitchen ceiling",
  findings: [
    { element: "Repairs to the leak", finding: "maladministration", complaintHandling: false },
    { element: "Complaint handling", finding: "service-failure", complaintHandling: true },
  ],
  orders: [
    { kind: "order", description: "Pay £350", dueOn: "2027-01-29", compliedOn: "2027-01-28" },
    { kind: "recommendation", description: "Review the repairs policy", dueOn: null, compliedOn: null },
  ],
};

const filled: AnnualReportContent = {
  ...empty,
  selfAssessment: {
    version: 3,
    approvedOn: "2027-01-30",
    approvedByBody: "The Board",
    counts: { rows: 2, yes: 1, no: 1, unanswered: 0 },
    rows: [
      {
        id: "4.2",
        provision: "4.2",
        section: 4,
        requirement: "A member of the governing body is responsible for complaints",
        comply: "yes",
        evidence: ["Complaints policy, section 3", "Scheme of delegation, paragraph 3"],
        commentary: "",
        actions: "",
        complianceBy: null,
      },
      {
        id: "4.3",
        provision: "4.3–4.4",
        section: 4,
        requirement: "Contractors handle complaints under the Code",
        comply: "no",
        evidence: [],
        commentary: "Training not yet given to contractors",
        actions: "Train contractors' staff",
        complianceBy: "2027-03-31",
      },
    ],
  },
  performance: {
    ch01: {
      stage1: { value: 12.345, numerator: 3, denominator: 243 },
      stage2: { value: 0, numerator: 0, denominator: 243 },
      stage1Lcho: noFigure,
      stage2Lcho: noFigure,
    },
    ch02: { stage1: { value: 85.5, numerator: 1197, denominator: 1400 }, stage2: noFigure },
    refusals: [
      { stage: 1, ground: "over-12-months", count: 2, groundText: "The matter arose over 12 months ago" },
      { stage: 2, ground: "already-considered", count: 1, groundText: "Already considered" },
    ],
  },
  ombudsman: {
    summary: {
      determinations: 1,
      failureOrders: 0,
      findings: noFindings,
      ordersOutstanding: 0,
      ordersOverdue: 0,
    },
    nonCompliance: [determination],
    cases: [determination],
  },
  improvements: [
    {
      youSaid: "Repairs took too long",
      weDid: "We added a second repairs team",
      themes: ["repairs", "record-keeping"],
      changedIn: "2026-11",
    },
  ],
  annualLetters: [
    {
      kind: "annual-letter",
      title: "Annual letter 2025-26",
      publishedOn: "2026-10-20",
      summary: "Two findings",
      link: "https://example.org/letter",
    },
  ],
  otherReports: [],
};

/** Each block in one line, so the order can be read at a glance. */

describe("the annual report as a report document", () => {
  it("says what is missing in each part of an empty draft, with no figures made up", () => {
    const document = annualReportDocument(empty);
    expect(document).toMatchObject({
      language: "en-GB",
      title: "Annual complaints performance and service improvement report 2026/27",
      organisation: { id: "bchg", name: "Bright Crescent Housing Group" },
      period,
      producedOn: "2027-02-01",
    });
    expect(outlineOf(document.blocks)).toEqual([
      "P As it stands on Monday 1 February 2027: not yet issued.",
      "H2 (a) The annual self-assessment against the Complaint Handling Code",
      "P No self-assessment has been saved for this year.",
      "H2 (b) Complaint-handling performance",
      "H3 Tenant Satisfaction Measures",
      "Figures 6",
      "H3 The types of complaint we refused to accept",
      "P No complaint was refused in 2026/27.",
      "H2 (c) Ombudsman findings of non-compliance with the Code",
      "P None in 2026/27.",
      "P All Ombudsman determinations in the year: 0; Complaint Handling Failure Orders: 0; orders not yet complied with: 0, of which overdue: 0.",
      "H2 (d) Service improvements made from learning",
      "P No improvement approved for publication was made in 2026/27.",
      "H2 (e) The Ombudsman's annual letter or performance report",
      "P None recorded for this year.",
      "H2 (f) Other Ombudsman reports or publications about us",
      "P None recorded for this year.",
    ]);
    const figures = document.blocks.find((b) => b.kind === "figures");
    expect(figures?.kind === "figures" && figures.figures.map((f) => f.value)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("sets out a filled draft part by part, in the page's order and words", () => {
    const { blocks } = annualReportDocument(filled);
    expect(outlineOf(blocks)).toEqual([
      "P As it stands on Monday 1 February 2027: not yet issued.",
      "H2 (a) The annual self-assessment against the Complaint Handling Code",
      "P Version 3, approved by The Board on Saturday 30 January 2027: 1 of 2 provisions complied with, 1 not, 0 not answered.",
      "Table The self-assessment, provision by provision",
      "H2 (b) Complaint-handling performance",
      "H3 Tenant Satisfaction Measures",
      "Figures 6",
      "H3 The types of complaint we refused to accept",
      "Table Matters refused by stage and ground",
      "H2 (c) Ombudsman findings of non-compliance with the Code",
      "P Determination 202412345, Friday 18 December 2026: Leak in the kitchen ceiling\nRepairs to the leak: maladministration; Complaint handling: service failure\nOrder: Pay £350, due Friday 29 January 2027; complied with on Thursday 28 January 2027\nRecommendation: Review the repairs policy; not yet complied with",
      "P All Ombudsman determinations in the year: 1; Complaint Handling Failure Orders: 0; orders not yet complied with: 0, of which overdue: 0.",
      "P Determination 202412345, Friday 18 December 2026: Leak in the kitchen ceiling\nRepairs to the leak: maladministration; Complaint handling: service failure\nOrder: Pay £350, due Friday 29 January 2027; complied with on Thursday 28 January 2027\nRecommendation: Review the repairs policy; not yet complied with",
      "H2 (d) Service improvements made from learning",
      "P You said: Repairs took too long\nWe did: We added a second repairs team\nNovember 2026 · repairs, record keeping",
      "H2 (e) The Ombudsman's annual letter or performance report",
      "P Annual letter 2025-26, Tuesday 20 October 2026: Two findings (https://example.org/letter)",
      "H2 (f) Other Ombudsman reports or publications about us",
      "P None recorded for this year.",
    ]);

    const [assessment, refusals] = blocks.filter((b) => b.kind === "table");
    expect(assessment).toMatchObject({
      columns: ["Provision", "Requirement", "Comply", "Evidence", "Commentary"].map((header) => ({
        header,
        type: "text",
      })),
      firstCellIsHeader: true,
      rows: [
        [
          "4.2",
          "A member of the governing body is responsible for complaints",
          "Yes",
          "Complaints policy, section 3\nScheme of delegation, paragraph 3",
          "",
        ],
        [
          "4.3–4.4",
          "Contractors handle complaints under the Code",
          "No",
          "",
          "Training not yet given to contractors\nActions: Train contractors' staff (by Wednesday 31 March 2027)",
        ],
      ],
    });
    expect(refusals).toMatchObject({
      columns: [
        { header: "Refused", type: "text" },
        { header: "Ground in our policy", type: "text" },
        { header: "Number", type: "number", unit: "count" },
      ],
      rows: [
        ["Not accepted as a complaint", "The matter arose over 12 months ago", 2],
        ["Escalation to Stage 2 refused", "Already considered", 1],
      ],
    });
  });

  it("gives CH01 and CH02 with what they are worked out from: a zero stays 0, a missing figure stays null", () => {
    const figures = annualReportDocument(filled).blocks.find((b) => b.kind === "figures");
    expect(figures?.kind === "figures" && figures.figures).toEqual([
      {
        label: "CH01 Stage 1 complaints received, low cost rental",
        value: 12.345,
        unit: "per-1000-homes",
        note: "3 complaints, 243 homes",
      },
      {
        label: "CH01 Stage 2 complaints received, low cost rental",
        value: 0,
        unit: "per-1000-homes",
        note: "0 complaints, 243 homes",
      },
      {
        label: "CH01 Stage 1 complaints received, low cost home ownership",
        value: null,
        unit: "per-1000-homes",
        note: "0 complaints, 0 homes",
      },
      {
        label: "CH01 Stage 2 complaints received, low cost home ownership",
        value: null,
        unit: "per-1000-homes",
        note: "0 complaints, 0 homes",
      },
      {
        label: "CH02 Stage 1 responses within the Code's timescales",
        value: 85.5,
        unit: "percent",
        note: "1,197 of 1,400 responses",
      },
      {
        label: "CH02 Stage 2 responses within the Code's timescales",
        value: null,
        unit: "percent",
        note: "0 of 0 responses",
      },
    ]);
  });

  it("puts an issued version's date and the governing body's response, line by line, before part (a)", () => {
    const version = {
      version: 2,
      issuedAt: new Date("2027-04-30T23:30:00Z"),
      response: "The Board notes the report.\n\nIt asks for a review of repairs.",
      responseBody: "The Board",
      responseGivenOn: "2027-05-10",
    };
    const document = annualReportDocument(filled, version);
    expect(outlineOf(document.blocks).slice(0, 6)).toEqual([
      // 23:30 UTC on 30 April is already 1 May in London (BST).
      "P Version 2, issued to the governing body on Saturday 1 May 2027.",
      "H2 The governing body's response",
      "P The Board, Monday 10 May 2027:",
      "P The Board notes the report.",
      "P It asks for a review of repairs.",
      "H2 (a) The annual self-assessment against the Complaint Handling Code",
    ]);
    expect(document.producedOn).toBe("2027-02-01");

    const unanswered = annualReportDocument(empty, {
      ...version,
      response: null,
      responseBody: null,
      responseGivenOn: null,
    });
    expect(outlineOf(unanswered.blocks).slice(0, 4)).toEqual([
      "P Version 2, issued to the governing body on Saturday 1 May 2027.",
      "H2 The governing body's response",
      "P Not recorded yet.",
      "H2 (a) The annual self-assessment against the Complaint Handling Code",
    ]);
  });

  it("leaves out what is not recorded rather than writing null or undefined", () => {
    const sparse: AnnualReportContent = {
      ...filled,
      selfAssessment: filled.selfAssessment && {
        ...filled.selfAssessment,
        approvedOn: null,
        approvedByBody: null,
      },
      ombudsman: {
        ...filled.ombudsman,
        cases: [{ ...determination, summary: null, findings: [], orders: [] }],
      },
      improvements: [{ youSaid: "a", weDid: "b", themes: [], changedIn: "2027-03" }],
      otherReports: [
        { kind: "report", title: "Spotlight on damp", publishedOn: "2027-01-10", summary: null, link: null },
      ],
    };
    const lines = outlineOf(annualReportDocument(sparse).blocks);
    expect(lines.join("\n")).not.toMatch(/null|undefined/);
    expect(lines).toContain(
      "P Version 3, not yet approved by the governing body: 1 of 2 provisions complied with, 1 not, 0 not answered.",
    );
    expect(lines).toContain("P Determination 202412345, Friday 18 December 2026");
    expect(lines).toContain("P You said: a\nWe did: b\nMarch 2027");
    expect(lines.at(-1)).toBe("P Spotlight on damp, Sunday 10 January 2027");
  });
});
