import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { GovernanceRuleError } from "../domain/governance/governance-errors.ts";
import { addOmbudsmanOrder } from "./add-ombudsman-order.ts";
import { recordOmbudsmanCase } from "./record-ombudsman-case.ts";
import { recordOmbudsmanPublication } from "./record-ombudsman-publication.ts";
import { recordOrderCompliance } from "./record-order-compliance.ts";
import type { Services } from "./services.ts";
import { aComplaint } from "./test-builders.ts";
import { UnknownRecordError } from "./unknown-record.ts";
import { viewOmbudsmanCase, viewOmbudsmanFindings } from "./view-ombudsman-findings.ts";

const ruleOf = async (work: Promise<unknown>) => {
  try {
    await work;
    return null;
  } catch (error) {
    if (error instanceof GovernanceRuleError) return `${error.code}@${error.field ?? ""}`;
    throw error;
  }
};

describe.each(TEST_DATABASES)("Ombudsman findings (%s)", (kind) => {
  let test: TestDatabase;
  let services: Services & { setNow(iso: string): void };
  let reference: string;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    services = testServices(test.db, "2027-02-01T10:00:00Z");
    await anOrganisation(services, "bchg");
    await anOrganisation(services, "bdht");
    reference = await aComplaint(services, "bchg", "responded");
  });
  afterAll(async () => {
    await test.drop();
  });

  it("records a determination against a complaint with a finding per element, its orders, and flags an order overdue until complied with", async () => {
    const { id } = await recordOmbudsmanCase(
      services,
      {
        organisationId: "bchg",
        kind: "determination",
        hosReference: "202412345",
        complaintReference: reference,
        decidedOn: "2026-12-18",
        summary: "The landlord's handling of the leak and of the complaint",
        findings: [
          { element: "Repairs to the leak", finding: "maladministration", complaintHandling: false },
          { element: "Complaint handling", finding: "service-failure", complaintHandling: true },
        ],
      },
      "cara@bchg.test",
    );
    const order = await addOmbudsmanOrder(
      services,
      { organisationId: "bchg", caseId: id, kind: "order", description: "Pay £350", dueOn: "2027-01-29" },
      "cara",
    );
    await addOmbudsmanOrder(
      services,
      {
        organisationId: "bchg",
        caseId: id,
        kind: "recommendation",
        description: "Review the repairs policy",
      },
      "cara",
    );
    expect(
      await ruleOf(
        addOmbudsmanOrder(
          services,
          { organisationId: "bchg", caseId: id, kind: "order", description: "Apologise" },
          "cara",
        ),
      ),
    ).toBe("ORDER_DUE_REQUIRED@dueOn");

    let page = await viewOmbudsmanCase(services, "bchg", id);
    expect(page.case).toMatchObject({
      complaintReference: reference,
      hosReference: "202412345",
      overdue: 1,
      recordedBy: "cara@bchg.test",
    });
    expect(page.case.orders.map((o) => [o.kind, o.state])).toEqual([
      ["order", "overdue"],
      ["recommendation", "no-date"],
    ]);
    const list = await viewOmbudsmanFindings(services, "bchg");
    expect(list.summary).toMatchObject({
      year: "2026/27",
      determinations: 1,
      ordersOutstanding: 1,
      ordersOverdue: 1,
    });

    await recordOrderCompliance(
      services,
      { organisationId: "bchg", caseId: id, orderId: order.id, compliedOn: "2027-01-31" },
      "cara",
    );
    page = await viewOmbudsmanCase(services, "bchg", id);
    expect(page.case.orders[0]).toMatchObject({ compliedOn: "2027-01-31", state: "complied-late" });
    expect(page.case.overdue).toBe(0);
    expect(
      await ruleOf(
        recordOrderCompliance(
          services,
          { organisationId: "bchg", caseId: id, orderId: order.id, compliedOn: "2027-01-31" },
          "cara",
        ),
      ),
    ).toBe("ALREADY_COMPLIED@");
  });

  it("refuses the same Ombudsman reference twice, a complaint it does not know and a finding-less determination", async () => {
    const base = {
      organisationId: "bchg",
      kind: "determination" as const,
      decidedOn: "2026-12-18",
      findings: [{ element: "x", finding: "no-maladministration" as const, complaintHandling: false }],
    };
    await recordOmbudsmanCase(services, { ...base, hosReference: "202400001" }, "cara");
    expect(await ruleOf(recordOmbudsmanCase(services, { ...base, hosReference: "202400001" }, "cara"))).toBe(
      "DUPLICATE_OMBUDSMAN_REFERENCE@hosReference",
    );
    expect(
      await ruleOf(
        recordOmbudsmanCase(
          services,
          { ...base, hosReference: "202400002", complaintReference: "BCHG-1999-000001" },
          "cara",
        ),
      ),
    ).toBe("UNKNOWN_COMPLAINT_REFERENCE@complaintReference");
    expect(
      await ruleOf(
        recordOmbudsmanCase(services, { ...base, hosReference: "202400003", findings: [] }, "cara"),
      ),
    ).toBe("FINDING_REQUIRED@findings");
    // A failure order needs no findings; the same reference may name a determination and an order.
    await recordOmbudsmanCase(
      services,
      { ...base, kind: "complaint-handling-failure-order", hosReference: "202400001", findings: [] },
      "cara",
    );
  });

  it("keeps every organisation's findings to itself", async () => {
    const { cases } = await viewOmbudsmanFindings(services, "bchg");
    const theirs = cases[0]!;
    await expect(viewOmbudsmanCase(services, "bdht", theirs.id)).rejects.toBeInstanceOf(UnknownRecordError);
    await expect(
      addOmbudsmanOrder(
        services,
        { organisationId: "bdht", caseId: theirs.id, kind: "recommendation", description: "x" },
        "x",
      ),
    ).rejects.toBeInstanceOf(UnknownRecordError);
    // A complaint of another organisation cannot be named either.
    expect(
      await ruleOf(
        recordOmbudsmanCase(
          services,
          {
            organisationId: "bdht",
            kind: "complaint-handling-failure-order",
            hosReference: "9",
            decidedOn: "2026-12-01",
            findings: [],
            complaintReference: reference,
          },
          "x",
        ),
      ),
    ).toBe("UNKNOWN_COMPLAINT_REFERENCE@complaintReference");
    expect((await viewOmbudsmanFindings(services, "bdht")).cases).toEqual([]);
  });

  it("records the Ombudsman's annual letter and reports, on days that have happened", async () => {
    await recordOmbudsmanPublication(
      services,
      {
        organisationId: "bchg",
        kind: "annual-letter",
        title: "Annual landlord performance letter 2025-26",
        publishedOn: "2026-10-20",
        summary: null,
        link: "https://www.housing-ombudsman.org.uk/",
      },
      "cara",
    );
    expect(
      await ruleOf(
        recordOmbudsmanPublication(
          services,
          {
            organisationId: "bchg",
            kind: "report",
            title: "x",
            publishedOn: "2027-02-02",
            summary: null,
            link: null,
          },
          "cara",
        ),
      ),
    ).toBe("DATE_IN_FUTURE@publishedOn");
    expect((await viewOmbudsmanFindings(services, "bchg")).publications.map((p) => p.title)).toEqual([
      "Annual landlord performance letter 2025-26",
    ]);
  });
});
