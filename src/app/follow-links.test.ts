import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { insertPortalUpload, listPortalUploads, takePortalUploads } from "../store/portal-uploads.ts";
import { addResidentMessage } from "./add-resident-message.ts";
import { hashFollowToken } from "./follow-links.ts";
import { openFollowLink } from "./open-follow-link.ts";
import { revokeFollowLink } from "./revoke-follow-link.ts";
import { NoEmailAddressError, sendFollowLink } from "./send-follow-link.ts";
import { aComplaint, NOW } from "./test-builders.ts";
import { logComplaint } from "./log-complaint.ts";
import { writeToResident } from "./write-to-resident.ts";

const PUBLIC = "https://complaints.example.org/";
const tokenOf = (url: string) => url.split("/follow/")[1] ?? "";

describe.each(TEST_DATABASES)("follow links and portal messages (%s)", (kind) => {
  let test: TestDatabase;
  let services: ReturnType<typeof testServices>;
  let ours: string;
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    services = testServices(test.db, NOW);
    await anOrganisation(services, "bchg");
    await anOrganisation(services, "bdht");
    ours = await aComplaint(services, "bchg", "defined");
  }, 60_000);
  afterAll(async () => test.drop());

  const outboxOf = async (kind: string) =>
    (
      await test.db.query("SELECT kind, payload, idempotency_key FROM outbox WHERE kind = $1 ORDER BY id", [
        kind,
      ])
    ).rows;

  it("emails a link (the portal-link message) and keeps only its token's hash", async () => {
    const sent = await sendFollowLink(
      services,
      { organisationId: "bchg", reference: ours, publicUrl: PUBLIC },
      "staff@bchg",
    );
    expect(sent).toMatchObject({ to: "resident@example.org", expiresOn: "2027-03-15" });
    const [row] = await outboxOf("portal-link");
    const payload = row?.payload as Record<string, string>;
    expect(Object.keys(payload).sort()).toEqual(["expiresOn", "name", "reference", "to", "url"]);
    expect(payload).toMatchObject({
      to: "resident@example.org",
      name: "Ms R Resident",
      reference: ours,
      expiresOn: "2027-03-15",
    });
    expect(payload.url).toMatch(/^https:\/\/complaints\.example\.org\/o\/bchg\/follow\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(payload.url ?? "");
    const { rows } = await test.db.query("SELECT * FROM portal_links WHERE id = $1", [sent.id]);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]?.token_hash).toBe(hashFollowToken(token));

    const opened = await openFollowLink(services, "bchg", token);
    expect(opened.status).toBe("open");
    if (opened.status === "open") expect(opened.page.complaint.reference).toBe(ours);
    // The same token under another organisation's address is not a link of that organisation.
    expect((await openFollowLink(services, "bdht", token)).status).toBe("unknown");
    expect((await openFollowLink(services, "bchg", "not-a-token")).status).toBe("unknown");
  });

  it("says when a link has expired (the end of its last London day) or been revoked", async () => {
    const sent = await sendFollowLink(
      services,
      { organisationId: "bchg", reference: ours, publicUrl: PUBLIC },
      "staff@bchg",
    );
    const url = ((await outboxOf("portal-link")).at(-1)?.payload as { url: string }).url;
    services.setNow("2027-03-15T23:59:00Z"); // still the 15th in London (GMT)
    expect((await openFollowLink(services, "bchg", tokenOf(url))).status).toBe("open");
    services.setNow("2027-03-16T00:00:00Z");
    expect((await openFollowLink(services, "bchg", tokenOf(url))).status).toBe("expired");
    services.setNow(NOW);
    expect(
      await revokeFollowLink(
        services,
        { organisationId: "bchg", reference: ours, linkId: sent.id },
        "staff@bchg",
      ),
    ).toBe(true);
    expect((await openFollowLink(services, "bchg", tokenOf(url))).status).toBe("revoked");
    expect(
      await revokeFollowLink(
        services,
        { organisationId: "bchg", reference: ours, linkId: sent.id },
        "staff@bchg",
      ),
    ).toBe(false);
  });

  it("needs an address when neither the resident nor a representative gave one", async () => {
    const { reference } = await logComplaint(
      services,
      {
        organisationId: "bchg",
        receivedOn: "2026-12-01",
        channel: "phone",
        description: "No heating",
        resident: { name: "A Resident" },
      },
      "agent",
    );
    await expect(
      sendFollowLink(services, { organisationId: "bchg", reference, publicUrl: PUBLIC }, "staff"),
    ).rejects.toBeInstanceOf(NoEmailAddressError);
    expect(
      await writeToResident(
        services,
        { organisationId: "bchg", reference, body: "We tried to call", publicUrl: PUBLIC },
        "staff",
      ),
    ).toMatchObject({
      emailedTo: null,
    });
  });

  it("keeps messages both ways, emails a staff reply with a fresh link, and refuses to change a message", async () => {
    const sent = await sendFollowLink(
      services,
      { organisationId: "bchg", reference: ours, publicUrl: PUBLIC },
      "staff@bchg",
    );
    const { rows: ids } = await test.db.query("SELECT complaint_id FROM portal_links WHERE id = $1", [
      sent.id,
    ]);
    const link = { id: sent.id, complaintId: String(ids[0]?.complaint_id), reference: ours, sentTo: sent.to };
    await addResidentMessage(services, {
      organisationId: "bchg",
      link,
      body: "Here is a photo",
      files: [{ fileName: "notes.txt", content: Buffer.from("Leak since May\n") }],
    });
    const reply = await writeToResident(
      services,
      { organisationId: "bchg", reference: ours, body: "Thank you <b>Ms R</b>", publicUrl: PUBLIC },
      "asha@bchg",
    );
    expect(reply.emailedTo).toBe("resident@example.org");
    const [email] = await outboxOf("resident-message");
    expect(email?.payload).toEqual({
      to: "resident@example.org",
      name: "Ms R Resident",
      reference: ours,
      url: expect.stringMatching(/^https:\/\/complaints\.example\.org\/o\/bchg\/follow\//),
      body: "Thank you <b>Ms R</b>",
    });
    const opened = await openFollowLink(services, "bchg", tokenOf((email?.payload as { url: string }).url));
    if (opened.status !== "open") throw new Error(opened.status);
    expect(
      opened.page.portal.messages.map((m) => [m.direction, m.body, m.attachments.map((a) => a.fileName)]),
    ).toEqual([
      ["from-resident", "Here is a photo", ["notes.txt"]],
      ["to-resident", "Thank you <b>Ms R</b>", []],
    ]);
    expect(opened.page.attachments.map((a) => [a.fileName, a.source, a.uploadedBy])).toContainEqual([
      "notes.txt",
      "resident",
      "portal (resident@example.org)",
    ]);
    await expect(test.db.query("UPDATE portal_messages SET body = 'changed'")).rejects.toThrow(
      /cannot be changed/,
    );
    await expect(test.db.query("DELETE FROM portal_messages")).rejects.toThrow(/cannot be changed/);
  });

  it("holds a form's files under its draft until taken, and forgets abandoned drafts after a day", async () => {
    const draftId = randomUUID();
    const hold = (id: string, createdAt: Date) =>
      insertPortalUpload(test.db, {
        organisationId: "bchg",
        draftId,
        id,
        fileName: "a.txt",
        contentType: "text/plain",
        sizeBytes: 2,
        content: Buffer.from("hi"),
        createdAt,
      });
    const [old, kept, dropped] = [randomUUID(), randomUUID(), randomUUID()];
    await hold(old, new Date("2026-12-13T09:00:00Z"));
    await hold(kept, new Date(NOW));
    await hold(dropped, new Date(NOW));
    expect(
      (await listPortalUploads(test.db, "bchg", draftId, new Date(NOW))).map((u) => u.id).sort(),
    ).toEqual([kept, dropped].sort());
    expect((await listPortalUploads(test.db, "bdht", draftId, new Date(NOW))).length).toBe(0);
    const taken = await takePortalUploads(test.db, "bchg", draftId, [kept]);
    expect(taken.map((t) => [t.id, t.content.toString()])).toEqual([[kept, "hi"]]);
    expect(await listPortalUploads(test.db, "bchg", draftId, new Date(NOW))).toEqual([]);
  });
});
