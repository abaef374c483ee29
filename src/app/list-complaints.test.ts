import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { assignHandler } from "./assign-handler.ts";
import { listComplaintsOf } from "./list-complaints.ts";
import { aComplaint, NOW } from "./test-builders.ts";
import { triageComplaint } from "./triage-complaint.ts";

describe.each(TEST_DATABASES)("listing complaints for the API (%s)", (kind) => {
  let test: TestDatabase;
  let services: ReturnType<typeof testServices>;
  const refs: Record<string, string> = {};
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    services = testServices(test.db, NOW);
    await anOrganisation(services, "bchg");
    await anOrganisation(services, "bdht");
    refs.defined = await aComplaint(services, "bchg", "defined");
    refs.escalated = await aComplaint(services, "bchg", "escalated");
    refs.closed = await aComplaint(services, "bchg", "closed");
    await aComplaint(services, "bdht", "defined");
    const at = { organisationId: "bchg", reference: refs.escalated, on: "2026-12-15" };
    await assignHandler(services, { ...at, stage: 2, handler: "Rita Reviewer" }, "officer");
    await triageComplaint(services, { ...at, category: "leaks" }, "officer");
  }, 60_000);
  afterAll(async () => test.drop());

  const list = async (query: Partial<Parameters<typeof listComplaintsOf>[1]> = {}) => {
    const page = await listComplaintsOf(services, { organisationId: "bchg", limit: 50, offset: 0, ...query });
    return { total: page.total, refs: page.rows.map((r) => r.reference) };
  };

  it("lists the organisation's complaints of every status, with a total, a page at a time", async () => {
    const all = await list();
    expect(all.total).toBe(3);
    expect(all.refs.sort()).toEqual([refs.defined, refs.escalated, refs.closed].sort());
    const second = await list({ limit: 1, offset: 1 });
    expect(second).toEqual({ total: 3, refs: [all.refs[1]] });
  });

  it("filters by status, stage, category, handler, dates and the caseload's filters", async () => {
    expect((await list({ status: "closed" })).refs).toEqual([refs.closed]);
    expect((await list({ status: "running" })).total).toBe(2);
    expect((await list({ stage: 2 })).refs).toEqual([refs.escalated]);
    expect((await list({ category: "leaks" })).refs).toEqual([refs.escalated]);
    expect((await list({ handler: "RITA reviewer" })).refs).toEqual([refs.escalated]);
    expect((await list({ receivedFrom: "2026-11-02", receivedTo: "2026-11-02" })).total).toBe(3);
    expect((await list({ receivedFrom: "2026-11-03" })).total).toBe(0);
    expect((await list({ filter: "stage2" })).refs).toEqual([refs.escalated]);
    expect((await list({ filter: "overdue", status: "running" })).refs).toContain(refs.escalated);
  });
});
