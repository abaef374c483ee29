import { Command, CommanderError } from "commander";
import { calendarAdd } from "./calendar-command.ts";
import { UsageError, processOutput, type CliOutput } from "./output.ts";
import { policyLint, policyList } from "./policy-commands.ts";
import { simulate } from "./simulate-command.ts";

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
