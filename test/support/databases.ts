import { randomBytes } from "node:crypto";
import { openDatabase, type Database } from "../../src/store/database.ts";
import { migrate } from "../../src/store/migrate.ts";

/**
 * The databases every store test runs against: embedded PGlite always, and real PostgreSQL when
 * TEST_DATABASE_URL is set (.ci/run sets it to the machine's server). Each PostgreSQL test database is a
 * fresh schema, dropped afterwards, so test files running in parallel never see each other's rows.
 */
export const TEST_DATABASES: readonly ("pglite" | "postgres")[] = process.env.TEST_DATABASE_URL
  ? ["pglite", "postgres"]
  : ["pglite"];

export interface TestDatabase {
  db: Database;
  drop(): Promise<void>;
}

export async function openTestDatabase(kind: "pglite" | "postgres"): Promise<TestDatabase> {
  if (kind === "pglite") {
    const db = await openDatabase({ dataDir: "memory://" });
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set.");
  const schema = `redress_test_${randomBytes(6).toString("hex")}`;
  const db = await openDatabase({ url, schema });
  await migrate(db);
  return {
    db,
    async drop() {
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}
