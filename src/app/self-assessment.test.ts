import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { GovernanceRuleError } from "../domain/governance/governance-errors.ts";
import { approveSelfAssessment } from "./approve-self-assessment.ts";
import { saveSelfAssessmentSection } from "./save-self-assessment-section.ts";
import type { Services } from "./services.ts";
import { issueLetter } from "./issue-letter.ts";
import { aComplaint, lettersOf } from "./test-builders.ts";
import { UnknownRecordError } from "./unknown-record.ts";
import { viewSelfAssessment } from "./view-self-assessment.ts";

const ruleOf = async (work: Promise<unknown>) => {
  try {
    await work;
    return null;
  } catch (error) {
    if (error instanceof GovernanceRuleError) return `${error.code}@${error.field ?? ""}`;
    throw error;
  }
};

describe.each(TEST_DATABASES)("the Code self-assessment (%s)", (kind) => {
  let test: TestDatabase;
  let services: Services;
  const at = { organisationId: "putting-things-right", year: 2026 };

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    services = testServices(test.db, "2027-02-01T10:00:00Z");
    // A pack the Code linter finds in breach (one stage, 20 working days to respond).
    await anOrganisation(services, "putting-things-right");
    await anOrganisation(services, "bdht");
    await aComplaint(services, "putting-things-right", "responded");
  });
  afterAll(async () => {
    await test.drop();
  });

  it("starts with evidence Redress can show: the pack, the linter's findings and timeliness", async () => {
    const page = await viewSelfAssessment(services, at);
    expect(page.shown).toBeNull();
    expect(page.summary.unanswered).toBe(page.provisions.rows.length);
    expect(page.prefill["6.3"]).toContainEqual(
      expect.objectContaining({ source: "lint", severity: "error" }),
    );
    expect(page.prefill["6.3"]).toContainEqual(
      expect.objectContaining({
        source: "tsm",
        text: "TSM CH02 2026/27: 1 of 1 Stage 1 responses within the Code's timescales (100.0%).",
      }),
    );
    expect(page.prefill["6.9"]).toContainEqual(
      expect.objectContaining({ source: "letters", available: false }),
    );
  });

  it("counts the year's issued letters as sample letters once there are some", async () => {
    const reference = await aComplaint(services, "bdht", "responded");
    const response = (await lettersOf(test.db, reference)).find((l) => l.kind === "stage1-response")!;
    await issueLetter(services, { organisationId: "bdht", reference, letterId: response.id }, "officer");
    const page = await viewSelfAssessment(services, { organisationId: "bdht", year: 2026 });
    expect(page.prefill["6.9"]).toContainEqual(
      expect.objectContaining({ source: "letters", text: "1 Stage 1 response letter issued in Redress." }),
    );
  });

  it("saves each section as a new version, keeping the earlier ones, and never over a newer one", async () => {
    const v1 = await saveSelfAssessmentSection(
      services,
      {
        ...at,
        basedOnVersion: 0,
        section: 6,
        answers: {
          "6.2": { comply: "yes" },
          "6.3": {
            comply: "no",
            commentary: "The policy allows 20 working days",
            actions: "Change the policy to 10",
            complianceBy: "2027-03-31",
          },
        },
      },
      "cara@ptr.test",
    );
    expect(v1).toEqual({ version: 1 });
    // The linter's error on 5.3 must be explained before saying "yes".
    expect(
      await ruleOf(
        saveSelfAssessmentSection(
          services,
          { ...at, basedOnVersion: 1, section: 5, answers: { "5.3": { comply: "yes" } } },
          "cara",
        ),
      ),
    ).toBe("LINT_ERROR_UNEXPLAINED@answers.5.3.commentary");
    const v2 = await saveSelfAssessmentSection(
      services,
      {
        ...at,
        basedOnVersion: 1,
        section: 4,
        answers: { "4.1": { comply: "yes", evidence: "The Customer Voice team is the complaints officer" } },
      },
      "cara@ptr.test",
    );
    expect(v2).toEqual({ version: 2 });
    expect(
      await ruleOf(
        saveSelfAssessmentSection(services, { ...at, basedOnVersion: 1, section: 4, answers: {} }, "dev"),
      ),
    ).toBe("NEWER_VERSION_SAVED@");

    const latest = await viewSelfAssessment(services, at);
    expect(latest.latestVersion).toBe(2);
    expect(latest.answers["6.3"]).toMatchObject({ comply: "no", complianceBy: "2027-03-31" });
    expect(latest.answers["4.1"]?.comply).toBe("yes");
    expect(latest.versions.map((v) => [v.version, v.change, v.savedBy])).toEqual([
      [2, "Section 4: Complaint handling staff", "cara@ptr.test"],
      [1, "Section 6: Complaint stages: Stage 1 and Stage 2", "cara@ptr.test"],
    ]);
    const first = await viewSelfAssessment(services, { ...at, version: 1 });
    expect(first.answers["4.1"]).toBeUndefined();
    // Each version keeps the evidence it was saved with.
    expect(first.prefill["6.2"]).toContainEqual(expect.objectContaining({ source: "pack", available: true }));
    await expect(viewSelfAssessment(services, { ...at, version: 9 })).rejects.toBeInstanceOf(
      UnknownRecordError,
    );
  });

  it("records the governing body's approval of the latest version, once", async () => {
    const approve = (version: number, approvedOn = "2027-01-28") =>
      approveSelfAssessment(services, { ...at, version, approvedOn, body: "The Board" }, "ana@ptr.test");
    expect(await ruleOf(approve(1))).toBe("APPROVE_LATEST_ONLY@");
    expect(await ruleOf(approve(2, "2027-02-02"))).toBe("DATE_IN_FUTURE@approvedOn");
    await approve(2);
    expect(await ruleOf(approve(2))).toBe("ALREADY_APPROVED_VERSION@");
    const page = await viewSelfAssessment(services, at);
    expect(page.versions[0]).toMatchObject({
      version: 2,
      approvedOn: "2027-01-28",
      approvedByBody: "The Board",
      approvalRecordedBy: "ana@ptr.test",
    });
    // A save after approval is a new, unapproved version; the approved one is kept.
    await saveSelfAssessmentSection(services, { ...at, basedOnVersion: 2, section: 9, answers: {} }, "cara");
    expect((await viewSelfAssessment(services, at)).versions.map((v) => v.approvedOn)).toEqual([
      null,
      "2027-01-28",
      null,
    ]);
  });

  it("keeps each organisation's and each year's assessment apart", async () => {
    expect((await viewSelfAssessment(services, { organisationId: "bdht", year: 2026 })).versions).toEqual([]);
    expect((await viewSelfAssessment(services, { ...at, year: 2025 })).versions).toEqual([]);
    await expect(
      approveSelfAssessment(
        services,
        { organisationId: "bdht", year: 2026, version: 2, approvedOn: "2027-01-28", body: "Board" },
        "x",
      ),
    ).rejects.toBeInstanceOf(UnknownRecordError);
  });
});
