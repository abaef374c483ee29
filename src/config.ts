import { isIP } from "node:net";
import { z } from "zod";
import { parseMailAddress, type MailAddress } from "./adapters/mailer.ts";

/** Where an OpenID provider sends people back to after they sign in (see src/web/staff/oidc-routes.ts). */
export const OIDC_CALLBACK_PATH = "/sign-in/oidc/callback";

/** HTTPS, except on this machine (a provider or Redress run locally, as in development and tests). */
function secureOrLocal(value: string): boolean {
  if (!URL.canParse(value)) return true; // reported as "must be a URL" already
  const url = new URL(value);
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url.hostname));
}
const SECURE_URL = { error: "must use https:// (http:// only for localhost)" };
const MAIL_ADDRESS = {
  error: 'must be one email address, like complaints@example.org or "Complaints <complaints@example.org>"',
};

function isAddressOrRange(value: string): boolean {
  const [address = "", bits, ...rest] = value.split("/");
  if (rest.length > 0 || isIP(address) === 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128));
}

export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

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
  /**
   * Which proxies to believe about a visitor's address (X-Forwarded-For). The per-address limits (sign-in
   * throttle, the portal's) count by that address, so believing anyone would let a visitor pick a new one
   * for each request: unset believes no one; a number, that many proxies in front; or their addresses.
   */
  REDRESS_TRUST_PROXY: z
    .string()
    .trim()
    .refine((v) => readTrustedProxies(v) !== null, {
      error:
        "must be how many proxies are in front of Redress (like 1) or their addresses (like 10.0.0.1,10.0.1.0/24)",
    })
    .optional(),
  REDRESS_WORKER: z.enum(["on", "off"]).default("on"),
  REDRESS_WARN_WORKING_DAYS: z.coerce.number().int().min(0).max(20).default(2),
  /** Where residents reach this Redress: the start of every link emailed to them (the resident portal). */
  REDRESS_PUBLIC_URL: z
    .url({ error: "must be the public address of Redress, like https://complaints.example.org" })
    .refine(secureOrLocal, SECURE_URL)
    .default("http://localhost:3000"),
  /** OpenID Connect sign-in (e.g. Microsoft Entra ID): all four, or none. */
  REDRESS_OIDC_ISSUER: z
    .url({ error: "must be the provider's issuer URL" })
    .refine(secureOrLocal, SECURE_URL)
    .optional(),
  REDRESS_OIDC_CLIENT_ID: z.string().min(1).optional(),
  REDRESS_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  REDRESS_OIDC_REDIRECT_URL: z
    .url({ error: "must be a URL" })
    .refine(secureOrLocal, SECURE_URL)
    .refine((u) => !URL.canParse(u) || new URL(u).pathname.endsWith(OIDC_CALLBACK_PATH), {
      error: `must end with ${OIDC_CALLBACK_PATH} (Redress's sign-in return address)`,
    })
    .optional(),
  /** Email through an SMTP server, e.g. smtp://user:pass@mail.example.org:587; unset keeps emails in Redress. */
  REDRESS_SMTP_URL: z
    .url({ error: "must be a URL like smtp://user:password@mail.example.org:587" })
    .refine((u) => !URL.canParse(u) || ["smtp:", "smtps:"].includes(new URL(u).protocol), {
      error: "must start with smtp:// (STARTTLS when offered) or smtps:// (TLS from the start)",
    })
    .refine((u) => !URL.canParse(u) || new URL(u).hostname !== "", { error: "must name the mail server" })
    .optional(),
  /** The sender of every email, e.g. complaints@example.org or "Complaints team <complaints@example.org>". */
  REDRESS_MAIL_FROM: z
    .string()
    .refine((v) => parseMailAddress(v) !== null, MAIL_ADDRESS)
    .optional(),
  /** Where replies go, if not to REDRESS_MAIL_FROM. */
  REDRESS_MAIL_REPLY_TO: z
    .string()
    .refine((v) => parseMailAddress(v) !== null, MAIL_ADDRESS)
    .optional(),
});

