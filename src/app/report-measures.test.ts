import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { testServices } from "../../test/support/services.ts";
import { buildSyntheticYear } from "../../test/support/synthetic-year-builder.ts";
import type { Amount, Average, Breakdown, Count } from "../domain/reporting/figures.ts";
import { measuresFromFacts } from "../domain/reporting/measures.ts";
import { periodBetween } from "../domain/reporting/reporting-year.ts";
import type { Measure } from "../domain/reporting/tsm.ts";
import { loadComplaintFacts } from "../store/complaint-facts.ts";
import { loadContactFacts } from "../store/contact-report-queries.ts";
import { ensureReportFacts } from "./ensure-report-facts.ts";
import { reportMeasures } from "./report-measures.ts";
import type { Services } from "./services.ts";

/**
 * Every measure over the synthetic year in test/support/synthetic-year.ts (1 April 2026 to 31 March 2027; the
 * clock on 3 May 2027, so overdue is judged at 31 March 2027). The expected figures below are worked out by
 * hand from the dates written there, not by the code under test.
 */
const S1_ACKS = [
  "quick",
  "ack-after-target",
  "ack-after-code",
  "stage2-late",
  "extended-in-code",
  "extended-past-code",
  "withdrawn",
  "late-then-stage2",
  "hazard-emergency",
  "escalation-refused",
  "hazard-significant",
];
const S1_RESPONSES = [
  "quick",
  "ack-after-target",
  "ack-after-code",
  "stage2-late",
  "extended-in-code",
  "extended-past-code",
  "late-then-stage2",
  "escalation-refused",
  "answered-in-year",
];
const without = (list: string[], ...names: string[]) => list.filter((n) => !names.includes(n));
const S1_RECEIVED = [
  ...["quick", "ack-after-code", "stage2-late", "extended-past-code", "withdrawn", "escalation-refused"],
  ...[
    "from-service-request",
    "ack-after-target",
    "hazard-emergency",
    "hazard-significant",
    "extended-in-code",
  ],
  ...["hazard-open", "refused", "late-then-stage2", "last-day"],
];

