import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticateApiToken } from "../app/authenticate-api-token.ts";
import { openDatabase } from "../store/database.ts";
import { runCli } from "./program.ts";

async function redress(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("redress token", () => {
  const dir = mkdtempSync(join(tmpdir(), "redress-cli-token-"));
  const dataDir = join(dir, "pglite");
  beforeAll(async () => {
    vi.stubEnv("REDRESS_DATA_DIR", dataDir);
    vi.stubEnv("DATABASE_URL", undefined);
    const org = await redress(
      "org",
      "add",
      "--id",
      "acme",
      "--name",
      "Acme",
      "--pack",
      "bchg",
      "--homes",
      "10",
    );
    expect(org.code).toBe(0);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  /** What the API would make of a token, read straight from the database the commands wrote. */
  async function authenticate(token: string) {
    const db = await openDatabase({ dataDir });
    try {
      return await authenticateApiToken({ db, clock: () => new Date() }, token);
    } finally {
      await db.close();
    }
  }

  it("creates a token shown once, lists it without its secret, and revokes it", async () => {
    const created = await redress(
      "token",
      "create",
      "--org",
      "acme",
      "--role",
      "handler",
      "--name",
      "housing-system",
    );
    expect(created.code).toBe(0);
    const token = created.out.trim();
    expect(token).toMatch(/^redress_[A-Za-z0-9_-]{43}$/);
    expect(created.err).toContain('"housing-system" (handler) for acme');
    expect(created.err).toContain("shown once");
    const id = /API token ([0-9a-f-]{36})/.exec(created.err)?.[1] ?? "";

    expect(await authenticate(token)).toEqual({
      tokenId: id,
      organisationId: "acme",
      role: "handler",
      actor: "api:housing-system",
    });
    expect(await authenticate(`${token}x`)).toBeNull();

    const listed = await redress("token", "list", "--org", "acme");
    expect(listed.out).toContain(id);
    expect(listed.out).toContain("housing-system");
    expect(listed.out).not.toContain(token);
    const stamp = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d`;
    // created, last used (by the look-up above), not revoked
    expect(listed.out).toMatch(
      new RegExp(String.raw`housing-system\s+handler\s+${stamp}\s+${stamp}\s+-$`, "m"),
    );

    expect((await redress("token", "revoke", "--org", "other", id)).err).toContain("no active API token");
    expect((await redress("token", "revoke", "--org", "acme", id)).out).toBe(
      `Revoked API token ${id}: it no longer works.`,
    );
    expect(await authenticate(token)).toBeNull();
    expect((await redress("token", "revoke", "--org", "acme", id)).code).toBe(2);
    expect((await redress("token", "list", "--org", "acme")).out).toMatch(
      new RegExp(String.raw`housing-system\s+handler\s+${stamp}\s+${stamp}\s+${stamp}$`, "m"),
    );
  });

  it("names a token by its id when no name is given, and refuses a role that does not exist", async () => {
    const created = await redress("token", "create", "--org", "acme", "--role", "executive");
    const id = /API token ([0-9a-f-]{36})/.exec(created.err)?.[1] ?? "";
    expect((await authenticate(created.out.trim()))?.actor).toBe(`api:${id}`);
    const bad = await redress("token", "create", "--org", "acme", "--role", "boss");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--role "boss" is not a role');
    expect((await redress("token", "revoke", "--org", "acme", "not-a-uuid")).err).toContain(
      "no active API token",
    );
  });
});
