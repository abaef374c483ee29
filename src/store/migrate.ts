import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "./database.ts";

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "migrations");

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** The numbered, forward-only migrations: `NNN_name.sql`, in order. */
export function listMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      id: Number(f.slice(0, 3)),
      name: f.slice(4, -4),
      sql: readFileSync(join(dir, f), "utf8"),
    }));
}

/**
 * Applies every migration not yet recorded, each in its own transaction with its record, so a failed
 * migration leaves nothing half-applied. An advisory lock keeps two processes from migrating at once.
 * Returns the names of the migrations applied.
 */
export async function migrate(db: Database, migrations: Migration[] = listMigrations()): Promise<string[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(727372)");
      const seen = await tx.query("SELECT 1 FROM schema_migrations WHERE id = $1", [migration.id]);
      if (seen.rowCount) return false;
      await tx.query(migration.sql);
      await tx.query("INSERT INTO schema_migrations (id, name) VALUES ($1, $2)", [
        migration.id,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(`${String(migration.id).padStart(3, "0")}_${migration.name}`);
  }
  return applied;
}
