/**
 * Figures as people read them, shared by the report pages, their CSV files, the command line and anything
 * else that shows a report (charts, PDFs): one rounding for every place a figure appears.
 */

/** What is shown where there is nothing to divide by (never 0%, never a division by zero). */
export const NO_FIGURE = "no figure";

const whole = new Intl.NumberFormat("en-GB");
const fixed = (digits: number) =>
  new Intl.NumberFormat("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const oneDecimal = fixed(1);
const twoDecimals = fixed(2);

/** Rounded as shown, for machine-readable output (CSV): half away from zero, like the text. */
export const rounded = (value: number, digits: number): number => Number(value.toFixed(digits));

export const formatCount = (n: number): string => whole.format(n);

/** A percentage to one decimal place: "85.7%". */
export const formatPercent = (value: number | null): string =>
  value === null ? NO_FIGURE : `${oneDecimal.format(value)}%`;

/** A rate to two decimal places (TSM CH01 per 1,000 homes): "8.00". */
export const formatRate = (value: number | null): string =>
  value === null ? NO_FIGURE : twoDecimals.format(value);

/** An average to one decimal place, with its unit: "6.2 working days". */
export const formatAverage = (value: number | null, unit: string): string =>
  value === null ? NO_FIGURE : `${oneDecimal.format(value)} ${unit}`;

/** Money from pence: "£1,250.00". */
export const formatPounds = (pence: number): string => `£${twoDecimals.format(pence / 100)}`;

/** A label from a stored key: "partially-upheld" as "Partially upheld", "not-recorded" as "Not recorded". */
export function labelOfKey(key: string): string {
  const words = key.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
