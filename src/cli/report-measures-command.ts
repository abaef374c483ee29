import { reportMeasures } from "../app/report-measures.ts";
import { isLocalDate } from "../domain/calendar/day-number.ts";
import { measuresTables, MEASURES_SECTIONS } from "../domain/reporting/measures-tables.ts";
import { table, UsageError, type CliOutput } from "./output.ts";
import { withServices } from "./store-commands.ts";

const REFERENCE_KEYS = new Set(["references", "numeratorReferences", "denominatorReferences"]);

/** The JSON contract: the measures with every figure's numbers, without the references behind them. */
export function withoutReferences(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutReferences);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !REFERENCE_KEYS.has(key))
      .map(([key, v]) => [key, withoutReferences(v)]),
  );
}

function date(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isLocalDate(value)) throw new UsageError(`${option} "${value}" is not a date like 2026-04-01.`);
  return value;
}

/** `redress report measures`: every measure beyond the TSMs for a period, as tables or JSON. */
export async function reportMeasuresCommand(
  io: CliOutput,
  options: { org: string; from: string; to: string; asAt?: string; json?: boolean },
): Promise<number> {
  const from = date("--from", options.from) as string;
  const to = date("--to", options.to) as string;
  if (to < from) throw new UsageError(`--to ${to} is before --from ${from}.`);
  const asAt = date("--as-at", options.asAt);
  const report = await withServices(io, (services) =>
    reportMeasures(services, { organisationId: options.org, from, to, ...(asAt ? { asAt } : {}) }),
  );
  if (options.json) {
    io.out(
      JSON.stringify(
        { organisation: report.organisation.id, ...(withoutReferences(report.measures) as object) },
        null,
        2,
      ),
    );
    return 0;
  }
  const { measures, organisation } = report;
  io.out(`${organisation.name} (${organisation.id}), ${measures.period.from} to ${measures.period.to}`);
  const tables = new Map(measuresTables(measures).map((t) => [t.id, t]));
  for (const section of MEASURES_SECTIONS)
    for (const id of section.tables) {
      const t = tables.get(id);
      if (!t) continue;
      io.out(`\n${t.caption}`);
      io.out(
        t.rows.length
          ? table([t.head, ...t.rows.map((r) => [r.header, ...r.cells.map((c) => c.text)])])
          : "None in this period.",
      );
    }
  return 0;
}
