import { afterEach, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from "../../test/support/databases.ts";
import { listMigrations, migrate } from "./migrate.ts";

describe.each(TEST_DATABASES)("migrations (%s)", (kind) => {
  let test: TestDatabase;
  afterEach(async () => test.drop());

  it("records each migration once, and a failed one leaves nothing half-applied", async () => {
    test = await openTestDatabase(kind); // already migrated
    expect(await migrate(test.db)).toEqual([]);
    const recorded = await test.db.query("SELECT id, name FROM schema_migrations ORDER BY id");
    expect(recorded.rows).toEqual(listMigrations().map((m) => ({ id: m.id, name: m.name })));

    const broken = {
      id: 900,
      name: "broken",
      sql: "CREATE TABLE half_done (id int); INSERT INTO no_such_table VALUES (1);",
    };
    await expect(migrate(test.db, [...listMigrations(), broken])).rejects.toThrow(/no_such_table/);
    const table = await test.db.query("SELECT to_regclass('half_done') AS t");
    expect(table.rows[0]?.t).toBeNull();
    const after = await test.db.query("SELECT count(*)::int AS n FROM schema_migrations WHERE id = 900");
    expect(after.rows[0]?.n).toBe(0);
  });
});
