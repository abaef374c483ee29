import { readFileSync } from "node:fs";
import { resolvePolicyPack } from "../adapters/policy-files.ts";
import { englandAndWalesCalendar } from "../domain/calendar/england-and-wales.ts";
import { isLocalDate } from "../domain/calendar/day-number.ts";
import {
  simulateComplaint,
  simulationInputSchema,
  type SimulationResult,
} from "../domain/complaint/simulate.ts";
import { table, UsageError, type CliOutput } from "./output.ts";

export function simulate(
  io: CliOutput,
  options: { policy: string; input: string; today?: string; json?: boolean },
): number {
  if (options.today !== undefined && !isLocalDate(options.today)) {
    throw new UsageError(`--today "${options.today}" is not a real date; write it as YYYY-MM-DD.`);
  }
  const pack = resolvePolicyPack(options.policy);
  const input = readInput(options.input);
  const result = simulateComplaint(input, pack, englandAndWalesCalendar(), options.today);
  if (options.json) {
    io.out(JSON.stringify(publicJson(result), null, 2));
  } else {
    io.out(humanReadable(result));
  }
  return 0;
}

function readInput(path: string) {
  let text: string;
  try {
    text = readFileSync(path === "-" ? 0 : path, "utf8");
  } catch {
    throw new UsageError(`Cannot read the input file "${path}".`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`The input file "${path}" is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = simulationInputSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join(".") || "(input)"}: ${i.message}`);
    throw new UsageError(`The input file "${path}" is not a valid history:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

/** The documented JSON contract (docs/simulate.md), with each clock's explanation kept. */
function publicJson(result: SimulationResult) {
  return {
    policy: result.policy,
    policyVersion: result.policyVersion,
    calendar: result.calendar,
    stage: result.stage,
    status: result.status,
    clocks: result.clocks,
    hazards: result.hazards,
    findings: result.findings,
  };
}

function humanReadable(result: SimulationResult): string {
  const lines = [
    `Policy ${result.policy} ${result.policyVersion}; Stage ${result.stage ?? "-"}; ${result.status}`,
  ];
  const rows = [["clock", "due", "code limit", "met on", "state", "code state"]];
  for (const [name, c] of Object.entries(result.clocks)) {
    rows.push([name, c.due, c.codeLimit ?? "-", c.metOn ?? "-", c.state, c.codeState ?? "-"]);
  }
  lines.push("", table(rows), "");
  for (const [name, c] of Object.entries(result.clocks)) {
    lines.push(`${name}:`, `  due: ${c.explanation.due}`);
    if (c.explanation.codeLimit) lines.push(`  code limit: ${c.explanation.codeLimit}`);
  }
  for (const h of result.hazards)
    lines.push(
      `hazard (${h.severity}): due ${h.due}, legal limit ${h.codeLimit}, ${h.state}. ${h.explanation}`,
    );
  lines.push("", result.findings.length ? "Findings:" : "No findings.");
  for (const f of result.findings)
    lines.push(`  ${f.severity.toUpperCase().padEnd(7)} Code ${f.code}  ${f.message}`);
  return lines.join("\n");
}