const EXPECTED = {
  timeliness: {
    stage1: {
      acknowledged: S1_ACKS,
      acknowledgedByTarget: without(S1_ACKS, "ack-after-target", "ack-after-code"),
      acknowledgedByCodeLimit: without(S1_ACKS, "ack-after-code"),
      // 1 + 4 + 6 + 1 + 1 + 1 + 1 + 3 + 2 + 1 + 1
      daysToAcknowledge: 22,
      responded: S1_RESPONSES,
      respondedByTarget: without(S1_RESPONSES, "late-then-stage2"),
      respondedByCodeLimit: without(S1_RESPONSES, "late-then-stage2", "extended-past-code"),
      extended: ["extended-in-code", "extended-past-code"],
      // 4 + 10 + 16 + 6 + 13 + 24 + 14 + 5 + 8
      daysToRespond: 100,
    },
    stage2: {
      acknowledged: ["stage2-late", "late-then-stage2"],
      acknowledgedByTarget: ["late-then-stage2"],
      acknowledgedByCodeLimit: ["stage2-late", "late-then-stage2"],
      daysToAcknowledge: 5 + 2,
      responded: ["stage2-late", "late-then-stage2"],
      respondedByTarget: ["late-then-stage2"],
      respondedByCodeLimit: ["late-then-stage2"],
      extended: [],
      daysToRespond: 27 + 21,
    },
  },
  volumes: {
    stage1Received: S1_RECEIVED,
    stage2Received: ["stage2-late", "late-then-stage2", "escalation-refused"],
    byChannel: {
      email: ["ack-after-target", "extended-past-code", "withdrawn", "hazard-significant"],
      letter: ["ack-after-code", "refused"],
      phone: without(
        S1_RECEIVED,
        "ack-after-target",
        "extended-past-code",
        "withdrawn",
        "hazard-significant",
      ).filter((n) => !["ack-after-code", "refused"].includes(n)),
    },
    byCategory: {
      "anti-social-behaviour": ["late-then-stage2"],
      "damp-and-mould": ["ack-after-target", "hazard-emergency", "hazard-significant"],
      "estate-management": ["refused"],
      leaks: ["extended-in-code", "hazard-open"],
      other: ["last-day"],
      repairs: [
        ...["quick", "ack-after-code", "stage2-late", "extended-past-code", "withdrawn"],
        ...["escalation-refused", "from-service-request"],
      ],
    },
    byHandler: {
      "Ann Able": ["quick", "ack-after-code", "extended-past-code", "escalation-refused"],
      "Bea Best": ["ack-after-target", "extended-in-code", "withdrawn", "hazard-significant"],
      "Cal Cole": ["stage2-late", "late-then-stage2", "hazard-emergency"],
      "not-recorded": ["refused", "hazard-open", "last-day", "from-service-request"],
    },
  },
  outcomes: {
    stage1: {
      upheld: ["ack-after-target", "late-then-stage2"],
      "partially-upheld": ["extended-in-code"],
      "not-upheld": without(S1_RESPONSES, "ack-after-target", "late-then-stage2", "extended-in-code"),
    },
    stage2: { upheld: ["late-then-stage2"], "partially-upheld": [], "not-upheld": ["stage2-late"] },
  },
  refusals: {
    stage1: { "legal-proceedings": ["refused"] },
    stage2: { "already-considered": ["escalation-refused"] },
  },
  withdrawals: { stage1: ["withdrawn"], stage2: [] },
  escalation: {
    numerator: ["stage2-late", "late-then-stage2", "escalation-refused"],
    denominator: S1_RESPONSES,
  },
  remedies: {
    offeredByType: {
      "act-on-delay": ["extended-in-code"],
      apology: ["ack-after-target", "late-then-stage2"],
      financial: ["ack-after-target", "extended-in-code", "late-then-stage2"],
    },
    // £100 + £50 + £250
    compensationOffered: {
      pence: 40000,
      references: ["ack-after-target", "extended-in-code", "late-then-stage2"],
    },
    completed: [
      "ack-after-target",
      "ack-after-target",
      "late-then-stage2",
      "late-then-stage2",
      "paid-in-year",
    ],
    // £100 + £250 + £75
    compensationPaid: { pence: 42500, references: ["ack-after-target", "late-then-stage2", "paid-in-year"] },
    overdueRemedies: ["extended-in-code", "extended-in-code"],
    overdueActions: ["extended-in-code"],
  },
  hazards: {
    bySeverity: { emergency: ["hazard-emergency", "hazard-open"], significant: ["hazard-significant"] },
    madeSafe: ["hazard-emergency", "hazard-significant"],
    madeSafeByTarget: ["hazard-emergency"],
    madeSafeByLegalLimit: ["hazard-emergency", "hazard-significant"],
    notYetMadeSafe: ["hazard-open"],
    // 24 hours and 96 hours
    hoursToMakeSafe: 60,
  },
  contacts: {
    byKind: {
      complaint: ["complaint-contact"],
      "service-request": ["request-may", "request-june"],
      feedback: ["feedback-august"],
      compliment: ["compliment-july", "compliment-december"],
    },
    serviceRequestsBecameComplaints: ["request-june"],
  },
  // 4 + 5 + 2 over three answers; the fourth was given after the year.
  survey: {
    byScore: { "1": [], "2": ["late-then-stage2"], "3": [], "4": ["ack-after-target"], "5": ["stage2-late"] },
  },
};

