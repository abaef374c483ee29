import type { ValueUnit } from "./report-document.ts";

/** What a reader sees where a figure cannot be worked out (nothing to divide by): never 0, never blank. */
export const NO_FIGURE = "No figure";

const DIGITS: Record<ValueUnit, { min: number; max: number }> = {
  count: { min: 0, max: 0 },
  percent: { min: 1, max: 1 },
  "per-1000-homes": { min: 2, max: 2 },
  "working-days": { min: 1, max: 1 },
  pounds: { min: 2, max: 2 },
};

const formatters = new Map<ValueUnit, Intl.NumberFormat>();

function formatter(unit: ValueUnit): Intl.NumberFormat {
  let format = formatters.get(unit);
  if (!format) {
    const { min, max } = DIGITS[unit];
    format = new Intl.NumberFormat("en-GB", {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      ...(unit === "pounds" ? { style: "currency", currency: "GBP" } : {}),
    });
    formatters.set(unit, format);
  }
  return format;
}

/**
 * A number as it is shown in a table cell, in British English: "1,234", "85.5%", "12.35", "8.0",
 * "£1,234.50", "£20"; `null` is "No figure". Every value of a unit has the same decimals, so a column
 * of them lines up (GOV.UK tables), except that whole pounds drop their pence. The unit's words ("per 1,000 homes") belong in the column
 * header or axis label, so they are not repeated in every cell (see `formatFigure` for a figure alone).
 */
export function formatValue(value: number | null, unit: ValueUnit): string {
  if (value === null || !Number.isFinite(value)) return NO_FIGURE;
  // -0 would show as "-0".
  const shown = formatter(unit).format(Object.is(value, -0) ? 0 : value);
  if (unit === "pounds") return shown.replace(/\.00$/, "");
  return unit === "percent" ? `${shown}%` : shown;
}

const UNIT_WORDS: Record<ValueUnit, string> = {
  count: "",
  percent: "",
  "per-1000-homes": "per 1,000 homes",
  "working-days": "working days",
  pounds: "",
};

/** A value on an axis: as in a cell, without the decimals a round tick does not need ("20%", "2", "£5"). */
export function formatTick(value: number, unit: ValueUnit): string {
  return formatValue(value, unit).replace(/\.0+(?=%|$)/, "");
}

/** The words a unit adds after a number standing alone ("per 1,000 homes", "working days"), or "". */
export function unitWords(unit: ValueUnit): string {
  return UNIT_WORDS[unit];
}

/** A figure standing alone, with its unit's words: "12.35 per 1,000 homes", "8.5 working days", "85.5%". */
export function formatFigure(value: number | null, unit: ValueUnit): string {
  const shown = formatValue(value, unit);
  const words = unitWords(unit);
  if (value === null || !Number.isFinite(value) || words === "") return shown;
  return `${shown} ${words}`;
}
