import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { GovernanceRuleError } from "../domain/governance/governance-errors.ts";
import type { LessonKey } from "../domain/governance/lessons.ts";
import { acknowledgeComplaint } from "./acknowledge-complaint.ts";
import { approveYouSaidWeDid } from "./approve-you-said-we-did.ts";
import { completeAction } from "./complete-action.ts";
import { draftYouSaidWeDid } from "./draft-you-said-we-did.ts";
import { editYouSaidWeDid } from "./edit-you-said-we-did.ts";
import { logComplaint } from "./log-complaint.ts";
import { recordLessonAction } from "./record-lesson-action.ts";
import { respondToComplaint } from "./respond-to-complaint.ts";
import type { Services } from "./services.ts";
import { aComplaint, NOW, ON } from "./test-builders.ts";
import { UnknownRecordError } from "./unknown-record.ts";
import { viewLearningLog } from "./view-learning-log.ts";
import { viewLesson } from "./view-lesson.ts";
import { publishedYouSaidWeDid, viewYouSaidWeDid } from "./view-you-said-we-did.ts";
import { withdrawYouSaidWeDid } from "./withdraw-you-said-we-did.ts";

const ruleOf = async (work: Promise<unknown>) => {
  try {
    await work;
    return null;
  } catch (error) {
    if (error instanceof GovernanceRuleError) return `${error.code}@${error.field ?? ""}`;
    throw error;
  }
};

