import { toDayNumber, type LocalDate } from "../calendar/day-number.ts";
import type { Ch01, Ch02, Measure } from "../reporting/tsm.ts";
import type { ReportingPeriod } from "../reporting/reporting-year.ts";
import { within } from "../reporting/reporting-year.ts";
import { GovernanceRuleError } from "./governance-errors.ts";
import { codeNonCompliance, ombudsmanSummary, type OmbudsmanCase } from "./ombudsman.ts";
import type { RefusalCount } from "./refusals-by-ground.ts";
import type { Answer } from "./self-assessment.ts";
import { publishedEntry, type PublishedEntry, type YouSaidWeDidEntry } from "./you-said-we-did.ts";

/**
 * The annual complaints performance and service improvement report (Code 8.1), as the governing body sees it
 * and the landlord publishes it (8.2): (a) the self-assessment, (b) performance including the types of
 * complaint refused, (c) the Ombudsman's findings of non-compliance with the Code, (d) service improvements
 * made from learning, (e) the Ombudsman's annual letter and (f) its other reports about the landlord.
 * Published, so it carries no complaint references and nothing about any resident.
 */
export type Figure = Omit<Measure, "numeratorReferences" | "denominatorReferences">;

export interface OmbudsmanPublication {
  kind: "annual-letter" | "report";
  title: string;
  publishedOn: LocalDate;
  summary: string | null;
  link: string | null;
}

export interface ReportedCase {
  kind: OmbudsmanCase["kind"];
  hosReference: string;
  decidedOn: LocalDate;
  summary: string | null;
  findings: OmbudsmanCase["findings"];
  orders: {
    kind: "order" | "recommendation";
    description: string;
    dueOn: LocalDate | null;
    compliedOn: LocalDate | null;
  }[];
}

export interface ReportedAssessmentRow {
  id: string;
  /** The Code paragraphs it answers ("6.15–6.16"). */
  provision: string;
  section: number;
  requirement: string;
  comply: Answer["comply"];
  evidence: string[];
  commentary: string;
  actions: string;
  complianceBy: LocalDate | null;
  /** Not complied with, but the intent met another way. Absent from versions issued before it was kept. */
  meetsIntentOtherwise?: boolean;
}

export interface AnnualReportContent {
  organisation: { id: string; name: string };
  year: number;
  period: ReportingPeriod;
  /** The day the report was put together. */
  assembledOn: LocalDate;
  selfAssessment: {
    version: number;
    approvedOn: LocalDate | null;
    approvedByBody: string | null;
    counts: { rows: number; yes: number; no: number; unanswered: number };
    rows: ReportedAssessmentRow[];
  } | null;
  performance: {
    ch01: { stage1: Figure; stage2: Figure; stage1Lcho: Figure; stage2Lcho: Figure };
    ch02: { stage1: Figure; stage2: Figure };
    refusals: (RefusalCount & { groundText: string })[];
  };
  ombudsman: {
    summary: ReturnType<typeof ombudsmanSummary>;
    nonCompliance: ReportedCase[];
    cases: ReportedCase[];
  };
  improvements: PublishedEntry[];
  annualLetters: OmbudsmanPublication[];
  otherReports: OmbudsmanPublication[];
}

export interface AnnualReportParts {
  organisation: { id: string; name: string };
  year: number;
  period: ReportingPeriod;
  today: LocalDate;
  selfAssessment: AnnualReportContent["selfAssessment"];
  tsm: { ch01: Ch01; ch02: Ch02 };
  refusals: RefusalCount[];
  /** The pack's words for each exclusion id. */
  groundText: (ground: string) => string;
  ombudsmanCases: readonly OmbudsmanCase[];
  youSaidWeDid: readonly YouSaidWeDidEntry[];
  publications: readonly OmbudsmanPublication[];
}

const figure = ({ value, numerator, denominator }: Measure): Figure => ({ value, numerator, denominator });

function reported(c: OmbudsmanCase): ReportedCase {
  const orders = c.orders.map(({ kind, description, dueOn, compliedOn }) => ({
    kind,
    description,
    dueOn,
    compliedOn,
  }));
  return {
    kind: c.kind,
    hosReference: c.hosReference,
    decidedOn: c.decidedOn,
    summary: c.summary,
    findings: c.findings,
    orders,
  };
}

/** Puts the report together from its parts, keeping only what falls in the reporting year and what may be published. */
export function assembleAnnualReport(parts: AnnualReportParts): AnnualReportContent {
  const { period } = parts;
  const byDate =
    <T>(date: (t: T) => LocalDate) =>
    (a: T, b: T) =>
      toDayNumber(date(a)) - toDayNumber(date(b));
  const publications = parts.publications
    .filter((p) => within(p.publishedOn, period))
    .sort(byDate((p) => p.publishedOn));
  const cases = parts.ombudsmanCases.filter((c) => within(c.decidedOn, period));
  return {
    organisation: parts.organisation,
    year: parts.year,
    period,
    assembledOn: parts.today,
    selfAssessment: parts.selfAssessment,
    performance: {
      ch01: {
        stage1: figure(parts.tsm.ch01.stage1.lcra),
        stage2: figure(parts.tsm.ch01.stage2.lcra),
        stage1Lcho: figure(parts.tsm.ch01.stage1.lcho),
        stage2Lcho: figure(parts.tsm.ch01.stage2.lcho),
      },
      ch02: { stage1: figure(parts.tsm.ch02.stage1), stage2: figure(parts.tsm.ch02.stage2) },
      refusals: parts.refusals.map((r) => ({ ...r, groundText: parts.groundText(r.ground) })),
    },
    ombudsman: {
      summary: ombudsmanSummary(parts.ombudsmanCases, period, parts.today),
      nonCompliance: codeNonCompliance(parts.ombudsmanCases, period).map(reported),
      cases: cases.sort(byDate((c) => c.decidedOn)).map(reported),
    },
    improvements: parts.youSaidWeDid
      .filter((e) => e.status === "approved" && within(e.changedOn, period))
      .sort(byDate((e) => e.changedOn ?? ""))
      .map(publishedEntry),
    annualLetters: publications.filter((p) => p.kind === "annual-letter"),
    otherReports: publications.filter((p) => p.kind === "report"),
  };
}

/** Checks the governing body's response to an issued version before it is recorded (Code 8.2). */
export function checkGoverningBodyResponse(
  version: { issuedOn: LocalDate; responseGivenOn: LocalDate | null },
  givenOn: LocalDate,
  today: LocalDate,
): void {
  if (version.responseGivenOn) throw new GovernanceRuleError("RESPONSE_ALREADY_RECORDED");
  if (toDayNumber(givenOn) > toDayNumber(today)) throw new GovernanceRuleError("DATE_IN_FUTURE", "givenOn");
  if (toDayNumber(givenOn) < toDayNumber(version.issuedOn))
    throw new GovernanceRuleError("RESPONSE_BEFORE_ISSUE", "givenOn");
}
