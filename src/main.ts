import { openIdRelyingParty } from "./adapters/openid-connect.ts";
import { loadBundledPolicyPacks } from "./adapters/policy-files.ts";
import { ensureReportFacts } from "./app/ensure-report-facts.ts";
import { loadDemoData } from "./app/load-demo-data.ts";
import type { Services } from "./app/services.ts";
import {
  ConfigError,
  databaseConfig,
  describeDatabase,
  loadConfig,
  mailSettings,
  oidcSettings,
  trustedProxies,
} from "./config.ts";
import { configuredDelivery } from "./jobs/mail/configured-delivery.ts";
import { startWorker } from "./jobs/worker.ts";
import { buildApp } from "./web/app.ts";
import { openDatabase } from "./store/database.ts";
import { migrate } from "./store/migrate.ts";
import { countComplaintsByStatus } from "./store/complaints.ts";
import { listOrganisations } from "./store/organisations.ts";

/**
 * `npm start`: wiring by hand. Open the database (PostgreSQL from DATABASE_URL, else the embedded one),
 * migrate it, load the demo data into an empty embedded database, serve the staff workspace on PORT and run
 * the worker (deadline warnings, breach alerts, outbox delivery) until stopped.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(databaseConfig(config));
  const services: Services = { db, clock: () => new Date() };
  const applied = await migrate(db);
  const filled = await ensureReportFacts(services);
  if (filled.length) console.log(`Report facts filled in for ${filled.join(", ")}.`);
  console.log(
    `Redress: ${describeDatabase(config)}${applied.length ? ` (migrated: ${applied.join(", ")})` : ""}`,
  );

  if (!config.DATABASE_URL && (await listOrganisations(db)).length === 0) {
    console.log("Empty embedded database: loading the demo organisations (redress demo)...");
    const demo = await loadDemoData(services, loadBundledPolicyPacks());
    console.log(
      `Demo data: ${demo.organisations.join(", ")} with ${demo.complaints} complaints. Demo users:`,
    );
    for (const u of demo.users) console.log(`  ${u.email.padEnd(34)} ${u.password}`);
  }
  for (const org of await listOrganisations(db)) {
    const counts = await countComplaintsByStatus(db, org.id);
    const summary = counts.map((c) => `${c.count} ${c.status}`).join(", ") || "no complaints";
    console.log(`  ${org.id.padEnd(22)} ${org.packId} ${org.packVersion}: ${summary}`);
  }

  const mail = configuredDelivery(services, mailSettings(config));
  const worker =
    config.REDRESS_WORKER === "on"
      ? startWorker(services, mail.delivery, { warnWorkingDays: config.REDRESS_WARN_WORKING_DAYS })
      : null;
  console.log(
    worker
      ? "The worker is running (deadline warnings, breach alerts, message delivery). Press Ctrl+C to stop."
      : "REDRESS_WORKER=off: no worker in this process (run `redress worker`).",
  );
  if (worker) console.log(mail.description);
  const oidc = oidcSettings(config);
  const app = await buildApp(services, {
    ...(config.REDRESS_COOKIE_SECRET ? { cookieSecret: config.REDRESS_COOKIE_SECRET } : {}),
    secureCookies: config.REDRESS_SECURE_COOKIES === "on",
    publicUrl: config.REDRESS_PUBLIC_URL,
    trustProxy: trustedProxies(config),
    ...(oidc ? { openId: openIdRelyingParty(oidc) } : {}),
  });
  if (oidc) console.log(`Sign-in with an organisation account: ${oidc.issuer}`);
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  console.log(`Staff workspace: ${address.replace("0.0.0.0", "localhost")}/sign-in`);
  console.log(`Resident portal: ${config.REDRESS_PUBLIC_URL.replace(/\/+$/, "")}/o/<organisation>/complain`);
  const stop = async () => {
    await app.close();
    await worker?.stop();
    mail.close();
    await db.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
