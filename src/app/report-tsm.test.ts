import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { testServices } from "../../test/support/services.ts";
import { resolvePolicyPack } from "../adapters/policy-files.ts";
import { reportingYear } from "../domain/reporting/reporting-year.ts";
import { ch01, ch02 } from "../domain/reporting/tsm.ts";
import { loadComplaintFacts } from "../store/complaint-facts.ts";
import { acknowledgeComplaint } from "./acknowledge-complaint.ts";
import { addOrganisation } from "./add-organisation.ts";
import { ensureReportFacts } from "./ensure-report-facts.ts";
import { extendDeadline } from "./extend-deadline.ts";
import { logComplaint } from "./log-complaint.ts";
import { rebuildProjections } from "./rebuild-projections.ts";
import { refuseComplaint } from "./refuse-complaint.ts";
import { reportTsm } from "./report-tsm.ts";
import { requestEscalation } from "./request-escalation.ts";
import { respondToComplaint } from "./respond-to-complaint.ts";
import type { Services } from "./services.ts";
import { withdrawComplaint } from "./withdraw-complaint.ts";

/**
 * A synthetic reporting year, 1 April 2026 to 31 March 2027, for a landlord with 1,000 rented homes and 200
 * shared-ownership homes, on the Code's own pack. Each complaint's path is written out with the dates that
 * matter; what it should count towards is worked out by hand beside it (the Code limits were checked with
 * `redress calendar add`, e.g. acknowledged Thu 2 April 2026 + 10 working days, over Easter, is Mon 20 April).
 */
type Step =
  | { ack: string; stage?: 1 | 2 }
  | { extend: string; days: number }
  | { respond: string; stage?: 1 | 2 }
  | { escalate: string }
  | { refuse: string; stage: 1 | 2 }
  | { withdraw: string };

const YEAR: { ref: string; received: string; tenure?: "lcho"; steps: Step[] }[] = [
  // 1: the first day of the year; answered by the limit (20 Apr).
  { ref: "first-day", received: "2026-04-01", steps: [{ ack: "2026-04-02" }, { respond: "2026-04-10" }] },
  // 2: received the year before, answered in the year by the limit (17 Apr): CH02 only.
  { ref: "last-year", received: "2026-03-31", steps: [{ ack: "2026-04-01" }, { respond: "2026-04-08" }] },
  // 3: the last day of the year, shared ownership; not yet answered.
  { ref: "last-day", received: "2027-03-31", tenure: "lcho", steps: [] },
  // 4: answered a day after the Code's limit (16 Jun).
  { ref: "late", received: "2026-06-01", steps: [{ ack: "2026-06-02" }, { respond: "2026-06-17" }] },
  // 5: limit 16 Jul, extended in time by 5 to 23 Jul, answered 20 Jul: within the extension only.
  {
    ref: "in-extension",
    received: "2026-07-01",
    steps: [{ ack: "2026-07-02" }, { extend: "2026-07-10", days: 5 }, { respond: "2026-07-20" }],
  },
  // 6: refused at Stage 1: not a complaint under the Code.
  { ref: "refused", received: "2026-08-03", steps: [{ refuse: "2026-08-04", stage: 1 }] },
  // 7: withdrawn at Stage 1: counts unless withdrawn complaints are left out.
  { ref: "withdrawn", received: "2026-09-01", steps: [{ ack: "2026-09-02" }, { withdraw: "2026-09-10" }] },
  // 8: both stages answered in time (Stage 1 limit 16 Oct; Stage 2 limit 10 Nov).
  {
    ref: "two-stages",
    received: "2026-10-01",
    steps: [
      { ack: "2026-10-02" },
      { respond: "2026-10-09" },
      { escalate: "2026-10-12" },
      { ack: "2026-10-13", stage: 2 },
      { respond: "2026-11-05", stage: 2 },
    ],
  },
  // 9: answered in time, escalated, then refused at Stage 2: counts at Stage 1 only.
  {
    ref: "escalation-refused",
    received: "2026-11-02",
    steps: [
      { ack: "2026-11-03" },
      { respond: "2026-11-09" },
      { escalate: "2026-11-10" },
      { refuse: "2026-11-11", stage: 2 },
    ],
  },
  // 10: Stage 1 in time (19 Jan); Stage 2 answered the day after its limit (9 Feb).
  {
    ref: "stage2-late",
    received: "2027-01-04",
    steps: [
      { ack: "2027-01-05" },
      { respond: "2027-01-08" },
      { escalate: "2027-01-11" },
      { ack: "2027-01-12", stage: 2 },
      { respond: "2027-02-10", stage: 2 },
    ],
  },
  // 11: received in the year, answered after it ends: CH01 only.
  {
    ref: "answered-next-year",
    received: "2027-03-22",
    steps: [{ ack: "2027-03-23" }, { respond: "2027-04-06" }],
  },
];