/** Sending email needs a sender: an SMTP server without REDRESS_MAIL_FROM is a mistake to report. */
function mailCompleteness(env: NodeJS.ProcessEnv): string[] {
  return env.REDRESS_SMTP_URL !== undefined && env.REDRESS_MAIL_FROM === undefined
    ? ["REDRESS_MAIL_FROM: must be set too: emails sent through REDRESS_SMTP_URL need a sender address"]
    : [];
}

const OIDC_SETTINGS = [
  "REDRESS_OIDC_ISSUER",
  "REDRESS_OIDC_CLIENT_ID",
  "REDRESS_OIDC_CLIENT_SECRET",
  "REDRESS_OIDC_REDIRECT_URL",
] as const;

/** OpenID Connect is all or nothing: a half-configured provider is a mistake to report, not to ignore. */
function oidcCompleteness(env: NodeJS.ProcessEnv): string[] {
  const given = OIDC_SETTINGS.filter((k) => env[k] !== undefined);
  if (given.length === 0 || given.length === OIDC_SETTINGS.length) return [];
  return OIDC_SETTINGS.filter((k) => env[k] === undefined).map(
    (k) => `${k}: must be set too: OpenID Connect needs ${OIDC_SETTINGS.join(", ")} (or none of them)`,
  );
}

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Redress cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)),
    ...oidcCompleteness(env),
    ...mailCompleteness(env),
  ];
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  return result.data;
}

/** Who is believed about a visitor's address (Fastify's trustProxy): no one, the nearest N hops, or these proxies. */
export type TrustedProxies = false | string | ((address: string, hop: number) => boolean);

/** REDRESS_TRUST_PROXY read once for both checking and use: a number of hops, or addresses; null if neither. */
function readTrustedProxies(value: string): TrustedProxies | null {
  if (/^\d{1,2}$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value.split(",").every((part) => isAddressOrRange(part.trim())) ? value : null;
}

export function trustedProxies(config: Config): TrustedProxies {
  const value = config.REDRESS_TRUST_PROXY;
  return value === undefined ? false : (readTrustedProxies(value) ?? false);
}

/** Where the database is: "PostgreSQL at host/db" or "embedded database in <folder>", for logs. */
export function describeDatabase(config: Config): string {
  if (config.DATABASE_URL) {
    const url = new URL(config.DATABASE_URL);
    return `PostgreSQL at ${url.host}${url.pathname}`;
  }
  return `embedded database in ${config.REDRESS_DATA_DIR}`;
}

/** The OpenID Connect relying party's settings, when sign-in with an organisation account is configured. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
}

export function oidcSettings(config: Config): OidcSettings | undefined {
  const {
    REDRESS_OIDC_ISSUER,
    REDRESS_OIDC_CLIENT_ID,
    REDRESS_OIDC_CLIENT_SECRET,
    REDRESS_OIDC_REDIRECT_URL,
  } = config;
  if (
    !REDRESS_OIDC_ISSUER ||
    !REDRESS_OIDC_CLIENT_ID ||
    !REDRESS_OIDC_CLIENT_SECRET ||
    !REDRESS_OIDC_REDIRECT_URL
  )
    return undefined;
  return {
    issuer: REDRESS_OIDC_ISSUER,
    clientId: REDRESS_OIDC_CLIENT_ID,
    clientSecret: REDRESS_OIDC_CLIENT_SECRET,
    redirectUrl: REDRESS_OIDC_REDIRECT_URL,
  };
}

export function databaseConfig(config: Config): { url: string } | { dataDir: string } {
  return config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.REDRESS_DATA_DIR };
}

/** How email leaves Redress: through an SMTP server when one is configured, else kept for the sent mail page. */
export interface MailSettings {
  smtpUrl: string | null;
  from: MailAddress | null;
  replyTo: MailAddress | null;
}

export function mailSettings(config: Config): MailSettings {
  const address = (v: string | undefined) => (v ? parseMailAddress(v) : null);
  return {
    smtpUrl: config.REDRESS_SMTP_URL ?? null,
    from: address(config.REDRESS_MAIL_FROM),
    replyTo: address(config.REDRESS_MAIL_REPLY_TO),
  };
}
