import { reportTsm, type TsmReport } from "../app/report-tsm.ts";
import type { Measure } from "../domain/reporting/tsm.ts";
import { table, UsageError, type CliOutput } from "./output.ts";
import { withServices } from "./store-commands.ts";

const plain = (m: Measure) => ({ value: m.value, numerator: m.numerator, denominator: m.denominator });
const shown = (m: Measure, unit: string) =>
  m.value === null ? "no figure (nothing to divide by)" : `${m.value.toFixed(2)}${unit}`;

/** The JSON contract: `ch01.stage1` and `ch02.stage1` etc. are the figures; CH01 is low cost rental unless under `lcho`. */
export function tsmJson(report: TsmReport) {
  const ch01 = (r: TsmReport["ch01"]) => ({
    stage1: plain(r.stage1.lcra),
    stage2: plain(r.stage2.lcra),
    lcho: { stage1: plain(r.stage1.lcho), stage2: plain(r.stage2.lcho) },
  });
  const ch02 = (r: TsmReport["ch02"]) => ({ stage1: plain(r.stage1), stage2: plain(r.stage2) });
  return {
    organisation: report.organisation.id,
    year: report.period.label,
    period: { from: report.period.from, to: report.period.to },
    homes: report.organisation.homes,
    settings: report.settings,
    ch01: ch01(report.ch01),
    ch02: ch02(report.ch02),
    alternatives: {
      settings: report.alternatives.settings,
      ch01: ch01(report.alternatives.ch01),
      ch02: ch02(report.alternatives.ch02),
    },
  };
}

export async function reportTsmCommand(
  io: CliOutput,
  options: { org: string; year: string; json?: boolean },
): Promise<number> {
  const year = Number(options.year);
  if (!/^\d{4}$/.test(options.year) || !Number.isInteger(year))
    throw new UsageError(
      `--year "${options.year}" is not a year like 2026 (the year starting 1 April 2026).`,
    );
  const report = await withServices(io, (services) =>
    reportTsm(services, { organisationId: options.org, year }),
  );
  if (options.json) {
    io.out(JSON.stringify(tsmJson(report), null, 2));
    return 0;
  }
  const { ch01, ch02, organisation, period } = report;
  const perHomes = (name: string, m: Measure) => [
    name,
    shown(m, " per 1,000 homes"),
    `${m.numerator} complaints, ${m.denominator.toLocaleString("en-GB")} homes`,
  ];
  const inTime = (name: string, m: Measure) => [
    name,
    shown(m, "%"),
    `${m.numerator} of ${m.denominator} responses`,
  ];
  io.out(
    `${organisation.name} (${organisation.id}), reporting year ${period.label}: ${period.from} to ${period.to}`,
  );
  io.out(
    table([
      ["measure", "figure", "worked out from"],
      perHomes("CH01 Stage 1, low cost rental", ch01.stage1.lcra),
      perHomes("CH01 Stage 2, low cost rental", ch01.stage2.lcra),
      perHomes("CH01 Stage 1, home ownership", ch01.stage1.lcho),
      perHomes("CH01 Stage 2, home ownership", ch01.stage2.lcho),
      inTime("CH02 Stage 1 within the Code", ch02.stage1),
      inTime("CH02 Stage 2 within the Code", ch02.stage2),
    ]),
  );
  const alt = report.alternatives;
  io.out(
    `\nReadings: withdrawn complaints ${report.settings.countWithdrawn ? "count" : "do not count"} in CH01 ` +
      `(otherwise Stage 1 rental: ${shown(alt.ch01.stage1.lcra, "")}); responses inside a Code-compliant ` +
      `extension ${report.settings.extensionsWithinCode ? "count" : "do not count"} as within the Code in CH02 ` +
      `(otherwise Stage 1: ${shown(alt.ch02.stage1, "%")}, Stage 2: ${shown(alt.ch02.stage2, "%")}).`,
  );
  return 0;
}
