import { Command, CommanderError } from "commander";
import { calendarAdd } from "./calendar-command.ts";
import { UsageError, processOutput, type CliOutput } from "./output.ts";
import { outboxDeadCommand, outboxRequeueCommand, outboxStatusCommand } from "./outbox-commands.ts";
import { policyLint, policyList } from "./policy-commands.ts";
import { simulate } from "./simulate-command.ts";
import {
  complaintShow,
  dbMigrate,
  dbRebuildProjections,
  demo,
  importCommand,
  orgAdd,
  orgCalendar,
  userAdd,
  worker,
} from "./store-commands.ts";
import { reportTsmCommand } from "./report-commands.ts";
import { reportMeasuresCommand } from "./report-measures-command.ts";
import { tokenCreateCommand, tokenListCommand, tokenRevokeCommand } from "./token-commands.ts";

/** Errors whose message is already written for the person at the keyboard. */
function isExplainedError(error: unknown): error is Error {
  return (
    error instanceof UsageError ||
    (error instanceof Error && "code" in error && typeof error.code === "string")
  );
}

/** Runs `redress <args>` and returns the exit code; output goes to `io`. */
export async function runCli(args: readonly string[], io: CliOutput = processOutput): Promise<number> {
  let exitCode = 0;
  const program = new Command("redress")
    .description(
      "Redress: complaints case management under the Housing Ombudsman's Complaint Handling Code 2024",
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  const policy = program
    .command("policy")
    .description("policy packs: list them, check them against the Code");
  policy
    .command("list")
    .description("the bundled policy packs")
    .action(() => {
      exitCode = policyList(io);
    });
  policy
    .command("lint")
    .description("check a pack against the Code (exit 1 when it has errors)")
    .argument("<pack>", "a bundled pack id or the path of a pack file")
    .option("--json", "machine-readable findings")
    .action((pack: string, options: { json?: boolean }) => {
      exitCode = policyLint(io, pack, options);
    });

  program
    .command("calendar")
    .description("working-day arithmetic for England and Wales")
    .command("add")
    .description("the Nth working day after a date, and why")
    .argument("<date>", "the start date, YYYY-MM-DD (it never counts itself)")
    .argument("<n>", "working days to add")
    .option("--closure <date:reason...>", "organisation closure days, e.g. 2026-12-29:Office closed")
    .option("--json", "machine-readable explanation")
    .action((date: string, n: string, options: { json?: boolean; closure?: string[] }) => {
      exitCode = calendarAdd(io, date, n, options);
    });

  program
    .command("simulate")
    .description("replay a complaint's history under a pack: its clocks and findings")
    .requiredOption("--policy <pack>", "a bundled pack id or the path of a pack file")
    .requiredOption("--input <file>", 'the history as JSON ({ "events": [...] }); - for standard input')
    .option("--today <date>", "the date to judge open clocks against (YYYY-MM-DD)")
    .option("--json", "machine-readable output (the documented contract)")
    .action((options: { policy: string; input: string; today?: string; json?: boolean }) => {
      exitCode = simulate(io, options);
    });

  const db = program
    .command("db")
    .description("the database (DATABASE_URL, or the embedded one in REDRESS_DATA_DIR)");
  db.command("migrate")
    .description("apply the migrations not yet applied")
    .action(async () => {
      exitCode = await dbMigrate(io);
    });
  db.command("rebuild-projections")
    .description("recompute every complaint's projection from its events")
    .option("--org <id>", "only this organisation")
    .action(async (options: { org?: string }) => {
      exitCode = await dbRebuildProjections(io, options);
    });

  program
    .command("demo")
    .description("create one demo organisation per bundled pack, with users and complaints")
    .option("--seed <n>", "seed for the synthetic data (the same seed gives the same data)")
    .action(async (options: { seed?: string }) => {
      exitCode = await demo(io, options);
    });

  const org = program.command("org").description("organisations (landlords)");
  org
    .command("calendar")
    .description("declare closure days or correct bank holidays; every complaint's dates are recomputed")
    .requiredOption("--org <id>", "the organisation")
    .option("--close <date:reason...>", "declare closure days, e.g. 2026-12-29:Office closed")
    .option("--reopen <date...>", "remove declared closure days")
    .option("--add-bank-holiday <date:name...>", "a bank holiday the bundled list lacks")
    .option("--remove-bank-holiday <date...>", "a listed bank holiday that is not one")
    .action(
      async (options: {
        org: string;
        close?: string[];
        reopen?: string[];
        addBankHoliday?: string[];
        removeBankHoliday?: string[];
      }) => {
        exitCode = await orgCalendar(io, options);
      },
    );
  org
    .command("add")
    .description("add a landlord running a policy pack")
    .requiredOption("--id <id>", "short id, e.g. bchg")
    .requiredOption("--name <name>", "the landlord's name")
    .requiredOption("--pack <pack>", "a bundled pack id or the path of a pack file")
    .requiredOption("--homes <n>", "low-cost rental (LCRA) homes, for TSM CH01")
    .option("--lcho <n>", "low-cost home ownership (LCHO) homes")
    .option("--prefix <PREFIX>", "reference prefix (default: the id in capitals)")
    .action(
      async (options: {
        id: string;
        name: string;
        pack: string;
        homes: string;
        lcho?: string;
        prefix?: string;
      }) => {
        exitCode = await orgAdd(io, options);
      },
    );

  program
    .command("user")
    .description("staff accounts")
    .command("add")
    .description("add a staff account; prints its first password once")
    .requiredOption("--org <id>", "the organisation")
    .requiredOption("--email <email>", "sign-in email")
    .requiredOption("--role <role>", "agent, handler, reviewer, complaints-team, executive or admin")
    .option("--name <name>", "display name")
    .action(async (options: { org: string; email: string; role: string; name?: string }) => {
      exitCode = await userAdd(io, options);
    });

  program
    .command("import")
    .description("import complaints from a previous system, one JSON object per line")
    .requiredOption("--org <id>", "the organisation")
    .requiredOption("--input <file.jsonl>", "the file to import")
    .action(async (options: { org: string; input: string }) => {
      exitCode = await importCommand(io, options);
    });

  program
    .command("complaint")
    .description("complaints")
    .command("show")
    .description("a complaint with its clocks (the simulate shape), findings and events")
    .argument("<reference>", "its reference, or its external reference if imported")
    .requiredOption("--org <id>", "the organisation")
    .option("--json", "machine-readable output")
    .action(async (reference: string, options: { org: string; json?: boolean }) => {
      exitCode = await complaintShow(io, reference, options);
    });

  program
    .command("worker")
    .description("run the worker: deadline warnings, breach alerts, message delivery")
    .option("--once", "one pass, then exit (exit 1 if anything failed)")
    .action(async (options: { once?: boolean }) => {
      exitCode = await worker(io, options);
    });

  const outbox = program.command("outbox").description("messages waiting to be delivered, and dead letters");
  outbox
    .command("status")
    .description("undelivered messages per organisation")
    .action(async () => {
      exitCode = await outboxStatusCommand(io);
    });
  outbox
    .command("dead")
    .description("messages that failed every attempt, with their last error")
    .requiredOption("--org <id>", "the organisation")
    .action(async (options: { org: string }) => {
      exitCode = await outboxDeadCommand(io, options);
    });
  outbox
    .command("requeue")
    .description("send a dead letter again")
    .argument("<id>", "the message number (from outbox dead)")
    .requiredOption("--org <id>", "the organisation")
    .action(async (id: string, options: { org: string }) => {
      exitCode = await outboxRequeueCommand(io, id, options);
    });

  const report = program.command("report").description("reports");
  report
    .command("tsm")
    .description(
      "TSM CH01 and CH02 for a reporting year (1 April to 31 March), with what each is worked out from",
    )
    .requiredOption("--org <id>", "the organisation")
    .requiredOption("--year <YYYY>", "the reporting year that starts on 1 April of YYYY")
    .option(
      "--json",
      "machine-readable: ch01.stage1, ch01.stage2, ch02.stage1, ch02.stage2 as { value, numerator, denominator }",
    )
    .action(async (options: { org: string; year: string; json?: boolean }) => {
      exitCode = await reportTsmCommand(io, options);
    });

  report
    .command("measures")
    .description(
      "every measure beyond the TSMs for a period: timeliness, volumes, outcomes, refusals, escalation, remedies, hazards, contacts, survey",
    )
    .requiredOption("--org <id>", "the organisation")
    .requiredOption("--from <YYYY-MM-DD>", "the first day of the period")
    .requiredOption("--to <YYYY-MM-DD>", "the last day of the period")
    .option(
      "--as-at <YYYY-MM-DD>",
      "judge overdue remedies and actions at this date (default: the period's end, or today)",
    )
    .option("--json", "machine-readable: every figure's numbers (no references)")
    .action(async (options: { org: string; from: string; to: string; asAt?: string; json?: boolean }) => {
      exitCode = await reportMeasuresCommand(io, options);
    });

  const token = program.command("token").description("API tokens for other systems (/api/v1)");
  token
    .command("create")
    .description("create a token; prints it once (only its hash is kept)")
    .requiredOption("--org <id>", "the organisation")
    .requiredOption("--role <role>", "agent, handler, reviewer, complaints-team, executive or admin")
    .option("--name <label>", "who uses it, e.g. housing-system (recorded on events as api:<label>)")
    .action(async (options: { org: string; role: string; name?: string }) => {
      exitCode = await tokenCreateCommand(io, options);
    });
  token
    .command("list")
    .description("an organisation's tokens: name, role, when created, last used and revoked")
    .requiredOption("--org <id>", "the organisation")
    .action(async (options: { org: string }) => {
      exitCode = await tokenListCommand(io, options);
    });
  token
    .command("revoke")
    .description("revoke a token at once")
    .argument("<token-id>", "the token's id (from token list)")
    .requiredOption("--org <id>", "the organisation")
    .action(async (id: string, options: { org: string }) => {
      exitCode = await tokenRevokeCommand(io, id, options);
    });

  try {
    await program.parseAsync(args, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isExplainedError(error)) {
      io.err(`redress: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
