import snapshot from "../../../data/bank-holidays.json" with { type: "json" };
import {
  englandAndWalesBankHolidays,
  govUkBankHolidaysSchema,
  snapshotYears,
  type EnglandAndWalesOptions,
} from "./bank-holidays.ts";
import { WorkingCalendar, type ClosureDay } from "./working-calendar.ts";

/** The GOV.UK snapshot bundled with Redress (data/bank-holidays.json), checked against its schema. */
export const bundledBankHolidays = govUkBankHolidaysSchema.parse(snapshot);

const covered = snapshotYears(bundledBankHolidays);
const SNAPSHOT_LABEL = `england-and-wales@gov.uk-${covered?.first}-${covered?.last}`;

/**
 * One-off changes before the snapshot's first year that the rules do not know: the 2011 royal wedding
 * and the 2012 Diamond Jubilee, when the spring bank holiday moved from 28 May to 4 June.
 */
const HISTORIC_ADDED = [
  { date: "2011-04-29", name: "Royal wedding" },
  { date: "2012-06-04", name: "Spring bank holiday" },
];
const HISTORIC_REMOVED = ["2012-05-28"];

export interface EnglandAndWalesCalendarOptions {
  closures?: readonly ClosureDay[];
  added?: EnglandAndWalesOptions["added"];
  removed?: EnglandAndWalesOptions["removed"];
}

/** The working-day calendar for England and Wales, with an organisation's closures and corrections. */
export function englandAndWalesCalendar(options: EnglandAndWalesCalendarOptions = {}): WorkingCalendar {
  const added = options.added ?? [];
  const removed = options.removed ?? [];
  const corrections = [...added.map((a) => `+${a.date}`), ...removed.map((r) => `-${r}`)].sort().join(",");
  return new WorkingCalendar({
    bankHolidays: englandAndWalesBankHolidays({
      snapshot: bundledBankHolidays,
      added: [...HISTORIC_ADDED, ...added],
      removed: [...HISTORIC_REMOVED, ...removed],
    }),
    closures: options.closures ?? [],
    label: corrections ? `${SNAPSHOT_LABEL}${corrections}` : SNAPSHOT_LABEL,
  });
}
