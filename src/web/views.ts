import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";
import {
  formatLondonDateTime as londonDateTime,
  formatLongDate,
  isLocalDate,
} from "../domain/calendar/day-number.ts";
import { addReportFilters } from "./report-view.ts";

const require = createRequire(import.meta.url);
/** govuk-frontend's dist folder: its templates, components, CSS, JavaScript and assets. */
export const GOVUK_DIST = join(dirname(require.resolve("govuk-frontend/package.json")), "dist");
export const VIEWS_DIR = join(dirname(fileURLToPath(import.meta.url)), "views");

/** An instant (or an ISO string) as a London date and time: "Monday 9 November 2026 at 14:30". */
export function formatLondonDateTime(value: unknown): string {
  const instant = value instanceof Date ? value : typeof value === "string" ? new Date(value) : null;
  if (!instant || Number.isNaN(instant.getTime())) return typeof value === "string" ? value : "";
  return londonDateTime(instant);
}

/** A size in bytes as people say it: "850 KB", "1.2 MB". */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "";
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;
}

/**
 * Nunjucks over our views and govuk-frontend's. Autoescaping is on everywhere: complaint text is shown as
 * text, never as HTML.
 */
export function createViewEnvironment(): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([VIEWS_DIR, GOVUK_DIST]), {
    autoescape: true,
    throwOnUndefined: false,
  });
  env.addFilter("longDate", (value: unknown) =>
    typeof value === "string" && isLocalDate(value) ? formatLongDate(value) : (value ?? ""),
  );
  // Marks the option matching a submitted value as selected, so a re-shown form keeps the choice.
  env.addFilter("selectValue", (items: { value: string; selected?: boolean }[], value: unknown) =>
    items.map((item) => ({ ...item, selected: item.value !== "" && item.value === value })),
  );
  env.addFilter("pounds", (pence: unknown) =>
    typeof pence === "number" ? `£${(pence / 100).toFixed(2).replace(/\.00$/, "")}` : "",
  );
  env.addFilter("fileSize", (value: unknown) => formatFileSize(Number(value)));
  env.addFilter("dateTime", (value: unknown) => formatLondonDateTime(value));
  env.addFilter("words", (value: unknown) => (typeof value === "string" ? value.replace(/-/g, " ") : value));
  addReportFilters(env);
  return env;
}
