import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { authenticateApiToken } from "./authenticate-api-token.ts";
import { createApiToken, hashApiToken } from "./create-api-token.ts";
import { listApiTokensOf } from "./list-api-tokens.ts";
import { revokeApiTokenOf, UnknownApiTokenError } from "./revoke-api-token.ts";

describe.each(TEST_DATABASES)("API tokens (%s)", (kind) => {
  let test: TestDatabase;
  let services: ReturnType<typeof testServices>;
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    services = testServices(test.db, "2026-12-15T10:00:00Z");
    await anOrganisation(services, "bchg");
    await anOrganisation(services, "bdht");
  }, 60_000);
  afterAll(async () => test.drop());

  it("keeps only the token's SHA-256 hash", async () => {
    const { token } = await createApiToken(services, {
      organisationId: "bchg",
      role: "handler",
      name: "hms",
    });
    const { rows } = await test.db.query("SELECT * FROM api_tokens WHERE name = 'hms'");
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]?.token_hash).toBe(hashApiToken(token));
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("authenticates a token as its organisation and role, notes its use at most once a minute, and forgets it once revoked", async () => {
    const { id, token } = await createApiToken(services, {
      organisationId: "bchg",
      role: "reviewer",
      name: "crm",
    });
    expect(await authenticateApiToken(services, token)).toEqual({
      tokenId: id,
      organisationId: "bchg",
      role: "reviewer",
      actor: "api:crm",
    });
    const lastUsed = async () =>
      (await listApiTokensOf(services, "bchg")).find((t) => t.id === id)?.lastUsedAt;
    expect(await lastUsed()).toEqual(new Date("2026-12-15T10:00:00Z"));
    services.setNow("2026-12-15T10:00:30Z");
    await authenticateApiToken(services, token);
    expect(await lastUsed()).toEqual(new Date("2026-12-15T10:00:00Z"));
    services.setNow("2026-12-15T10:02:00Z");
    await authenticateApiToken(services, token);
    expect(await lastUsed()).toEqual(new Date("2026-12-15T10:02:00Z"));

    await expect(revokeApiTokenOf(services, "bdht", id)).rejects.toBeInstanceOf(UnknownApiTokenError);
    expect(await authenticateApiToken(services, token)).not.toBeNull();
    await revokeApiTokenOf(services, "bchg", id);
    expect(await authenticateApiToken(services, token)).toBeNull();
    expect((await listApiTokensOf(services, "bchg")).find((t) => t.id === id)?.revokedAt).toEqual(
      new Date("2026-12-15T10:02:00Z"),
    );
    await expect(revokeApiTokenOf(services, "bchg", id)).rejects.toBeInstanceOf(UnknownApiTokenError);
    await expect(revokeApiTokenOf(services, "bchg", "not-an-id")).rejects.toBeInstanceOf(
      UnknownApiTokenError,
    );
  });

  it("lists only the organisation's own tokens", async () => {
    await createApiToken(services, { organisationId: "bdht", role: "agent", name: "theirs" });
    const names = (await listApiTokensOf(services, "bchg")).map((t) => t.name);
    expect(names).toContain("hms");
    expect(names).not.toContain("theirs");
  });
});
