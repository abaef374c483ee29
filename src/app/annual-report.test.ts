import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { GovernanceRuleError } from "../domain/governance/governance-errors.ts";
import { refusalsByGround } from "../domain/governance/refusals-by-ground.ts";
import { reportingYear } from "../domain/reporting/reporting-year.ts";
import { loadComplaintFacts } from "../store/complaint-facts.ts";
import { refusalsByGroundQuery } from "../store/refusals-by-ground.ts";
import { approveSelfAssessment } from "./approve-self-assessment.ts";
import { approveYouSaidWeDid } from "./approve-you-said-we-did.ts";
import { draftYouSaidWeDid } from "./draft-you-said-we-did.ts";
import { issueAnnualReport } from "./issue-annual-report.ts";
import { logComplaint } from "./log-complaint.ts";
import { recordGoverningBodyResponse } from "./record-governing-body-response.ts";
import { recordOmbudsmanCase } from "./record-ombudsman-case.ts";
import { refuseComplaint } from "./refuse-complaint.ts";
import { saveSelfAssessmentSection } from "./save-self-assessment-section.ts";
import type { Services } from "./services.ts";
import { aComplaint } from "./test-builders.ts";
import { UnknownRecordError } from "./unknown-record.ts";
import { viewAnnualReport, viewAnnualReportVersion } from "./view-annual-report.ts";

const ruleOf = async (work: Promise<unknown>) => {
  try {
    await work;
    return null;
  } catch (error) {
    if (error instanceof GovernanceRuleError) return error.code;
    throw error;
  }
};

/** Refusals worked out by hand: two matters refused at Stage 1 as legal proceedings, one as an insurance claim, one escalation refused. */
const REFUSALS = [
  { stage: 1, ground: "legal-proceedings", count: 2 },
  { stage: 1, ground: "insurance-claim", count: 1 },
  { stage: 2, ground: "legal-proceedings", count: 1 },
];

