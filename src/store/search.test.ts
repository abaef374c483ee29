import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { addIssue } from "../app/add-issue.ts";
import { logComplaint } from "../app/log-complaint.ts";
import { rebuildProjections } from "../app/rebuild-projections.ts";
import { compactPostcode, prefixQuery, searchComplaints, snippetParts } from "./search.ts";

describe.each(TEST_DATABASES)("complaint search on %s", (kind) => {
  let test: TestDatabase;
  const refs: Record<string, string> = {};

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    const services = testServices(test.db, "2026-11-09T10:00:00Z");
    await anOrganisation(services, "bchg");
    await anOrganisation(services, "bdht");
    const log = async (
      organisationId: string,
      description: string,
      resident: object,
      issues: string[] = [],
    ) =>
      (
        await logComplaint(
          services,
          {
            organisationId,
            receivedOn: "2026-11-02",
            channel: "phone",
            description,
            resident: { name: "Someone", ...resident },
            ...(issues.length
              ? {
                  definition: {
                    issues: issues.map((summary, i) => ({ id: String(i + 1), summary })),
                    outcomesSought: ["Put it right"],
                  },
                }
              : {}),
          },
          "agent@test",
        )
      ).reference;
    refs.roof = await log("bchg", "The roof leaks over the <b>stairs</b> & landing", {
      name: "Ada Lovelace",
      address: "12 Acacia Avenue, Smethwick",
      postcode: "B66 1AA",
    });
    refs.boiler = await log(
      "bchg",
      "No hot water since Friday",
      { name: "Grace Hopper", postcode: "B67 5ZZ" },
      ["Boiler repair missed three times"],
    );
    refs.theirs = await log("bdht", "The roof leaks in the other landlord's flat", {
      name: "Ada Other",
      postcode: "B66 1AA",
    });
    // A related issue folded in later is found too.
    await addIssue(
      services,
      {
        organisationId: "bchg",
        reference: refs.boiler,
        on: "2026-11-09",
        issue: { id: "2", summary: "Radiators cold in the nursery" },
        related: true,
        wouldDelayResponse: false,
      },
      "handler@test",
    );
  });
  afterAll(async () => {
    await test.drop();
  });

  const find = async (text: string, organisationId = "bchg") =>
    (await searchComplaints(test.db, { organisationId, text, limit: 20 })).map((h) => h.reference);

  it("finds a complaint by its exact reference, in any case, and by the start of one", async () => {
    expect(await find(refs.roof!)).toEqual([refs.roof]);
    expect(await find(refs.roof!.toLowerCase())).toEqual([refs.roof]);
    expect((await find(refs.roof!.slice(0, -3))).sort()).toEqual([refs.roof, refs.boiler].sort());
  });

  it("finds by the resident's name (word prefixes), address and postcode with or without its space", async () => {
    expect(await find("ada")).toEqual([refs.roof]);
    expect(await find("Lovel")).toEqual([refs.roof]);
    expect(await find("acacia avenue")).toEqual([refs.roof]);
    expect(await find("B66 1AA")).toEqual([refs.roof]);
    expect(await find("b661aa")).toEqual([refs.roof]);
    expect(await find("B67")).toEqual([refs.boiler]);
  });

  it("finds words in the description and the definition's issues, stemmed", async () => {
    expect(await find("leaking")).toEqual([refs.roof]);
    expect(await find("boilers")).toEqual([refs.boiler]);
    expect(await find("radiator")).toEqual([refs.boiler]);
    expect(await find("nothing like this")).toEqual([]);
  });

  it("never finds another organisation's complaint", async () => {
    expect(await find(refs.theirs!)).toEqual([]);
    expect(await find("other landlord")).toEqual([]);
    expect(await find("roof", "bdht")).toEqual([refs.theirs]);
  });

  it("returns a snippet as plain-text parts with the matches marked, keeping the resident's text as typed", async () => {
    const [hit] = await searchComplaints(test.db, { organisationId: "bchg", text: "leaking", limit: 5 });
    expect(hit?.snippet.filter((p) => p.highlighted).map((p) => p.text)).toEqual(["leaks"]);
    expect(hit?.snippet.map((p) => p.text).join("")).toBe("The roof leaks over the <b>stairs</b> & landing");
    expect(hit).toMatchObject({ residentName: "Ada Lovelace", stage: 1, status: "awaiting-acknowledgement" });
  });

  it("keeps the search document after the projections are rebuilt", async () => {
    await rebuildProjections(testServices(test.db, "2026-11-09T10:00:00Z"));
    expect(await find("radiator")).toEqual([refs.boiler]);
  });

  it("treats search syntax as text: quotes, operators and stop words never fail", async () => {
    for (const text of ["'", "roof & | !", '"roof', "the", ":*", "\\%_"]) await find(text);
    expect(await find('"roof leaks"')).toEqual([refs.roof]);
  });
});

describe("search helpers", () => {
  it("reads a headline's marks into parts and ignores marks the text did not come with", () => {
    expect(snippetParts("a \uE000leak\uE001 \uE002b\uE003")).toEqual([
      { text: "a ", highlighted: false },
      { text: "leak", highlighted: true },
      { text: " <b>", highlighted: false },
    ]);
  });

  it("builds a prefix query from letters and digits only", () => {
    expect(prefixQuery("Ada O'Brien")).toBe("'ada':* & 'o':* & 'brien':*");
    expect(prefixQuery("&|!()")).toBe("");
  });

  it("recognises postcodes and their start", () => {
    expect(compactPostcode("b66 1aa")).toBe("B661AA");
    expect(compactPostcode("SW1A")).toBe("SW1A");
    expect(compactPostcode("roof")).toBeNull();
  });
});
