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
    bankHolidays: englandAndWalesBankHolidays({ snapshot: bundledBankHolidays, added, removed }),
    closures: options.closures ?? [],
    label: corrections ? `${SNAPSHOT_LABEL}${corrections}` : SNAPSHOT_LABEL,
  });
}