// What each figure should be, worked out from the table above (not by the code under test).
const EXPECTED = {
  ch01: {
    stage1Lcra: [
      "first-day",
      "late",
      "in-extension",
      "withdrawn",
      "two-stages",
      "escalation-refused",
      "stage2-late",
      "answered-next-year",
    ],
    stage1Lcho: ["last-day"],
    stage2Lcra: ["two-stages", "stage2-late"],
    stage1LcraWithoutWithdrawn: 7,
  },
  ch02: {
    stage1Responded: [
      "first-day",
      "last-year",
      "late",
      "in-extension",
      "two-stages",
      "escalation-refused",
      "stage2-late",
    ],
    stage1InTime: [
      "first-day",
      "last-year",
      "in-extension",
      "two-stages",
      "escalation-refused",
      "stage2-late",
    ],
    stage1InTimeWithoutExtensions: 5,
    stage2Responded: ["two-stages", "stage2-late"],
    stage2InTime: ["two-stages"],
  },
};

async function buildYear(services: Services): Promise<Map<string, string>> {
  const refs = new Map<string, string>();
  const actor = "officer@example.org";
  for (const c of YEAR) {
    const { reference } = await logComplaint(
      services,
      {
        organisationId: "year",
        receivedOn: c.received,
        channel: "phone",
        description: `Complaint ${c.ref}`,
        resident: { name: `Resident ${c.ref}` },
        definition: { issues: [{ id: "1", summary: "The repair" }], outcomesSought: ["Fix it"] },
        ...(c.tenure ? { tenure: c.tenure } : {}),
      },
      actor,
    );
    refs.set(reference, c.ref);
    const at = { organisationId: "year", reference };
    for (const step of c.steps) {
      if ("ack" in step)
        await acknowledgeComplaint(services, { ...at, on: step.ack, stage: step.stage ?? 1 }, actor);
      else if ("extend" in step)
        await extendDeadline(
          services,
          { ...at, on: step.extend, stage: 1, workingDays: step.days, reason: "Survey" },
          actor,
        );
      else if ("respond" in step)
        await respondToComplaint(
          services,
          {
            ...at,
            on: step.respond,
            stage: step.stage ?? 1,
            findings: [{ issueId: "1", decision: "not-upheld", reason: "Done properly" }],
            outcome: "not-upheld",
            remedies: [],
            actions: [],
            learning: ["None"],
          },
          actor,
        );
      else if ("escalate" in step) await requestEscalation(services, { ...at, on: step.escalate }, actor);
      else if ("refuse" in step)
        await refuseComplaint(
          services,
          { ...at, on: step.refuse, stage: step.stage, ground: "legal-proceedings", reason: "In court" },
          actor,
        );
      else await withdrawComplaint(services, { ...at, on: step.withdraw }, actor);
    }
  }
  return refs;
}

