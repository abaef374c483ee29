import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { listCalendarChanges } from "../store/calendar-changes.ts";
import { changeCalendar, InvalidClosureError, NotInCalendarError } from "./change-calendar.ts";
import { UnknownOrganisationError } from "./complaint-context.ts";
import { extendDeadline } from "./extend-deadline.ts";
import { aComplaint, everythingWritten, NOW, projectionOf } from "./test-builders.ts";

describe.each(TEST_DATABASES)("changing an organisation's calendar (%s)", (kind) => {
  let test: TestDatabase;
  let services: ReturnType<typeof testServices>;
  let awaiting: string;
  let investigating: string;
  let closed: string;
  // Opening PGlite and migrating can take longer than the default hook timeout on a busy machine.
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    services = testServices(test.db, NOW);
    await anOrganisation(services, "hos-code-2024", "hos");
    awaiting = await aComplaint(services, "hos", "defined");
    investigating = await aComplaint(services, "hos", "acknowledged");
    closed = await aComplaint(services, "hos", "closed");
  }, 60_000);
  afterAll(async () => test.drop());

  const dates = async (reference: string) => {
    const { next_clock, next_due, next_code_limit, calendar_id } = await projectionOf(test.db, reference);
    return { next_clock, next_due, next_code_limit, calendar_id };
  };

  it("moves the landlord's targets of running complaints but not the Code's limits, and records the change", async () => {
    const before = await dates(investigating);
    // Without closures: acknowledgement 5 WD after Mon 2 Nov = Mon 9 Nov; response 10 WD after Tue 3 Nov = Tue 17 Nov.
    expect(await dates(awaiting)).toMatchObject({ next_due: "2026-11-09", next_code_limit: "2026-11-09" });
    expect(before).toMatchObject({ next_due: "2026-11-17", next_code_limit: "2026-11-17" });
    const closedBefore = await projectionOf(test.db, closed);

    const change = await changeCalendar(
      services,
      { organisationId: "hos", declare: [{ date: "2026-11-05", reason: "Office move" }] },
      "admin@example.org",
    );

    expect(change).toMatchObject({ oldCalendarId: before.calendar_id, complaintsRecomputed: 3 });
    expect(change.newCalendarId).toMatch(new RegExp(`^${escape(String(before.calendar_id))}\\+closures:`));
    // The closure on Thursday 5 November is not a working day for the landlord's own targets ...
    expect(await dates(awaiting)).toEqual({
      next_clock: "stage1.acknowledgement",
      next_due: "2026-11-10",
      next_code_limit: "2026-11-09", // ... but the Code does not provide for closures.
      calendar_id: change.newCalendarId,
    });
    expect(await dates(investigating)).toMatchObject({
      next_due: "2026-11-18",
      next_code_limit: "2026-11-17",
    });
    // Finished complaints are recomputed too, so a rebuild from the events equals the live rows; the Code's
    // limits, and so every Code timeliness figure, never move with a closure.
    const closedAfter = await projectionOf(test.db, closed);
    expect(closedAfter.status).toBe(closedBefore.status);
    expect(closedAfter.calendar_id).toBe(change.newCalendarId);
    for (const [name, clock] of Object.entries(
      closedBefore.clocks as Record<string, { codeLimit: string; codeState: string }>,
    )) {
      expect((closedAfter.clocks as Record<string, unknown>)[name]).toMatchObject({
        codeLimit: clock.codeLimit,
        codeState: clock.codeState,
      });
    }
    expect(await listCalendarChanges(test.db, "hos")).toEqual([
      expect.objectContaining({
        description: "Closure declared on 2026-11-05 (Office move).",
        oldCalendarId: before.calendar_id,
        newCalendarId: change.newCalendarId,
        complaintsRecomputed: 3,
        changedBy: "admin@example.org",
        changedAt: new Date(NOW),
      }),
    ]);
  });

  it("decides later commands under the new calendar", async () => {
    const at = { organisationId: "hos", reference: investigating };
    await extendDeadline(
      services,
      { ...at, on: "2026-11-10", stage: 1, workingDays: 1, reason: "Report" },
      "h",
    );
    expect(await dates(investigating)).toMatchObject({
      next_due: "2026-11-19",
      next_code_limit: "2026-11-18",
    });
  });

  it("puts the dates back when the closure is removed", async () => {
    const change = await changeCalendar(services, { organisationId: "hos", remove: ["2026-11-05"] }, "admin");
    expect(change.closures).toEqual([]);
    expect(change.newCalendarId).not.toContain("closures");
    expect(await dates(awaiting)).toMatchObject({
      next_due: "2026-11-09",
      calendar_id: change.newCalendarId,
    });
    const [latest] = await listCalendarChanges(test.db, "hos");
    expect(latest).toMatchObject({ description: "Closure on 2026-11-05 removed.", complaintsRecomputed: 3 });
  });

  it("adds a bank holiday the snapshot lacks: unlike a closure it moves the Code's limits too, and is recorded", async () => {
    const change = await changeCalendar(
      services,
      { organisationId: "hos", addBankHolidays: [{ date: "2026-11-04", name: "One-off bank holiday" }] },
      "admin",
    );
    expect(change.newCalendarId).toContain("+2026-11-04");
    // 5 WD after Mon 2 Nov, skipping Wed 4 Nov: 3, 5, 6, 9, 10 → Tue 10 Nov, for the landlord and the Code alike.
    expect(await dates(awaiting)).toMatchObject({ next_due: "2026-11-10", next_code_limit: "2026-11-10" });
    const [latest] = await listCalendarChanges(test.db, "hos");
    expect(latest).toMatchObject({ description: "Bank holiday added on 2026-11-04 (One-off bank holiday)." });
  });

  it("refuses an unknown organisation or a closure without a real date, writing nothing", async () => {
    const before = await everythingWritten(test.db, "hos");
    await expect(
      changeCalendar(services, { organisationId: "nobody", remove: [] }, "admin"),
    ).rejects.toBeInstanceOf(UnknownOrganisationError);
    const bad = changeCalendar(
      services,
      { organisationId: "hos", declare: [{ date: "2026-13-01", reason: "x" }] },
      "a",
    );
    await expect(bad).rejects.toBeInstanceOf(InvalidClosureError);
    expect(await everythingWritten(test.db, "hos")).toEqual(before);
    expect(await listCalendarChanges(test.db, "hos")).toHaveLength(3);
  });

  it("refuses to reopen a day that is not closed, or to remove a bank holiday that is not one, writing nothing", async () => {
    const before = await everythingWritten(test.db, "hos");
    await expect(
      changeCalendar(services, { organisationId: "hos", remove: ["2026-11-06"] }, "admin"),
    ).rejects.toThrow(new NotInCalendarError("There is no closure declared on Friday 6 November 2026."));
    await expect(
      changeCalendar(services, { organisationId: "hos", removeBankHolidays: ["2026-12-24"] }, "admin"),
    ).rejects.toThrow("Thursday 24 December 2026 is not a bank holiday in this calendar.");
    expect(await everythingWritten(test.db, "hos")).toEqual(before);
    expect(await listCalendarChanges(test.db, "hos")).toHaveLength(3);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
