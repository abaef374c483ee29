import { runCli } from "./program.ts";

// Output piped into a program that stops reading early (`redress ... | head`) is not an error of ours:
// stop quietly, as command-line tools do, instead of crashing with EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// Exit when the command is done: an embedded database's pool can keep the event loop alive after it is
// closed, and a finished command must not hang (the worker only returns once it has been stopped).
process.exit(await runCli(process.argv.slice(2)));