describe.each(TEST_DATABASES)("report measures over a synthetic year (%s)", (kind) => {
  let test: TestDatabase;
  let services: Services;
  let names: Map<string, string>;
  const named = (references: readonly string[]) => references.map((r) => names.get(r) ?? r).sort();
  const sorted = (list: readonly string[]) => [...list].sort();
  const counted = (c: Count) => ({ count: c.count, names: named(c.references) });
  const ofList = (list: string[]) => ({ count: list.length, names: sorted(list) });
  const split = (b: Breakdown) => Object.fromEntries(b.map((row) => [row.key, named(row.references)]));
  const sortedGroups = (g: Record<string, string[]>) =>
    Object.fromEntries(Object.entries(g).map(([k, v]) => [k, sorted(v)]));
  const shareOf = (m: Measure) => ({
    numerator: named(m.numeratorReferences),
    denominator: named(m.denominatorReferences),
  });
  const averaged = (a: Average) => ({ total: a.total, count: a.count, names: named(a.references) });
  const money = (a: Amount) => ({ pence: a.pence, names: named(a.references) });

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    services = testServices(test.db, "2027-05-03T10:00:00Z");
    names = await buildSyntheticYear(services);
  });
  afterAll(async () => {
    await test.drop();
  });

  it("gives the timeliness figures worked out by hand, from the SQL over the projection", async () => {
    const { measures } = await reportMeasures(services, {
      organisationId: "year",
      from: "2026-04-01",
      to: "2027-03-31",
    });
    expect(measures.period.label).toBe("2026/27");
    expect(measures.asAt).toBe("2027-03-31");
    for (const stage of ["stage1", "stage2"] as const) {
      const t = measures.timeliness[stage];
      const e = EXPECTED.timeliness[stage];
      expect(counted(t.acknowledged), stage).toEqual(ofList(e.acknowledged));
      expect(shareOf(t.acknowledgedByTarget), stage).toEqual({
        numerator: sorted(e.acknowledgedByTarget),
        denominator: sorted(e.acknowledged),
      });
      expect(shareOf(t.acknowledgedByCodeLimit), stage).toEqual({
        numerator: sorted(e.acknowledgedByCodeLimit),
        denominator: sorted(e.acknowledged),
      });
      expect(averaged(t.daysToAcknowledge), stage).toEqual({
        total: e.daysToAcknowledge,
        ...ofList(e.acknowledged),
      });
      expect(counted(t.responded), stage).toEqual(ofList(e.responded));
      expect(shareOf(t.respondedByTarget), stage).toEqual({
        numerator: sorted(e.respondedByTarget),
        denominator: sorted(e.responded),
      });
      expect(shareOf(t.respondedByCodeLimit), stage).toEqual({
        numerator: sorted(e.respondedByCodeLimit),
        denominator: sorted(e.responded),
      });
      expect(shareOf(t.extended), stage).toEqual({
        numerator: sorted(e.extended),
        denominator: sorted(e.responded),
      });
      expect(averaged(t.daysToRespond), stage).toEqual({ total: e.daysToRespond, ...ofList(e.responded) });
    }
    const s1 = measures.timeliness.stage1;
    expect(s1.acknowledgedByTarget.value).toBeCloseTo((9 / 11) * 100);
    expect(s1.daysToAcknowledge.value).toBeCloseTo(22 / 11);
    expect(s1.respondedByCodeLimit.value).toBeCloseTo((7 / 9) * 100);
    expect(s1.daysToRespond.value).toBeCloseTo(100 / 9);
    expect(measures.timeliness.stage2.daysToRespond.value).toBe(24);
  });

  it("gives the volume, outcome, refusal, withdrawal and escalation figures worked out by hand", async () => {
    const { measures } = await reportMeasures(services, {
      organisationId: "year",
      from: "2026-04-01",
      to: "2027-03-31",
    });
    const e = EXPECTED.volumes;
    expect(counted(measures.volumes.stage1Received)).toEqual(ofList(e.stage1Received));
    expect(measures.volumes.stage1Received.count).toBe(15);
    expect(counted(measures.volumes.stage2Received)).toEqual(ofList(e.stage2Received));
    expect(split(measures.volumes.byChannel)).toEqual(sortedGroups(e.byChannel));
    expect(split(measures.volumes.byCategory)).toEqual(sortedGroups(e.byCategory));
    expect(split(measures.volumes.byHandler)).toEqual(sortedGroups(e.byHandler));
    expect(split(measures.outcomes.stage1)).toEqual(sortedGroups(EXPECTED.outcomes.stage1));
    expect(split(measures.outcomes.stage2)).toEqual(sortedGroups(EXPECTED.outcomes.stage2));
    expect(split(measures.refusals.stage1)).toEqual(EXPECTED.refusals.stage1);
    expect(split(measures.refusals.stage2)).toEqual(EXPECTED.refusals.stage2);
    expect(counted(measures.withdrawals.stage1)).toEqual(ofList(EXPECTED.withdrawals.stage1));
    expect(counted(measures.withdrawals.stage2)).toEqual(ofList(EXPECTED.withdrawals.stage2));
    expect(shareOf(measures.escalation)).toEqual({
      numerator: sorted(EXPECTED.escalation.numerator),
      denominator: sorted(EXPECTED.escalation.denominator),
    });
    expect(measures.escalation.value).toBeCloseTo((3 / 9) * 100);
  });

  it("gives the remedy, overdue, hazard, contact and survey figures worked out by hand", async () => {
    const { measures } = await reportMeasures(services, {
      organisationId: "year",
      from: "2026-04-01",
      to: "2027-03-31",
    });
    const r = EXPECTED.remedies;
    expect(split(measures.remedies.offeredByType)).toEqual(sortedGroups(r.offeredByType));
    expect(measures.remedies.offered.count).toBe(6);
    expect(money(measures.remedies.compensationOffered)).toEqual({
      pence: 40000,
      names: sorted(r.compensationOffered.references),
    });
    expect(counted(measures.remedies.completed)).toEqual(ofList(r.completed));
    expect(money(measures.remedies.compensationPaid)).toEqual({
      pence: 42500,
      names: sorted(r.compensationPaid.references),
    });
    expect(counted(measures.remedies.overdueRemedies)).toEqual(ofList(r.overdueRemedies));
    expect(counted(measures.remedies.overdueActions)).toEqual(ofList(r.overdueActions));

    const h = EXPECTED.hazards;
    expect(split(measures.hazards.bySeverity)).toEqual(sortedGroups(h.bySeverity));
    expect(measures.hazards.flagged.count).toBe(3);
    expect(shareOf(measures.hazards.madeSafeByTarget)).toEqual({
      numerator: h.madeSafeByTarget,
      denominator: h.madeSafe,
    });
    expect(shareOf(measures.hazards.madeSafeByLegalLimit)).toEqual({
      numerator: h.madeSafeByLegalLimit,
      denominator: h.madeSafe,
    });
    expect(counted(measures.hazards.notYetMadeSafe)).toEqual(ofList(h.notYetMadeSafe));
    expect(measures.hazards.hoursToMakeSafe.value).toBe(h.hoursToMakeSafe);

    expect(split(measures.contacts.byKind)).toEqual(sortedGroups(EXPECTED.contacts.byKind));
    expect(shareOf(measures.contacts.serviceRequestsBecameComplaints)).toEqual({
      numerator: EXPECTED.contacts.serviceRequestsBecameComplaints,
      denominator: sorted(EXPECTED.contacts.byKind["service-request"]),
    });
    expect(measures.contacts.serviceRequestsBecameComplaints.value).toBe(50);

    expect(split(measures.survey.byScore)).toEqual(EXPECTED.survey.byScore);
    expect(measures.survey.answers.count).toBe(3);
    expect(measures.survey.averageSatisfaction.value).toBeCloseTo(11 / 3);
  });

  it("the domain's definitions over the same facts agree with the SQL on every figure, for any period and date", async () => {
    const facts = await loadComplaintFacts(test.db, "year");
    const contacts = await loadContactFacts(test.db, "year");
    const periods: [string, string, string?][] = [
      ["2026-04-01", "2027-03-31"],
      ["2026-07-01", "2026-09-30"],
      ["2026-06-01", "2026-06-30", "2026-06-30"],
      ["2026-04-01", "2027-03-31", "2026-08-10"],
      ["2027-04-01", "2027-04-30"],
      ["2024-04-01", "2025-03-31"],
    ];
    for (const [from, to, asAt] of periods) {
      const report = await reportMeasures(services, {
        organisationId: "year",
        from,
        to,
        ...(asAt ? { asAt } : {}),
      });
      const domain = measuresFromFacts(facts, contacts, periodBetween(from, to), report.measures.asAt);
      expect(domain, `${from} to ${to}`).toEqual(report.measures);
    }
  });

  it("recomputes facts written under an older version of the facts, so new columns are never left empty", async () => {
    const before = await loadComplaintFacts(test.db, "year");
    await test.db.query(
      `UPDATE complaint_facts SET facts_version = 1, survey_answered_on = NULL, s1_working_days_to_acknowledge = NULL
       WHERE organisation_id = 'year'`,
    );
    await test.db.query("DELETE FROM complaint_follow_up_facts WHERE organisation_id = 'year'");
    await test.db.query("DELETE FROM complaint_hazard_facts WHERE organisation_id = 'year'");
    expect(await loadComplaintFacts(test.db, "year")).not.toEqual(before);
    expect(await ensureReportFacts(services)).toEqual(["year"]);
    expect(await loadComplaintFacts(test.db, "year")).toEqual(before);
    expect(await ensureReportFacts(services)).toEqual([]);
  });
});
