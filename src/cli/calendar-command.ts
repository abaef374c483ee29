import { describeExplanation, explainAddWorkingDays } from "../domain/calendar/explain.ts";
import { englandAndWalesCalendar } from "../domain/calendar/england-and-wales.ts";
import { isLocalDate, formatLongDate } from "../domain/calendar/day-number.ts";
import { UsageError, type CliOutput } from "./output.ts";

export function calendarAdd(
  io: CliOutput,
  date: string,
  workingDays: string,
  options: { json?: boolean; closure?: string[] },
): number {
  if (!isLocalDate(date)) throw new UsageError(`"${date}" is not a real date; write it as YYYY-MM-DD.`);
  const n = Number(workingDays);
  if (!Number.isInteger(n) || n < 0 || n > 1000) {
    throw new UsageError(`"${workingDays}" is not a number of working days (a whole number from 0 to 1000).`);
  }
  const closures = (options.closure ?? []).map((c) => {
    const [day, ...reason] = c.split(":");
    if (!isLocalDate(day)) throw new UsageError(`Closure "${c}" should look like 2026-12-29:Office closed.`);
    return { date: day, reason: reason.join(":").trim() || "closure" };
  });
  const calendar = englandAndWalesCalendar({ closures });
  const explanation = explainAddWorkingDays(calendar, date, n);
  if (options.json) {
    io.out(JSON.stringify(explanation, null, 2));
    return 0;
  }
  io.out(`${explanation.result}  (${formatLongDate(explanation.result)})`);
  io.out(describeExplanation(explanation));
  for (const s of explanation.skipped.filter((d) => d.reason !== "weekend")) {
    io.out(`  skipped ${s.date}: ${s.reason === "closure" ? "closure" : "bank holiday"} — ${s.name}`);
  }
  return 0;
}
