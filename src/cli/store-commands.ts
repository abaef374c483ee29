import { readFileSync } from "node:fs";
import { loadBundledPolicyPacks, resolvePolicyPack } from "../adapters/policy-files.ts";
import { addOrganisation } from "../app/add-organisation.ts";
import { addUser } from "../app/add-user.ts";
import { changeCalendar } from "../app/change-calendar.ts";
import { importComplaints } from "../app/import-complaints.ts";
import { loadDemoData } from "../app/load-demo-data.ts";
import { ensureReportFacts } from "../app/ensure-report-facts.ts";
import { rebuildProjections } from "../app/rebuild-projections.ts";
import { showComplaint } from "../app/show-complaint.ts";
import { describeWorkerRun, runWorkerOnce, startWorker } from "../jobs/worker.ts";
import type { Services } from "../app/services.ts";
import { databaseConfig, describeDatabase, loadConfig, mailSettings } from "../config.ts";
import { configuredDelivery } from "../jobs/mail/configured-delivery.ts";
import { openDatabase } from "../store/database.ts";
import { migrate } from "../store/migrate.ts";
import { USER_ROLES, type UserRole } from "../store/users.ts";
import { UsageError, type CliOutput } from "./output.ts";

/** Opens the configured database, brings its schema up to date, runs `work`, and closes it. */
export async function withServices<T>(io: CliOutput, work: (services: Services) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(databaseConfig(config));
  try {
    const applied = await migrate(db);
    if (applied.length > 0) io.err(`Migrated the ${describeDatabase(config)}: ${applied.join(", ")}`);
    const services: Services = { db, clock: () => new Date() };
    const filled = await ensureReportFacts(services);
    if (filled.length > 0) io.err(`Report facts filled in for ${filled.join(", ")}.`);
    return await work(services);
  } finally {
    await db.close();
  }
}

export async function dbMigrate(io: CliOutput): Promise<number> {
  const config = loadConfig();
  const db = await openDatabase(databaseConfig(config));
  try {
    const applied = await migrate(db);
    io.out(
      applied.length
        ? `Applied ${applied.join(", ")} to the ${describeDatabase(config)}.`
        : "The database is up to date.",
    );
    return 0;
  } finally {
    await db.close();
  }
}

export async function dbRebuildProjections(io: CliOutput, options: { org?: string }): Promise<number> {
  const count = await withServices(io, (services) => rebuildProjections(services, options.org));
  io.out(`Rebuilt ${count} complaint projection(s) from their events.`);
  return 0;
}

export async function demo(io: CliOutput, options: { seed?: string }): Promise<number> {
  const seed = options.seed === undefined ? undefined : Number(options.seed);
  if (seed !== undefined && !Number.isInteger(seed))
    throw new UsageError(`--seed "${options.seed}" is not a whole number.`);
  const result = await withServices(io, (services) =>
    loadDemoData(services, loadBundledPolicyPacks(), { seed }),
  );
  io.out(
    result.organisations.length
      ? `Created ${result.organisations.length} demo organisations (${result.organisations.join(", ")}) with ${result.complaints} complaints.`
      : "The demo organisations already exist; nothing was added.",
  );
  for (const u of result.users)
    io.out(`  ${u.organisationId.padEnd(22)} ${u.role.padEnd(16)} ${u.email}  password: ${u.password}`);
  return 0;
}

export async function orgAdd(
  io: CliOutput,
  options: { id: string; name: string; pack: string; homes: string; lcho?: string; prefix?: string },
): Promise<number> {
  const homes = Number(options.homes);
  const lcho = options.lcho === undefined ? 0 : Number(options.lcho);
  if (!Number.isInteger(homes) || homes < 0)
    throw new UsageError(`--homes "${options.homes}" is not a number of homes.`);
  if (!Number.isInteger(lcho) || lcho < 0)
    throw new UsageError(`--lcho "${options.lcho}" is not a number of homes.`);
  if (!/^[a-z0-9-]+$/.test(options.id))
    throw new UsageError(`--id "${options.id}" may use only lower-case letters, digits and hyphens.`);
  const pack = resolvePolicyPack(options.pack);
  await withServices(io, (services) =>
    addOrganisation(services, {
      id: options.id,
      name: options.name,
      pack,
      homesLcra: homes,
      homesLcho: lcho,
      ...(options.prefix ? { referencePrefix: options.prefix.toUpperCase() } : {}),
    }),
  );
  io.out(`Added ${options.name} (${options.id}) under ${pack.id} ${pack.version}.`);
  return 0;
}

