import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { anOrganisation, testServices } from "../../test/support/services.ts";
import { StaffRuleError } from "../domain/access/staff-rules.ts";
import { addUser } from "./add-user.ts";
import { changeUserRole } from "./change-user-role.ts";
import { removeUser } from "./remove-user.ts";
import { signIn } from "./sign-in.ts";
import { UnknownUserError } from "./view-user.ts";
import { viewUsers } from "./view-users.ts";

describe.each(TEST_DATABASES)("administering staff accounts (%s)", (kind) => {
  let test: TestDatabase;
  let services: ReturnType<typeof testServices>;
  let admin: string;
  let handler: string;
  let elsewhere: string;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    services = testServices(test.db);
    await anOrganisation(services, "hos-code-2024", "hos");
    await anOrganisation(services, "bvt");
    const add = (organisationId: string, email: string, role: "admin" | "handler") =>
      addUser(services, { organisationId, email, name: email, role, password: "long enough password" });
    admin = (await add("hos", "admin@hos.test", "admin")).id;
    handler = (await add("hos", "handler@hos.test", "handler")).id;
    elsewhere = (await add("bvt", "handler@bvt.test", "handler")).id;
  });
  afterAll(async () => test.drop());

  const roles = async () => (await viewUsers(services, "hos")).map((u) => [u.email, u.role]);

  it("refuses to leave an organisation without an administrator, changing nothing", async () => {
    const before = await roles();
    // The command line or an API token asks as nobody in particular: only the last-administrator rule stops it.
    await expect(removeUser(services, { organisationId: "hos", userId: admin })).rejects.toMatchObject({
      code: "LAST_ADMIN",
    });
    await expect(
      changeUserRole(services, { organisationId: "hos", userId: admin, role: "handler" }),
    ).rejects.toBeInstanceOf(StaffRuleError);
    expect(await roles()).toEqual(before);
  });

  it("hands administration over: promote another, then the first may be removed", async () => {
    await changeUserRole(services, {
      organisationId: "hos",
      userId: handler,
      role: "admin",
      actingUserId: admin,
    });
    const session = await signIn(services, "admin@hos.test", "long enough password");
    await removeUser(services, { organisationId: "hos", userId: admin, actingUserId: handler });
    expect(await roles()).toEqual([["handler@hos.test", "admin"]]);
    const { rows } = await test.db.query("SELECT 1 FROM sessions WHERE id = $1", [session.sessionId]);
    expect(rows).toEqual([]);
  });

  it("treats another organisation's user as unknown", async () => {
    await expect(
      changeUserRole(services, { organisationId: "hos", userId: elsewhere, role: "admin" }),
    ).rejects.toBeInstanceOf(UnknownUserError);
    await expect(removeUser(services, { organisationId: "hos", userId: elsewhere })).rejects.toBeInstanceOf(
      UnknownUserError,
    );
    expect((await viewUsers(services, "bvt")).map((u) => u.role)).toEqual(["handler"]);
  });
});
