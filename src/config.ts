import { z } from "zod";

/**
 * The environment, validated once at start-up: every problem is listed, then the process stops.
 * DATABASE_URL set → that PostgreSQL; not set → embedded PGlite in REDRESS_DATA_DIR.
 */
const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  REDRESS_DATA_DIR: z.string().min(1).default("./data/pglite"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where to listen; 127.0.0.1 by default so a demo is not exposed to the network by accident. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** Signs session cookies; set it in production so sessions survive a restart (32+ characters). */
  REDRESS_COOKIE_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** "on" behind HTTPS: cookies are then sent only over TLS. */
  REDRESS_SECURE_COOKIES: z.enum(["on", "off"]).default("off"),
  REDRESS_WORKER: z.enum(["on", "off"]).default("on"),
  REDRESS_WARN_WORKING_DAYS: z.coerce.number().int().min(0).max(20).default(2),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Redress cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success)
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  return result.data;
}

/** Where the database is: "PostgreSQL at host/db" or "embedded database in <folder>", for logs. */
export function describeDatabase(config: Config): string {
  if (config.DATABASE_URL) {
    const url = new URL(config.DATABASE_URL);
    return `PostgreSQL at ${url.host}${url.pathname}`;
  }
  return `embedded database in ${config.REDRESS_DATA_DIR}`;
}

export function databaseConfig(config: Config): { url: string } | { dataDir: string } {
  return config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.REDRESS_DATA_DIR };
}
