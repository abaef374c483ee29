import type { LintFinding } from "../policy/lint.ts";
import type { LetterKind, PolicyPack } from "../policy/schema.ts";
import type { Ch01, Ch02, Measure } from "../reporting/tsm.ts";
import { packEvidence } from "./pack-evidence.ts";
import { REDRESS_CONTROLS } from "./redress-controls.ts";
import type { Provisions } from "./self-assessment-provisions.ts";

/**
 * Evidence Redress can show for a self-assessment row, filled in before the complaints officer starts: the
 * policy pack in force and its citations, the Code linter's findings against the paragraphs they cite,
 * timeliness and volumes (TSM), sample letters, what the software enforces on every case, and the
 * governance records (learning, Ombudsman findings, the annual report).
 */
export interface EvidenceItem {
  source: "pack" | "lint" | "tsm" | "letters" | "redress" | "governance";
  text: string;
  /** Where it comes from: the clause of the landlord's document, or the linter's Code paragraph and pack path. */
  cite?: string;
  /** A linter finding's severity. */
  severity?: LintFinding["severity"];
  /** False for a gap or a slot (nothing to show yet): it does not support a statement of compliance. */
  available: boolean;
}

/** Sample letters issued of a kind, where letters are kept in Redress. */
export interface LetterSample {
  kind: LetterKind;
  issued: number;
}

export interface GovernanceFigures {
  lessons: number;
  lessonsActedOn: number;
  topThemes: { theme: string; lessons: number }[];
  youSaidWeDidApproved: number;
  refusals: number;
  determinations: number;
  failureOrders: number;
  ordersOutstanding: number;
  ordersOverdue: number;
  annualReportVersions: number;
  governingBodyResponded: boolean;
  selfAssessmentVersions: number;
}

export interface EvidenceFacts {
  pack: PolicyPack;
  lint: readonly LintFinding[];
  /** The reporting year's label ("2026/27"). */
  year: string;
  tsm: { ch01: Ch01; ch02: Ch02 } | null;
  /** Null while Redress keeps no letters: each letter row then shows a slot to fill by hand. */
  letters: readonly LetterSample[] | null;
  governance: GovernanceFigures;
}

const percent = (m: Measure) => (m.value === null ? "no figure" : `${m.value.toFixed(1)}%`);
const perThousand = (m: Measure) =>
  m.value === null
    ? "no homes recorded"
    : `${m.value.toFixed(2)} per 1,000 homes (${m.numerator} of ${m.denominator} homes)`;

function tsmEvidence(facts: EvidenceFacts, name: string): EvidenceItem[] {
  if (!facts.tsm) return [];
  const { ch01, ch02 } = facts.tsm;
  if (name === "ch01")
    return [
      {
        source: "tsm",
        text: `TSM CH01 ${facts.year}, low cost rental: Stage 1 ${perThousand(ch01.stage1.lcra)}; Stage 2 ${perThousand(ch01.stage2.lcra)}.`,
        available: true,
      },
    ];
  const stage = name === "ch02-stage1" ? 1 : 2;
  const m = stage === 1 ? ch02.stage1 : ch02.stage2;
  return [
    {
      source: "tsm",
      text:
        m.denominator === 0
          ? `TSM CH02 ${facts.year}: no Stage ${stage} responses issued yet.`
          : `TSM CH02 ${facts.year}: ${m.numerator} of ${m.denominator} Stage ${stage} responses within the Code's timescales (${percent(m)}).`,
      available: m.denominator > 0,
    },
  ];
}

function letterEvidence(facts: EvidenceFacts, kind: string): EvidenceItem[] {
  const words = kind.replace(/^stage(\d)/, "Stage $1").replace(/-/g, " ");
  if (!facts.letters)
    return [
      {
        source: "letters",
        text: `Sample ${words} letter: not kept in Redress yet. Describe or attach a sample in your evidence.`,
        available: false,
      },
    ];
  const issued = facts.letters.find((l) => l.kind === kind)?.issued ?? 0;
  return [
    {
      source: "letters",
      text: `${issued} ${words} letter${issued === 1 ? "" : "s"} issued in Redress.`,
      available: issued > 0,
    },
  ];
}

function governanceEvidence(facts: EvidenceFacts, name: string): EvidenceItem[] {
  const g = facts.governance;
  const item = (text: string, available = true): EvidenceItem[] => [
    { source: "governance", text, available },
  ];
  switch (name) {
    case "refusals":
      return item(
        `${g.refusals} matter${g.refusals === 1 ? "" : "s"} refused in ${facts.year}, each on a ground of the policy with reasons (by ground in the annual report).`,
      );
    case "learning":
      return item(
        `${g.lessons} lessons recorded at responses in ${facts.year}; ${g.lessonsActedOn} with an action recorded or done (the learning log).`,
        g.lessons > 0,
      );
    case "themes":
      return item(
        g.topThemes.length
          ? `Themes across lessons: ${g.topThemes.map((t) => `${t.theme.replace(/-/g, " ")} (${t.lessons})`).join(", ")}.`
          : "No lessons tagged with themes yet.",
        g.topThemes.length > 0,
      );
    case "you-said-we-did":
      return item(
        `${g.youSaidWeDidApproved} "you said, we did" entries approved for publication.`,
        g.youSaidWeDidApproved > 0,
      );
    case "ombudsman":
      return item(
        `${facts.year}: ${g.determinations} Ombudsman determination(s) and ${g.failureOrders} Complaint Handling Failure Order(s) recorded; ${g.ordersOutstanding} order(s) outstanding, ${g.ordersOverdue} overdue.`,
      );
    case "annual-report":
      return item(
        `Annual report for ${facts.year}: ${g.annualReportVersions} version(s) issued; governing body's response ${g.governingBodyResponded ? "recorded" : "not recorded yet"}.`,
        g.annualReportVersions > 0,
      );
    case "self-assessment-versions":
      return item(
        `The self-assessment is kept in versions: ${g.selfAssessmentVersions} saved for ${facts.year}.`,
        g.selfAssessmentVersions > 0,
      );
    default:
      return [];
  }
}

/** The evidence Redress shows for each row of the self-assessment, by row id. */
export function prefillEvidence(
  provisions: Provisions,
  facts: EvidenceFacts,
): Record<string, EvidenceItem[]> {
  const byRow: Record<string, EvidenceItem[]> = {};
  for (const row of provisions.rows) {
    const items: EvidenceItem[] = [];
    for (const hook of row.evidence) {
      const [source, name] = hook.split(":") as [EvidenceItem["source"], string];
      if (source === "pack")
        items.push(...packEvidence(facts.pack, name).map((e) => ({ source, ...e }) satisfies EvidenceItem));
      else if (source === "tsm") items.push(...tsmEvidence(facts, name));
      else if (source === "letters") items.push(...letterEvidence(facts, name));
      else if (source === "governance") items.push(...governanceEvidence(facts, name));
      else if (source === "redress" && REDRESS_CONTROLS[name])
        items.push({ source, text: REDRESS_CONTROLS[name], available: true });
    }
    for (const f of facts.lint.filter((f) => row.paragraphs.includes(f.code)))
      items.push({
        source: "lint",
        text: f.message,
        cite: `Code ${f.code}, ${f.path}`,
        severity: f.severity,
        available: true,
      });
    byRow[row.id] = items;
  }
  return byRow;
}
