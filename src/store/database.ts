import { mkdirSync } from "node:fs";
import pg from "pg";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";

// DATE columns stay "YYYY-MM-DD" text: a deadline is a London calendar date, never a JS Date at midnight.
pg.types.setTypeParser(1082, (value: string) => value);
// BIGINT (bigserial ids, counts) as numbers: they stay well inside 2^53 here.
pg.types.setTypeParser(20, (value: string) => Number(value));

/** A connection to run SQL on: the pool, or the client of an open transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<R>>;
}

/** One database, PostgreSQL or embedded PGlite, through the same `pg` driver and the same SQL. */
export interface Database extends Queryable {
  readonly kind: "postgres" | "pglite";
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseConfig =
  /** PostgreSQL; `schema` puts every table in that schema (tests use one each, then drop it). */
  | { url: string; schema?: string }
  /** Embedded PGlite in a folder, or "memory://" for a throwaway database. */
  | { dataDir: string };

/**
 * PostgreSQL when a URL is given, else PGlite in `dataDir` ("memory://" for a throwaway one). PGlite is one
 * connection (pool size 1), so code passes the transaction's client down and never queries the pool while
 * holding a client.
 */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if ("url" in config) {
    const schema = config.schema;
    if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema))
      throw new Error(`"${schema}" is not a usable schema name.`);
    // The search path is set when each connection starts, so no query can run before it.
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    return wrap(pool, "postgres");
  }
  if (!config.dataDir.startsWith("memory://")) mkdirSync(config.dataDir, { recursive: true });
  return wrap(new pg.Pool(createPgConfig(config.dataDir)), "pglite");
}

function wrap(pool: pg.Pool, kind: Database["kind"]): Database {
  return {
    kind,
    query: (text, values) => pool.query(text, values),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(client);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
