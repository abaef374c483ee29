import type { Tenure } from "../domain/reporting/complaint-facts.ts";
import { reportingYear, type ReportingPeriod } from "../domain/reporting/reporting-year.ts";
import {
  DEFAULT_TSM_SETTINGS,
  measure,
  type Ch01,
  type Ch02,
  type TsmSettings,
} from "../domain/reporting/tsm.ts";
import type { Queryable } from "../store/database.ts";
import { ch01References, ch02References } from "../store/tsm-queries.ts";
import { requireOrganisation } from "./complaint-context.ts";
import type { Services } from "./services.ts";

export interface TsmReport {
  organisation: { id: string; name: string; homes: Record<Tenure, number> };
  period: ReportingPeriod;
  settings: TsmSettings;
  ch01: Ch01;
  ch02: Ch02;
  /** The same measures under the other reading of each unsettled point, so both can be shown. */
  alternatives: { ch01: Ch01; ch02: Ch02; settings: TsmSettings };
}

async function ch01(
  tx: Queryable,
  organisationId: string,
  homes: Record<Tenure, number>,
  period: ReportingPeriod,
  settings: TsmSettings,
): Promise<Ch01> {
  const atStage = async (stage: 1 | 2) => {
    const refs = await ch01References(tx, { organisationId, stage, period, settings });
    return { lcra: measure(refs.lcra, homes.lcra, 1000), lcho: measure(refs.lcho, homes.lcho, 1000) };
  };
  return { stage1: await atStage(1), stage2: await atStage(2) };
}

async function ch02(
  tx: Queryable,
  organisationId: string,
  period: ReportingPeriod,
  settings: TsmSettings,
): Promise<Ch02> {
  const atStage = async (stage: 1 | 2) => {
    const refs = await ch02References(tx, { organisationId, stage, period, settings });
    return measure(refs.numerator, refs.denominator, 100);
  };
  return { stage1: await atStage(1), stage2: await atStage(2) };
}

/**
 * TSM CH01 and CH02 for an organisation's reporting year (1 April of `year` to 31 March), from the report
 * facts projection, under the chosen reading of the unsettled points and the other one beside it.
 */
export async function reportTsm(
  services: Services,
  input: { organisationId: string; year: number; settings?: Partial<TsmSettings> },
): Promise<TsmReport> {
  const settings = { ...DEFAULT_TSM_SETTINGS, ...input.settings };
  const other = {
    countWithdrawn: !settings.countWithdrawn,
    extensionsWithinCode: !settings.extensionsWithinCode,
  };
  const period = reportingYear(input.year);
  return services.db.transaction(async (tx) => {
    const org = await requireOrganisation(tx, input.organisationId);
    const homes = { lcra: org.homesLcra, lcho: org.homesLcho };
    return {
      organisation: { id: org.id, name: org.name, homes },
      period,
      settings,
      ch01: await ch01(tx, org.id, homes, period, settings),
      ch02: await ch02(tx, org.id, period, settings),
      alternatives: {
        settings: other,
        ch01: await ch01(tx, org.id, homes, period, other),
        ch02: await ch02(tx, org.id, period, other),
      },
    };
  });
}
