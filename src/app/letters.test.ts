import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { DEFAULT_TEMPLATES } from "../domain/letters/default-templates.ts";
import { LetterIncompleteError, TemplateInvalidError } from "../domain/letters/letter-errors.ts";
import { acknowledgeComplaint } from "./acknowledge-complaint.ts";
import { assignHandler } from "./assign-handler.ts";
import { changeLetterAddress } from "./change-letter-address.ts";
import { editLetter } from "./edit-letter.ts";
import { issueLetter } from "./issue-letter.ts";
import { UnknownLetterError } from "./letter-case.ts";
import { LETTER_MESSAGE } from "./letter-contracts.ts";
import { loadIssuedLetter } from "./load-issued-letter.ts";
import { logComplaint } from "./log-complaint.ts";
import { redraftLetter } from "./redraft-letter.ts";
import { saveLetterTemplate } from "./save-letter-template.ts";
import { aComplaint, lettersOf, NOW, ON, outboxOf } from "./test-builders.ts";
import { viewLetter } from "./view-letter.ts";

const actor = "hana@example.org";

describe.each(TEST_DATABASES)("letters: drafted, edited, issued (%s)", (kind) => {
  let test: TestDatabase;
  let services: ReturnType<typeof testServices>;
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    services = testServices(test.db, NOW);
    await anOrganisation(services, "hos-code-2024", "hos");
    await anOrganisation(services, "bchg", "other");
  }, 60_000);
  afterAll(async () => test.drop());

  /** A complaint acknowledged with no handler assigned: its acknowledgement cannot say who is handling it. */
  async function acknowledgedWithoutHandler(organisationId = "hos") {
    const reference = await aComplaint(services, organisationId, "acknowledged");
    const [letter] = await lettersOf(test.db, reference);
    return { reference, letterId: letter!.id, at: { organisationId, reference, letterId: letter!.id } };
  }

  it("blocks issuing while something required is missing, naming it; then issues once, immutably, with one outbox row", async () => {
    const { reference, at } = await acknowledgedWithoutHandler();
    const refused = await issueLetter(services, at, actor).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LetterIncompleteError);
    expect(refused).toMatchObject({ code: "LETTER_INCOMPLETE", field: "handler" });
    expect((refused as Error).message).toContain("It must also say: who is handling the complaint.");
    expect(await outboxOf(test.db, reference)).toEqual([]);

    const edited = await editLetter(
      services,
      {
        ...at,
        edits: {
          sections: [{ id: "handler", paragraphs: ["Hana Handler is dealing with your complaint."] }],
        },
      },
      actor,
    );
    expect(edited.editedBy).toBe(actor);
    expect((await viewLetter(services, at)).missing).toEqual([]);

    services.setNow("2026-12-16T09:30:00Z");
    const issued = await issueLetter(services, at, "issuer@example.org");
    services.setNow(NOW);
    expect(issued).toMatchObject({ status: "issued", format: "email", issuedBy: "issuer@example.org" });
    // Dated the day it was issued, not the day it was drafted.
    expect(issued.document.date).toBe("2026-12-16");
    const outbox = await outboxOf(test.db, reference);
    expect(outbox).toEqual([
      {
        idempotency_key: `letter:${at.letterId}`,
        kind: LETTER_MESSAGE,
        payload: {
          letterId: at.letterId,
          complaintId: issued.complaintId,
          reference,
          kind: "stage1-acknowledgement",
        },
      },
    ]);

    await expect(issueLetter(services, at, actor)).rejects.toMatchObject({ code: "LETTER_ALREADY_ISSUED" });
    await expect(
      editLetter(services, { ...at, edits: { sections: [{ id: "intro", paragraphs: ["Changed"] }] } }, actor),
    ).rejects.toMatchObject({ code: "LETTER_ALREADY_ISSUED" });
    await expect(redraftLetter(services, at, actor)).rejects.toMatchObject({ code: "LETTER_ALREADY_ISSUED" });
    expect(await outboxOf(test.db, reference)).toHaveLength(1);
  });

  it.each([
    ["UPDATE", "UPDATE letters SET document = '{}' WHERE id = $1"],
    ["UPDATE of its status", "UPDATE letters SET status = 'draft' WHERE id = $1"],
    ["DELETE", "DELETE FROM letters WHERE id = $1"],
  ])("refuses %s of an issued letter even in raw SQL", async (_what, sql) => {
    const { at } = await acknowledgedWithoutHandler();
    await editLetter(
      services,
      { ...at, edits: { sections: [{ id: "handler", paragraphs: ["Ann is."] }] } },
      actor,
    );
    const before = (await test.db.query("SELECT * FROM letters WHERE id = $1", [at.letterId])).rows;
    // A draft may still change ...
    await issueLetter(services, at, actor);
    const issued = (await test.db.query("SELECT * FROM letters WHERE id = $1", [at.letterId])).rows;
    // ... an issued letter never.
    // In a transaction, as any code would (PGlite's pg adapter loses its connection when a parameterised
    // statement fails outside one).
    const error = await test.db.transaction((tx) => tx.query(sql, [at.letterId])).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "42501", message: expect.stringContaining("issued letter") });
    expect((await test.db.query("SELECT * FROM letters WHERE id = $1", [at.letterId])).rows).toEqual(issued);
    expect(issued).not.toEqual(before);
  });

  it("refuses TRUNCATE of the letters", async () => {
    await expect(test.db.query("TRUNCATE letters CASCADE")).rejects.toMatchObject({ code: "42501" });
  });

  it("redrafts from the current template and the case as it is now, recording the template version", async () => {
    const { reference, at } = await acknowledgedWithoutHandler();
    expect((await viewLetter(services, at)).letter).toMatchObject({
      templateOrigin: "bundled",
      templateVersion: 1,
    });
    const template = structuredClone(DEFAULT_TEMPLATES["stage1-acknowledgement"]);
    template.sections.intro!.paragraphs = ["Thank you for writing to {{landlord-name}}."];
    const { version } = await saveLetterTemplate(
      services,
      { organisationId: "hos", kind: "stage1-acknowledgement", template },
      "admin@example.org",
    );
    await assignHandler(
      services,
      { organisationId: "hos", reference, on: "2026-11-04", stage: 1, handler: "Ann" },
      actor,
    );
    await changeLetterAddress(services, { organisationId: "hos", lines: ["1 High Street", " ", "Leeds"] });
    const redrafted = await redraftLetter(services, at, actor);
    expect(redrafted).toMatchObject({ templateOrigin: "organisation", templateVersion: version });
    expect(redrafted.document.sections[0]?.paragraphs).toEqual([
      "Thank you for writing to Test landlord (hos-code-2024).",
    ]);
    expect(redrafted.document.sections.find((s) => s.id === "handler")?.paragraphs).toEqual([
      "Ann is dealing with your complaint.",
    ]);
    expect(redrafted.document.landlord.addressLines).toEqual(["1 High Street", "Leeds"]);
    expect((await viewLetter(services, at)).missing).toEqual([]);
  });

  it("keeps every template version, and refuses an unknown placeholder in words", async () => {
    const template = structuredClone(DEFAULT_TEMPLATES.refusal);
    const first = await saveLetterTemplate(
      services,
      { organisationId: "other", kind: "refusal", template },
      "a",
    );
    const second = await saveLetterTemplate(
      services,
      { organisationId: "other", kind: "refusal", template },
      "a",
    );
    expect([first.version, second.version]).toEqual([1, 2]);
    template.sections.reasons!.paragraphs = ["{{refusal-reasons}}"];
    const refused = await saveLetterTemplate(
      services,
      { organisationId: "other", kind: "refusal", template },
      "a",
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TemplateInvalidError);
    expect((refused as Error).message).toContain("“{{refusal-reasons}}”");
    const versions = await test.db.query(
      "SELECT version FROM letter_templates WHERE organisation_id = 'other' AND kind = 'refusal' ORDER BY version",
    );
    expect(versions.rows).toEqual([{ version: 1 }, { version: 2 }]);
    await expect(
      test.db.query("UPDATE letter_templates SET content = '{}' WHERE organisation_id = 'other'"),
    ).rejects.toMatchObject({ code: "42501" });
  });

  it("goes to a representative, and by post waits for an address to post it to", async () => {
    const { reference } = await logComplaint(
      services,
      {
        organisationId: "hos",
        receivedOn: ON.received,
        channel: "phone",
        description: "Mould",
        resident: {
          name: "Mr Resident",
          email: "res@example.org",
          contactPreferences: { letters: "large-print" },
        },
        representative: { name: "Ms Advocate", authority: "in writing" },
        definition: {
          issues: [{ id: "mould", summary: "Mould in the bedroom" }],
          outcomesSought: ["Treat it"],
        },
      },
      actor,
    );
    await assignHandler(
      services,
      { organisationId: "hos", reference, on: ON.received, stage: 1, handler: "Ann" },
      actor,
    );
    await acknowledgeComplaint(
      services,
      { organisationId: "hos", reference, on: ON.acknowledged, stage: 1 },
      actor,
    );
    const [letter] = await lettersOf(test.db, reference);
    const at = { organisationId: "hos", reference, letterId: letter!.id };
    expect(letter!.document.recipient).toEqual({ name: "Ms Advocate", addressLines: [] });
    const page = await viewLetter(services, at);
    expect(page.format).toBe("large-print");
    expect(page.missing.map((i) => i.name)).toEqual(["the address to post the letter to Ms Advocate"]);
    await expect(issueLetter(services, at, actor)).rejects.toBeInstanceOf(LetterIncompleteError);
    await editLetter(
      services,
      { ...at, edits: { sections: [], recipientAddressLines: ["2 Law Lane", "B2 2BB"] } },
      actor,
    );
    await issueLetter(services, at, actor);
    expect(await loadIssuedLetter(services, "hos", at.letterId)).toMatchObject({
      letterId: at.letterId,
      reference,
      format: "large-print",
      to: { name: "Ms Advocate", email: null, addressLines: ["2 Law Lane", "B2 2BB"] },
      document: { recipient: { name: "Ms Advocate" }, salutation: "Dear Ms Advocate," },
    });
  });

  it("finds no letter that is a draft, another organisation's, another complaint's, or not an id", async () => {
    const { at } = await acknowledgedWithoutHandler();
    const other = await acknowledgedWithoutHandler("other");
    await expect(loadIssuedLetter(services, "hos", at.letterId)).rejects.toBeInstanceOf(UnknownLetterError);
    await expect(viewLetter(services, { ...other.at, organisationId: "hos" })).rejects.toThrow();
    await expect(viewLetter(services, { ...at, letterId: other.letterId })).rejects.toBeInstanceOf(
      UnknownLetterError,
    );
    await expect(viewLetter(services, { ...at, letterId: "not-a-uuid" })).rejects.toBeInstanceOf(
      UnknownLetterError,
    );
    await expect(loadIssuedLetter(services, "hos", other.letterId)).rejects.toBeInstanceOf(
      UnknownLetterError,
    );
  });
});
