import type { Database } from "../store/database.ts";

/** What every use case needs: the database and the clock. Built by hand in main.ts / the CLI. */
export interface Services {
  db: Database;
  /** Now. Use cases never read the system clock themselves, so tests fix it. */
  clock: () => Date;
}

/** Who did something, for the audit trail ("system", a user's email, or an API token's name). */
export type Actor = string;
