import { addCalendarMonths, type LocalDate } from "../../domain/calendar/day-number.ts";
import { monthsEnding, reportingYear, reportingYearOf } from "../../domain/reporting/reporting-year.ts";

export interface PeriodChoice {
  label: string;
  from: LocalDate;
  to: LocalDate;
}

const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const monthName = (date: LocalDate) => MONTH.format(new Date(`${date}T00:00:00Z`));

/** The periods offered as links: this and last reporting year, last month, and the last three whole months. */
export function reportPeriodChoices(today: LocalDate): PeriodChoice[] {
  const thisYear = reportingYear(reportingYearOf(today));
  const lastYear = reportingYear(reportingYearOf(today) - 1);
  const lastMonthDay = addCalendarMonths(`${today.slice(0, 7)}-01`, -1);
  const month = monthsEnding(lastMonthDay, 1);
  const quarter = monthsEnding(lastMonthDay, 3);
  return [
    { label: `This reporting year (${thisYear.label})`, from: thisYear.from, to: thisYear.to },
    { label: `Last reporting year (${lastYear.label})`, from: lastYear.from, to: lastYear.to },
    { label: `Last month (${monthName(month.from)})`, from: month.from, to: month.to },
    {
      label: `The last three whole months (${monthName(quarter.from)} to ${monthName(quarter.to)})`,
      from: quarter.from,
      to: quarter.to,
    },
  ];
}
