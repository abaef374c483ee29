import type { Tenure } from "./complaint-facts.ts";
import { formatCount, formatPercent, formatRate, rounded } from "./format.ts";
import { countCell, plainCount, type ReportCell, type ReportTable } from "./report-tables.ts";
import type { Ch01, Ch02, Measure, TsmSettings } from "./tsm.ts";

/** What the TSM tables are made from: a TSM report (src/app/report-tsm.ts) under both readings. */
export interface TsmFigures {
  homes: Record<Tenure, number>;
  settings: TsmSettings;
  ch01: Ch01;
  ch02: Ch02;
  alternatives: { settings: TsmSettings; ch01: Ch01; ch02: Ch02 };
}

const TENURES: [Tenure, string][] = [
  ["lcra", "low cost rental"],
  ["lcho", "low cost home ownership"],
];

const withdrawnReading = (s: TsmSettings) => (s.countWithdrawn ? "withdrawn counted" : "withdrawn left out");
const extensionReading = (s: TsmSettings) =>
  s.extensionsWithinCode ? "Code-compliant extensions allowed" : "before any extension";

/**
 * TSM CH01 and CH02 as tables, each figure under the chosen reading of the unsettled point beside the figure
 * under the other reading, with what it is worked out from. Drill names are the figures' paths in the report:
 * `ch02.stage1.numerator`, and `alternatives.ch02.stage1.numerator` for the other reading.
 */
export function tsmTables(r: TsmFigures): ReportTable[] {
  const rate = (m: Measure): ReportCell => ({
    text: formatRate(m.value),
    value: m.value === null ? null : rounded(m.value, 2),
    numeric: true,
  });
  const percent = (m: Measure): ReportCell => ({
    text: formatPercent(m.value),
    value: m.value === null ? null : rounded(m.value, 1),
    numeric: true,
  });
  const refs = (m: Measure, side: "numerator" | "denominator") =>
    side === "numerator" ? m.numeratorReferences : m.denominatorReferences;
  const drill = (m: Measure, path: string, side: "numerator" | "denominator") =>
    countCell(
      { count: side === "numerator" ? m.numerator : m.denominator, references: refs(m, side) },
      { measure: `${path}.${side}`, of: "complaints" },
    );
  const ch01Rows = ([1, 2] as const).flatMap((stage) =>
    TENURES.map(([tenure, words]) => {
      const path = `ch01.stage${stage}.${tenure}`;
      const chosen = r.ch01[`stage${stage}`][tenure];
      const other = r.alternatives.ch01[`stage${stage}`][tenure];
      return {
        header: `Stage ${stage}, ${words}`,
        cells: [
          rate(chosen),
          drill(chosen, path, "numerator"),
          plainCount(r.homes[tenure]),
          rate(other),
          drill(other, `alternatives.${path}`, "numerator"),
        ],
      };
    }),
  );
  const ch02Rows = ([1, 2] as const).map((stage) => {
    const path = `ch02.stage${stage}`;
    const chosen = r.ch02[`stage${stage}`];
    const other = r.alternatives.ch02[`stage${stage}`];
    return {
      header: `Stage ${stage}`,
      cells: [
        percent(chosen),
        drill(chosen, path, "numerator"),
        drill(chosen, path, "denominator"),
        percent(other),
        drill(other, `alternatives.${path}`, "numerator"),
      ],
    };
  });
  return [
    {
      id: "ch01",
      caption: "CH01: complaints relative to the size of the landlord",
      description: `Complaints received in the year per 1,000 homes (${formatCount(r.homes.lcra)} low cost rental, ${formatCount(r.homes.lcho)} low cost home ownership): Stage 1 by the day received, Stage 2 by the day the resident asked to escalate; refused matters are not counted. Whether withdrawn complaints count is not settled by the requirements, so both readings are shown.`,
      head: [
        "Measure",
        `Per 1,000 homes (${withdrawnReading(r.settings)})`,
        "Complaints",
        "Homes",
        `Per 1,000 homes (${withdrawnReading(r.alternatives.settings)})`,
        "Complaints",
      ],
      rows: ch01Rows,
    },
    {
      id: "ch02",
      caption: "CH02: complaints responded to within the Code's timescales",
      description:
        "Of the responses issued in the year, the share issued by the Code's limit (10 working days from acknowledgement at Stage 1, 20 at Stage 2, without the landlord's closure days). Whether a response inside a Code-compliant extension counts as within the Code is not settled, so both readings are shown.",
      head: [
        "Measure",
        `Within the Code (${extensionReading(r.settings)})`,
        "Responses within",
        "Responses issued",
        `Within the Code (${extensionReading(r.alternatives.settings)})`,
        "Responses within",
      ],
      rows: ch02Rows,
    },
  ];
}