export async function userAdd(
  io: CliOutput,
  options: { org: string; email: string; role: string; name?: string },
): Promise<number> {
  if (!(USER_ROLES as readonly string[]).includes(options.role)) {
    throw new UsageError(`--role "${options.role}" is not a role; use one of ${USER_ROLES.join(", ")}.`);
  }
  const user = await withServices(io, (services) =>
    addUser(services, {
      organisationId: options.org,
      email: options.email,
      name: options.name ?? options.email,
      role: options.role as UserRole,
    }),
  );
  io.out(`Added ${options.email} as ${options.role}. Their first password (shown once): ${user.password}`);
  return 0;
}

export async function importCommand(io: CliOutput, options: { org: string; input: string }): Promise<number> {
  let text: string;
  try {
    text = readFileSync(options.input, "utf8");
  } catch {
    throw new UsageError(`Cannot read the import file "${options.input}".`);
  }
  const lines = text.split(/\r?\n/);
  const outcomes = await withServices(io, (services) =>
    importComplaints(services, options.org, lines, (done, total) => {
      if (done % 100 === 0) io.err(`  ${done} of ${total} lines`);
    }),
  );
  const count = (s: string) => outcomes.filter((o) => o.status === s).length;
  for (const o of outcomes) if (o.status === "refused") io.err(`line ${o.line}: ${o.reason}`);
  io.out(`Imported ${count("imported")}, already there ${count("skipped")}, refused ${count("refused")}.`);
  return count("refused") > 0 ? 1 : 0;
}

export async function complaintShow(
  io: CliOutput,
  reference: string,
  options: { org: string; json?: boolean },
): Promise<number> {
  const complaint = await withServices(io, (services) => showComplaint(services, options.org, reference));
  if (options.json) {
    io.out(JSON.stringify(complaint, null, 2));
  } else {
    io.out(
      `${complaint.reference}  Stage ${complaint.stage}  ${complaint.status}  (${complaint.policy} ${complaint.policyVersion})`,
    );
    for (const [name, c] of Object.entries(complaint.clocks)) {
      io.out(`  ${name.padEnd(24)} due ${c.due}  code limit ${c.codeLimit ?? "-"}  ${c.state}`);
    }
    for (const f of complaint.findings) io.out(`  ${f.severity.toUpperCase()} Code ${f.code}: ${f.message}`);
  }
  return 0;
}

/**
 * The worker as its own process (production): deadline warnings, breach alerts and message delivery.
 * `--once` runs one pass and exits (1 if anything failed), for cron or a health check.
 */
export async function worker(io: CliOutput, options: { once?: boolean }): Promise<number> {
  const config = loadConfig();
  const workerOptions = { warnWorkingDays: config.REDRESS_WARN_WORKING_DAYS };
  if (options.once) {
    const result = await withServices(io, async (services) => {
      const mail = configuredDelivery(services, mailSettings(config));
      io.err(mail.description);
      try {
        return await runWorkerOnce(services, mail.delivery, workerOptions);
      } finally {
        mail.close();
      }
    });
    io.out(describeWorkerRun(result));
    for (const e of result.errors) io.err(e);
    return result.errors.length > 0 ? 1 : 0;
  }
  const db = await openDatabase(databaseConfig(config));
  await migrate(db);
  const services: Services = { db, clock: () => new Date() };
  const mail = configuredDelivery(services, mailSettings(config));
  const running = startWorker(services, mail.delivery, { ...workerOptions, log: (line) => io.out(line) });
  io.out(`Worker running against the ${describeDatabase(config)}. Stop with Ctrl+C.`);
  io.out(mail.description);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await running.stop();
  mail.close();
  await db.close();
  return 0;
}

function parseDated(values: readonly string[] | undefined, what: string): { date: string; text: string }[] {
  return (values ?? []).map((v) => {
    const [date = "", ...rest] = v.split(":");
    const text = rest.join(":").trim();
    if (!text)
      throw new UsageError(
        `${what} "${v}" should look like 2026-12-29:${what === "Closure" ? "Office closed" : "Bank holiday name"}.`,
      );
    return { date, text };
  });
}

/** Changes an organisation's calendar and says how many complaints' dates were recomputed. */
export async function orgCalendar(
  io: CliOutput,
  options: {
    org: string;
    close?: string[];
    reopen?: string[];
    addBankHoliday?: string[];
    removeBankHoliday?: string[];
  },
): Promise<number> {
  const result = await withServices(io, (services) =>
    changeCalendar(
      services,
      {
        organisationId: options.org,
        declare: parseDated(options.close, "Closure").map((c) => ({ date: c.date, reason: c.text })),
        remove: options.reopen ?? [],
        addBankHolidays: parseDated(options.addBankHoliday, "Bank holiday").map((h) => ({
          date: h.date,
          name: h.text,
        })),
        removeBankHolidays: options.removeBankHoliday ?? [],
      },
      "cli",
    ),
  );
  io.out(
    `Calendar changed (${result.newCalendarId}); ${result.complaintsRecomputed} complaint(s) recomputed.`,
  );
  return 0;
}
