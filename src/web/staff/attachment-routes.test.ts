import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../../test/support/services.ts";
import { WebClient } from "../../../test/support/web.ts";
import { addUser } from "../../app/add-user.ts";
import { aComplaint, NOW } from "../../app/test-builders.ts";
import { MAX_ATTACHMENT_BYTES } from "../../domain/attachments/attachment-rules.ts";
import { buildApp } from "../app.ts";

const PASSWORD = "correct horse battery";
// A real 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

describe("attachments on the case page", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let ours: string;
  let other: string;
  let theirs: string;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    const services = testServices(test.db, NOW);
    await anOrganisation(services, "bchg");
    await anOrganisation(services, "bdht");
    for (const role of ["handler", "executive"] as const) {
      await addUser(services, {
        organisationId: "bchg",
        email: `${role}@bchg.test`,
        name: role,
        role,
        password: PASSWORD,
      });
    }
    await addUser(services, {
      organisationId: "bdht",
      email: "handler@bdht.test",
      name: "Sam",
      role: "handler",
      password: PASSWORD,
    });
    ours = await aComplaint(services, "bchg", "defined");
    other = await aComplaint(services, "bchg", "defined");
    theirs = await aComplaint(services, "bdht", "defined");
    app = await buildApp(services, { signInAttemptsPerMinute: 1000 });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const signedIn = async (email: string) => {
    const client = new WebClient(app);
    expect((await client.signIn(email, PASSWORD)).statusCode).toBe(303);
    return client;
  };
  const attach = async (
    client: WebClient,
    reference: string,
    name: string,
    content: Buffer,
    type?: string,
  ) => {
    await client.get(`/complaints/${reference}`);
    return client.postFile(
      `/complaints/${reference}/attachments`,
      {},
      { field: "file", name, content, ...(type ? { type } : {}) },
    );
  };

  it("keeps a photo with the complaint and gives back the same bytes, as a download", async () => {
    const handler = await signedIn("handler@bchg.test");
    const done = await attach(handler, ours, "damp & mould's wall.png", PNG, "image/png");
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/complaints/${ours}?done=attached`);

    const page = await handler.get(`/complaints/${ours}`);
    expect(page.body).toContain("damp &amp; mould&#39;s wall.png");
    expect(page.body).toContain("PNG image, 1 KB");
    const link = new RegExp(`href="(/complaints/${ours}/attachments/[0-9a-f-]+)"`).exec(page.body)?.[1];
    expect(link).toBeDefined();

    // An executive may read (and download) but not add.
    const executive = await signedIn("executive@bchg.test");
    const file = await executive.get(link!);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("image/png");
    expect(file.headers["content-disposition"]).toMatch(/^attachment; filename="damp & mould's wall.png"/);
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect((await attach(executive, ours, "x.png", PNG)).statusCode).toBe(403);

    // Only through the complaint it belongs to, and only in the organisation.
    const wrongComplaint = link!.replace(ours, other);
    expect((await handler.get(wrongComplaint)).statusCode).toBe(404);
    const elsewhere = await signedIn("handler@bdht.test");
    expect((await elsewhere.get(link!)).statusCode).toBe(404);
    expect((await handler.get(`/complaints/${ours}/attachments/not-a-uuid`)).statusCode).toBe(404);
  });

  it("judges the type by the bytes: a web page named .jpg is refused, and nothing is kept", async () => {
    const handler = await signedIn("handler@bchg.test");
    const response = await attach(
      handler,
      ours,
      "photo.jpg",
      Buffer.from("<html><script>alert(1)</script></html>\u0000"),
      "image/jpeg",
    );
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('href="#attach-file"');
    expect(response.body).toContain("The file must be a photo, video or document");
    const { rows } = await test.db.query(
      "SELECT count(*)::int AS n FROM attachments WHERE file_name = 'photo.jpg'",
    );
    expect(rows[0]!.n).toBe(0);
  });

  it("accepts a plain text note", async () => {
    const handler = await signedIn("handler@bchg.test");
    const response = await attach(
      handler,
      ours,
      "call notes.txt",
      Buffer.from("Resident rang at 10:15 — leak worse.\n"),
    );
    expect(response.statusCode).toBe(303);
    expect((await handler.get(`/complaints/${ours}`)).body).toContain("call notes.txt");
  });

  it("refuses a file over the limit, and a form with no file, in words", async () => {
    const handler = await signedIn("handler@bchg.test");
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    const tooBig = await attach(handler, ours, "huge.png", big, "image/png");
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.body).toContain("The file must be smaller than 20 MB.");
    await handler.get(`/complaints/${ours}`);
    const none = await handler.postFile(`/complaints/${ours}/attachments`, {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain("Choose a file to attach");
  });

  it("refuses an upload without the CSRF token, and to another organisation's complaint", async () => {
    const handler = await signedIn("handler@bchg.test");
    await handler.get(`/complaints/${ours}`);
    const { multipartBody } = await import("../../../test/support/web.ts");
    const forged = await multipartBody({ _csrf: "forged" }, { field: "file", name: "a.png", content: PNG });
    const response = await app.inject({
      method: "POST",
      url: `/complaints/${ours}/attachments`,
      headers: { "content-type": forged.contentType },
      payload: forged.payload,
    });
    expect(response.statusCode).toBe(403);
    expect((await attach(handler, theirs, "a.png", PNG)).statusCode).toBe(404);
  });
});