describe.each(TEST_DATABASES)("learning from complaints and 'you said, we did' (%s)", (kind) => {
  let test: TestDatabase;
  let services: Services;
  let parts: LessonKey;
  let none: LessonKey;
  let reference: string;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    services = testServices(test.db, NOW);
    await anOrganisation(services, "bchg");
    await anOrganisation(services, "bdht");
    // Responded 9 Nov 2026 with one lesson and the follow-up action "parts" (due 30 Nov).
    reference = await aComplaint(services, "bchg", "responded");
    // Another resident's complaint, responded with "None".
    const other = await logComplaint(
      services,
      {
        organisationId: "bchg",
        receivedOn: ON.received,
        channel: "phone",
        description: "Noise",
        resident: {
          name: "Dora Neighbour",
          address: "7 Mill Lane",
          postcode: "B66 2BB",
          phone: "07700 900456",
        },
        definition: { issues: [{ id: "1", summary: "Noise" }], outcomesSought: ["Stop it"] },
      },
      "agent",
    );
    const at = { organisationId: "bchg", reference: other.reference };
    await acknowledgeComplaint(services, { ...at, on: ON.acknowledged, stage: 1 }, "h");
    await respondToComplaint(
      services,
      {
        ...at,
        on: ON.responded,
        stage: 1,
        findings: [{ issueId: "1", decision: "not-upheld", reason: "No evidence" }],
        outcome: "not-upheld",
        remedies: [],
        actions: [],
        learning: ["None"],
      },
      "h",
    );
    await aComplaint(services, "bdht", "responded");
    const log = await viewLearningLog(services, { organisationId: "bchg", year: 2026 });
    const key = (l: (typeof log.lessons)[number]) => ({
      complaintId: l.complaintId,
      eventSeq: l.eventSeq,
      lessonIndex: l.lessonIndex,
    });
    parts = key(log.lessons.find((l) => l.reference === reference)!);
    none = key(log.lessons.find((l) => l.text === "None")!);
  });
  afterAll(async () => {
    await test.drop();
  });

  it("lists every lesson recorded at a response with its complaint, stage and date, and what needs doing", async () => {
    const log = await viewLearningLog(services, { organisationId: "bchg", year: 2026 });
    expect(log.lessons.map((l) => [l.text, l.stage, l.respondedOn, l.progress.status]).sort()).toEqual([
      ["Book the follow-up visit when a repair needs parts", 1, "2026-11-09", "to-do"],
      ["None", 1, "2026-11-09", "nothing-to-learn"],
    ]);
    expect(log.counts).toMatchObject({ all: 2, "to-do": 1, "nothing-to-learn": 1 });
    // Another organisation's lessons are not listed, and the year before has none.
    expect((await viewLearningLog(services, { organisationId: "bchg", year: 2025 })).lessons).toEqual([]);
    expect((await viewLearningLog(services, { organisationId: "bdht", year: 2026 })).lessons).toHaveLength(1);
  });

  it("records an action with its owner and date, flags it overdue, and can follow the complaint's own follow-up action", async () => {
    expect(
      await ruleOf(
        recordLessonAction(
          services,
          { organisationId: "bchg", lesson: parts, themes: [], status: "planned", action: "Brief" },
          "cara",
        ),
      ),
    ).toBe("LESSON_OWNER_REQUIRED@owner");
    await recordLessonAction(
      services,
      {
        organisationId: "bchg",
        lesson: parts,
        themes: ["repairs", "communication"],
        status: "planned",
        action: "Brief the schedulers",
        owner: "Repairs lead",
        dueOn: "2026-12-14",
      },
      "cara@bchg.test",
    );
    let page = await viewLesson(services, "bchg", parts);
    expect(page.lesson.progress).toMatchObject({
      status: "overdue",
      owner: "Repairs lead",
      dueOn: "2026-12-14",
    });
    expect(page.lesson.updatedBy).toBe("cara@bchg.test");
    expect(page.followUps.map((f) => f.id)).toEqual(["parts"]);

    await recordLessonAction(
      services,
      {
        organisationId: "bchg",
        lesson: parts,
        themes: ["repairs"],
        status: "planned",
        linkedActionId: "parts",
      },
      "cara@bchg.test",
    );
    page = await viewLesson(services, "bchg", parts);
    expect(page.lesson.progress).toMatchObject({
      status: "overdue",
      action: "Stock parts",
      owner: "Repairs",
    });
    await completeAction(
      services,
      { organisationId: "bchg", reference, on: "2026-12-01", actionId: "parts" },
      "h",
    );
    page = await viewLesson(services, "bchg", parts);
    expect(page.lesson.progress).toMatchObject({ status: "done", doneOn: "2026-12-01" });
    const log = await viewLearningLog(services, { organisationId: "bchg", year: 2026, status: "open" });
    expect(log.lessons).toEqual([]);
    expect(log.themes).toEqual([{ theme: "repairs", lessons: 1, open: 0 }]);
  });

  it("keeps every organisation's lessons to itself", async () => {
    await expect(viewLesson(services, "bdht", parts)).rejects.toBeInstanceOf(UnknownRecordError);
    await expect(
      recordLessonAction(
        services,
        { organisationId: "bdht", lesson: parts, themes: [], status: "no-action", action: "x" },
        "x",
      ),
    ).rejects.toBeInstanceOf(UnknownRecordError);
    await expect(viewLesson(services, "bchg", { ...none, lessonIndex: 5 })).rejects.toBeInstanceOf(
      UnknownRecordError,
    );
  });

  it("drafts 'you said, we did' from a lesson, refuses to approve it with anyone's details, and publishes only approved words", async () => {
    const { id } = await draftYouSaidWeDid(
      services,
      { organisationId: "bchg", lessons: [parts] },
      "cara@bchg.test",
    );
    let entry = await viewYouSaidWeDid(services, "bchg", id);
    expect(entry).toMatchObject({
      status: "draft",
      youSaid: "You told us about problems with repairs.",
      weDid: "Stock parts.",
      lessons: [parts],
    });
    expect((await viewLesson(services, "bchg", parts)).entries.map((e) => e.id)).toEqual([id]);

    const edit = (weDid: string, changedOn = "2026-12-01") =>
      editYouSaidWeDid(
        services,
        {
          organisationId: "bchg",
          id,
          youSaid: "You told us repairs needing parts took too long.",
          weDid,
          themes: ["repairs"],
          changedOn,
        },
        "cara@bchg.test",
      );
    // The resident of this complaint, a resident of another complaint (address, phone), and a reference.
    for (const [weDid, field] of [
      ["We apologised to Ms R Resident.", "weDid"],
      ["We fixed the lights at 7 Mill Lane.", "weDid"],
      // Only the organisation's own records know this is a person.
      ["We thanked dora  NEIGHBOUR for telling us.", "weDid"],
      ["We called 07700900456 back.", "weDid"],
      [`See ${reference}.`, "weDid"],
    ]) {
      await edit(weDid!);
      expect(
        await ruleOf(approveYouSaidWeDid(services, { organisationId: "bchg", id }, "ana@bchg.test")),
        weDid,
      ).toBe(`PERSONAL_DETAILS@${field}`);
    }
    expect((await publishedYouSaidWeDid(services, "bchg")).entries).toEqual([]);

    await edit("We now book the second visit at the first when parts are needed.");
    await approveYouSaidWeDid(services, { organisationId: "bchg", id }, "ana@bchg.test");
    entry = await viewYouSaidWeDid(services, "bchg", id);
    expect(entry).toMatchObject({
      status: "approved",
      approvedBy: "ana@bchg.test",
      approvedAt: new Date(NOW),
    });
    const published = await publishedYouSaidWeDid(services, "bchg");
    expect(published).toEqual({
      landlord: "Test landlord (bchg)",
      entries: [
        {
          youSaid: "You told us repairs needing parts took too long.",
          weDid: "We now book the second visit at the first when parts are needed.",
          themes: ["repairs"],
          changedIn: "2026-12",
        },
      ],
    });
    const text = JSON.stringify(published);
    for (const personal of [
      "Resident",
      "resident@example.org",
      reference,
      parts.complaintId,
      "Dora",
      "Mill Lane",
    ])
      expect(text).not.toContain(personal);
    expect((await publishedYouSaidWeDid(services, "bdht")).entries).toEqual([]);
    await expect(viewYouSaidWeDid(services, "bdht", id)).rejects.toBeInstanceOf(UnknownRecordError);

    // Changing approved words takes them off the list until approved again; withdrawn is off for good.
    await edit("We now book the second visit at the first visit.");
    expect((await viewYouSaidWeDid(services, "bchg", id)).approvedBy).toBeNull();
    expect((await publishedYouSaidWeDid(services, "bchg")).entries).toEqual([]);
    await approveYouSaidWeDid(services, { organisationId: "bchg", id }, "ana@bchg.test");
    await withdrawYouSaidWeDid(services, { organisationId: "bchg", id }, "ana@bchg.test");
    expect((await publishedYouSaidWeDid(services, "bchg")).entries).toEqual([]);
    expect(await ruleOf(approveYouSaidWeDid(services, { organisationId: "bchg", id }, "ana"))).toBe(
      "ENTRY_WITHDRAWN@",
    );
  });
});