describe.each(TEST_DATABASES)(
  "the annual complaints performance and service improvement report (%s)",
  (kind) => {
    let test: TestDatabase;
    let services: Services & { setNow(iso: string): void };
    let references: string[];
    const at = { organisationId: "bchg", year: 2026 };

    beforeAll(async () => {
      test = await openTestDatabase(kind);
      services = testServices(test.db, "2027-04-20T10:00:00Z");
      await anOrganisation(services, "bchg");
      await anOrganisation(services, "bdht");
      references = [];
      const refuse = async (ground: string, on: string) => {
        const { reference } = await logComplaint(
          services,
          {
            organisationId: "bchg",
            receivedOn: on,
            channel: "phone",
            description: "x",
            resident: { name: `Refused ${ground} ${on}` },
          },
          "agent",
        );
        references.push(reference);
        await refuseComplaint(
          services,
          { organisationId: "bchg", reference, on, stage: 1, ground, reason: "In court" },
          "cara",
        );
      };
      await refuse("legal-proceedings", "2026-05-01");
      await refuse("legal-proceedings", "2027-03-31");
      await refuse("insurance-claim", "2026-09-01");
      await refuse("insurance-claim", "2027-04-01"); // the next year
      const escalated = await aComplaint(services, "bchg", "escalated");
      references.push(escalated);
      await refuseComplaint(
        services,
        {
          organisationId: "bchg",
          reference: escalated,
          on: "2026-11-11",
          stage: 2,
          ground: "legal-proceedings",
          reason: "In court",
        },
        "cara",
      );
      await aComplaint(services, "bdht", "responded");

      await saveSelfAssessmentSection(
        services,
        { ...at, basedOnVersion: 0, section: 6, answers: { "6.2": { comply: "yes" } } },
        "cara",
      );
      await approveSelfAssessment(
        services,
        { ...at, version: 1, approvedOn: "2027-03-20", body: "The Board" },
        "ana",
      );
      await saveSelfAssessmentSection(
        services,
        { ...at, basedOnVersion: 1, section: 4, answers: {} },
        "cara",
      );
      const { id } = await draftYouSaidWeDid(
        services,
        {
          organisationId: "bchg",
          lessons: [],
          youSaid: "You told us repairs took too long.",
          weDid: "We book second visits at the first.",
          themes: ["repairs"],
          changedOn: "2026-12-01",
        },
        "cara",
      );
      await approveYouSaidWeDid(services, { organisationId: "bchg", id }, "ana");
      await recordOmbudsmanCase(
        services,
        {
          organisationId: "bchg",
          kind: "complaint-handling-failure-order",
          hosReference: "CHFO-202601",
          complaintReference: escalated,
          decidedOn: "2026-12-02",
          findings: [],
        },
        "cara",
      );
    });
    afterAll(async () => {
      await test.drop();
    });

    it("counts refusals by ground in SQL exactly as the domain's definition does, and as worked out by hand", async () => {
      const period = reportingYear(2026);
      const sql = await refusalsByGroundQuery(test.db, "bchg", period);
      expect(sql).toEqual(REFUSALS);
      expect(refusalsByGround(await loadComplaintFacts(test.db, "bchg"), period)).toEqual(sql);
    });

    it("puts together the year: the approved self-assessment, TSM figures, refusals in the pack's words, the Ombudsman's failure order and the improvements", async () => {
      const { draft, versions } = await viewAnnualReport(services, at);
      expect(versions).toEqual([]);
      expect(draft.selfAssessment).toMatchObject({
        version: 1,
        approvedOn: "2027-03-20",
        approvedByBody: "The Board",
        counts: { yes: 1 },
      });
      expect(draft.selfAssessment?.rows.find((r) => r.id === "6.2")?.evidence[0]).toMatch(
        /acknowledged within 5 working days/,
      );
      expect(draft.performance.ch02.stage1).toEqual({ value: 100, numerator: 1, denominator: 1 });
      expect(draft.performance.refusals.map((r) => [r.stage, r.groundText, r.count])).toEqual([
        [1, expect.stringMatching(/legal/i), 2],
        [1, expect.stringMatching(/insur/i), 1],
        [2, expect.stringMatching(/legal/i), 1],
      ]);
      expect(draft.ombudsman.nonCompliance.map((c) => c.hosReference)).toEqual(["CHFO-202601"]);
      expect(draft.improvements).toEqual([
        {
          youSaid: "You told us repairs took too long.",
          weDid: "We book second visits at the first.",
          themes: ["repairs"],
          changedIn: "2026-12",
        },
      ]);
      const text = JSON.stringify(draft);
      for (const r of references) expect(text).not.toContain(r);
      expect(text).not.toContain("Refused legal");
    });

    it("issues versions to the governing body and keeps its response with the version it answered, once", async () => {
      expect(await issueAnnualReport(services, at, "cara")).toEqual({ version: 1 });
      services.setNow("2027-04-28T10:00:00Z");
      const respond = (version: number, givenOn: string) =>
        recordGoverningBodyResponse(
          services,
          { ...at, version, response: "The Board notes the report.", body: "The Board", givenOn },
          "ana",
        );
      expect(await ruleOf(respond(1, "2027-04-19"))).toBe("RESPONSE_BEFORE_ISSUE");
      await respond(1, "2027-04-27");
      expect(await ruleOf(respond(1, "2027-04-27"))).toBe("RESPONSE_ALREADY_RECORDED");
      expect(await issueAnnualReport(services, at, "cara")).toEqual({ version: 2 });
      const v1 = await viewAnnualReportVersion(services, { ...at, version: 1 });
      expect(v1).toMatchObject({
        issuedBy: "cara",
        response: "The Board notes the report.",
        responseBody: "The Board",
        responseGivenOn: "2027-04-27",
        responseRecordedBy: "ana",
      });
      expect(v1.content.assembledOn).toBe("2027-04-20");
      expect(
        (await viewAnnualReport(services, at)).versions.map((v) => [v.version, v.responseGivenOn]),
      ).toEqual([
        [2, null],
        [1, "2027-04-27"],
      ]);
      await expect(
        viewAnnualReportVersion(services, { organisationId: "bdht", year: 2026, version: 1 }),
      ).rejects.toBeInstanceOf(UnknownRecordError);
      await expect(
        recordGoverningBodyResponse(
          services,
          { organisationId: "bdht", year: 2026, version: 1, response: "x", body: "x", givenOn: "2027-04-27" },
          "x",
        ),
      ).rejects.toBeInstanceOf(UnknownRecordError);
    });
  },
);