describe.each(TEST_DATABASES)("TSM CH01 and CH02 over a synthetic year (%s)", (kind) => {
  let test: TestDatabase;
  let services: Services;
  let names: Map<string, string>;
  const named = (references: string[]) => references.map((r) => names.get(r));

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    services = testServices(test.db, "2027-05-03T10:00:00Z");
    await addOrganisation(services, {
      id: "year",
      name: "Synthetic year landlord",
      pack: resolvePolicyPack("hos-code-2024"),
      homesLcra: 1000,
      homesLcho: 200,
    });
    names = await buildYear(services);
  });
  afterAll(async () => {
    await test.drop();
  });

  it("gives the figures worked out by hand, from the SQL over the projection", async () => {
    const report = await reportTsm(services, { organisationId: "year", year: 2026 });
    expect(report.period).toEqual({ from: "2026-04-01", to: "2027-03-31", label: "2026/27" });
    expect(named(report.ch01.stage1.lcra.numeratorReferences).sort()).toEqual(
      [...EXPECTED.ch01.stage1Lcra].sort(),
    );
    expect(report.ch01.stage1.lcra).toMatchObject({ numerator: 8, denominator: 1000, value: 8 });
    expect(named(report.ch01.stage1.lcho.numeratorReferences)).toEqual(EXPECTED.ch01.stage1Lcho);
    expect(report.ch01.stage1.lcho).toMatchObject({ numerator: 1, denominator: 200, value: 5 });
    expect(named(report.ch01.stage2.lcra.numeratorReferences).sort()).toEqual(
      [...EXPECTED.ch01.stage2Lcra].sort(),
    );
    expect(report.ch01.stage2.lcra.value).toBeCloseTo(2);
    expect(report.alternatives.ch01.stage1.lcra.numerator).toBe(EXPECTED.ch01.stage1LcraWithoutWithdrawn);

    expect(named(report.ch02.stage1.denominatorReferences).sort()).toEqual(
      [...EXPECTED.ch02.stage1Responded].sort(),
    );
    expect(named(report.ch02.stage1.numeratorReferences).sort()).toEqual(
      [...EXPECTED.ch02.stage1InTime].sort(),
    );
    expect(report.ch02.stage1.value).toBeCloseTo((6 / 7) * 100);
    expect(report.alternatives.ch02.stage1.numerator).toBe(EXPECTED.ch02.stage1InTimeWithoutExtensions);
    expect(named(report.ch02.stage2.denominatorReferences).sort()).toEqual(
      [...EXPECTED.ch02.stage2Responded].sort(),
    );
    expect(named(report.ch02.stage2.numeratorReferences)).toEqual(EXPECTED.ch02.stage2InTime);
    expect(report.ch02.stage2.value).toBe(50);
  });

  it("the domain's definitions over the same facts agree with the SQL on every figure, under both readings", async () => {
    const facts = await loadComplaintFacts(test.db, "year");
    const period = reportingYear(2026);
    const homes = { lcra: 1000, lcho: 200 };
    const report = await reportTsm(services, { organisationId: "year", year: 2026 });
    expect(ch01(facts, homes, period, report.settings)).toEqual(report.ch01);
    expect(ch02(facts, period, report.settings)).toEqual(report.ch02);
    expect(ch01(facts, homes, period, report.alternatives.settings)).toEqual(report.alternatives.ch01);
    expect(ch02(facts, period, report.alternatives.settings)).toEqual(report.alternatives.ch02);
  });

  it("rebuilding the projections gives the same facts, and facts missing (from before they were kept) are filled in", async () => {
    const before = await loadComplaintFacts(test.db, "year");
    await rebuildProjections(services, "year");
    expect(await loadComplaintFacts(test.db, "year")).toEqual(before);
    await test.db.query("DELETE FROM complaint_facts WHERE organisation_id = 'year'");
    expect(await ensureReportFacts(services)).toEqual(["year"]);
    expect(await loadComplaintFacts(test.db, "year")).toEqual(before);
    expect(await ensureReportFacts(services)).toEqual([]);
  });
});
