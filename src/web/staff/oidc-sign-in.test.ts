import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import { startTestProvider, type TestProvider } from "../../../test/support/openid-provider.ts";
import { anOrganisation, testServices } from "../../../test/support/services.ts";
import { WebClient } from "../../../test/support/web.ts";
import { openIdRelyingParty } from "../../adapters/openid-connect.ts";
import { addUser } from "../../app/add-user.ts";
import { viewUsers } from "../../app/view-users.ts";
import { buildApp } from "../app.ts";

const CLIENT = {
  clientId: "redress",
  clientSecret: "a test client secret",
  redirectUrl: "http://127.0.0.1:3000/sign-in/oidc/callback",
};

describe("sign-in with an organisation account (OpenID Connect, against a real provider)", () => {
  let test: TestDatabase;
  let provider: TestProvider;
  let app: FastifyInstance;

  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    const services = testServices(test.db, "2026-11-09T10:00:00Z");
    await anOrganisation(services, "bchg");
    await anOrganisation(services, "bdht");
    const add = (organisationId: string, email: string, name: string) =>
      addUser(services, { organisationId, email, name, role: "handler" });
    await add("bchg", "asha@bchg.test", "Asha Patel");
    await add("bchg", "ben@bchg.test", "Ben Okafor");
    await add("bchg", "shared@landlords.test", "Sam Shared");
    await add("bdht", "shared@landlords.test", "Sam Shared");

    provider = await startTestProvider(CLIENT);
    provider.accounts.set("asha-subject", { email: "Asha@bchg.test", email_verified: true, name: "Asha" });
    provider.accounts.set("ben-subject", { email: "ben@bchg.test", email_verified: false });
    provider.accounts.set("stranger", { email: "stranger@elsewhere.test", email_verified: true });
    provider.accounts.set("sam-subject", { email: "shared@landlords.test", email_verified: true });
    app = await buildApp(services, {
      openId: openIdRelyingParty({ ...CLIENT, issuer: provider.issuer }),
    });
  });
  afterAll(async () => {
    await app?.close();
    await provider?.close();
    await test?.drop();
  });

  /** Starts at Redress, signs in at the provider as `accountId`, and returns to Redress with its answer. */
  const viaProvider = async (client: WebClient, accountId: string, tamper?: (back: URL) => void) => {
    const start = await client.get("/sign-in/oidc?next=%2Fcaseload%3Fview%3Dmine");
    expect(start.statusCode).toBe(303);
    const authorization = new URL(start.headers.location as string);
    expect(authorization.origin).toBe(provider.issuer);
    expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorization.searchParams.get("scope")).toBe("openid email profile");
    const back = await provider.signIn(authorization.href, accountId);
    expect(`${back.origin}${back.pathname}`).toBe(CLIENT.redirectUrl);
    tamper?.(back);
    return client.get(`${back.pathname}${back.search}`);
  };

  const identities = async () =>
    (
      await test.db.query<{ email: string; subject: string }>(
        `SELECT u.email, i.subject FROM user_identities i JOIN users u ON u.organisation_id = i.organisation_id AND u.id = i.user_id
         ORDER BY i.subject`,
      )
    ).rows;

  it("offers the organisation account beside the password form", async () => {
    const page = await new WebClient(app).get("/sign-in?next=%2Fcaseload");
    expect(page.body).toContain("Sign in with your organisation account");
    expect(page.body).toContain('href="/sign-in/oidc?next=%2Fcaseload"');
    expect(page.body).toContain('name="password"');

    const withoutOidc = await buildApp(testServices(test.db));
    const plain = new WebClient(withoutOidc);
    expect((await plain.get("/sign-in")).body).not.toContain("organisation account");
    expect((await plain.get("/sign-in/oidc")).statusCode).toBe(404);
    await withoutOidc.close();
  });

  it("signs in a person whose verified email is a staff account's: the identity is linked and a session starts", async () => {
    const client = new WebClient(app);
    const done = await viaProvider(client, "asha-subject");
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe("/caseload?view=mine");
    const caseload = await client.get("/caseload");
    expect(caseload.statusCode).toBe(200);
    expect(caseload.body).toContain("Signed in as Asha Patel (handler, bchg)");
    expect(await identities()).toEqual([{ email: "asha@bchg.test", subject: "asha-subject" }]);
    const { rows } = await test.db.query("SELECT organisation_id FROM sessions");
    expect(rows).toEqual([{ organisation_id: "bchg" }]);
    // The users page says how each person signs in.
    const staff = await viewUsers(testServices(test.db), "bchg");
    expect(staff.find((u) => u.email === "asha@bchg.test")?.organisationAccountLinkedAt).toBeInstanceOf(Date);
    expect(staff.find((u) => u.email === "ben@bchg.test")?.organisationAccountLinkedAt).toBeNull();
  });

  it("matches later sign-ins on the provider's subject, even when the email it sends has changed", async () => {
    provider.accounts.set("asha-subject", { email: "asha.patel@new-domain.test", email_verified: true });
    const client = new WebClient(app);
    expect((await viaProvider(client, "asha-subject")).statusCode).toBe(303);
    expect((await client.get("/caseload")).body).toContain("Signed in as Asha Patel");
    expect(await identities()).toEqual([{ email: "asha@bchg.test", subject: "asha-subject" }]);
  });

  it("refuses an email no staff account has, saying what to do and creating nothing", async () => {
    const client = new WebClient(app);
    const refused = await viaProvider(client, "stranger");
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain("govuk-error-summary");
    expect(refused.body).toContain('href="#organisationAccount"');
    expect(refused.body).toContain(
      "There is no Redress account for the email address of your organisation account.",
    );
    expect(refused.body).not.toContain("stranger@elsewhere.test");
    expect((await client.get("/caseload")).statusCode).toBe(303);
    expect((await test.db.query("SELECT 1 FROM users WHERE email LIKE 'stranger%'")).rows).toEqual([]);
  });

  it("refuses an email the provider has not verified, and one used in more than one organisation", async () => {
    const unverified = await viaProvider(new WebClient(app), "ben-subject");
    expect(unverified.statusCode).toBe(403);
    expect(unverified.body).toContain("Your organisation account did not confirm your email address");
    const ambiguous = await viaProvider(new WebClient(app), "sam-subject");
    expect(ambiguous.statusCode).toBe(403);
    expect(ambiguous.body).toContain("used in more than one organisation");
    expect(ambiguous.body).not.toMatch(/bdht|bchg\)/);
    expect((await identities()).map((i) => i.subject)).toEqual(["asha-subject"]);
  });

  it("refuses an answer whose state is not the one this browser was sent with", async () => {
    const client = new WebClient(app);
    const refused = await viaProvider(client, "asha-subject", (back) =>
      back.searchParams.set("state", "forged"),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Signing in with your organisation account did not work.");
    expect((await client.get("/caseload")).statusCode).toBe(303);
  });

  it("refuses an answer brought back without the browser's sign-in cookie", async () => {
    const client = new WebClient(app);
    const start = await client.get("/sign-in/oidc");
    const back = await provider.signIn(start.headers.location as string, "asha-subject");
    const other = new WebClient(app);
    const refused = await other.get(`${back.pathname}${back.search}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Signing in took too long, or was started in another window.");
  });
});
