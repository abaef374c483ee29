/**
 * The health-and-safety questions a resident answers first when complaining online (Code 6.1; Awaab's Law,
 * in force from 27 October 2025), and how the answers become the hazard flag logged with the complaint.
 *
 * The mapping, chosen to err on the side of safety (staff assess and can say otherwise):
 * - emergency (the 24-hour clock): gas or carbon monoxide, dangerous electrics, a home that cannot be made
 *   secure, or anything else that could hurt someone right now; and damp, mould or water coming in when
 *   someone at higher risk lives there (a baby or young child, a breathing condition, pregnancy, a weakened
 *   immune system, older age, a disability or long-term illness), because for them it may be an imminent risk;
 * - significant (investigated within 10 working days): damp, mould or water coming in otherwise;
 * - none: no risk ticked. Who lives there is then recorded only as the household's vulnerabilities.
 */

export type HazardSeverity = "emergency" | "significant";

export const HAZARD_RISKS = {
  gas: { severity: "emergency", words: "a smell of gas or a possible carbon monoxide leak" },
  electrics: { severity: "emergency", words: "dangerous electrics" },
  security: { severity: "emergency", words: "a home that cannot be made secure" },
  "immediate-danger": { severity: "emergency", words: "something that could hurt someone right now" },
  "damp-mould": { severity: "significant", words: "damp or mould" },
  "water-coming-in": { severity: "significant", words: "water coming in" },
} as const satisfies Record<string, { severity: HazardSeverity; words: string }>;
export type HazardRisk = keyof typeof HAZARD_RISKS;

export const AT_RISK_OCCUPANTS = {
  "young-child": "a baby or young child",
  breathing: "someone with asthma, a lung condition or another breathing problem",
  pregnant: "someone who is pregnant",
  "weak-immune-system": "someone with a weakened immune system",
  older: "someone aged 65 or over",
  disability: "someone with a disability or long-term illness",
} as const;
export type AtRiskOccupant = keyof typeof AT_RISK_OCCUPANTS;

export interface HazardScreening {
  risks: readonly HazardRisk[];
  occupants: readonly AtRiskOccupant[];
  /** The resident's own words about the risk, if any. */
  details?: string;
}

export interface ScreenedHazard {
  severity: HazardSeverity;
  /** For the hazard's record: what was reported, who lives there, and the resident's words. */
  description: string;
}

export const isHazardRisk = (v: string): v is HazardRisk => Object.hasOwn(HAZARD_RISKS, v);
export const isAtRiskOccupant = (v: string): v is AtRiskOccupant => Object.hasOwn(AT_RISK_OCCUPANTS, v);

/** The hazard to flag for a resident's answers, or null when they reported no risk. */
export function screenHazards(answers: HazardScreening): ScreenedHazard | null {
  if (answers.risks.length === 0) return null;
  const emergency =
    answers.risks.some((r) => HAZARD_RISKS[r].severity === "emergency") || answers.occupants.length > 0;
  const parts = [`Reported by the resident: ${answers.risks.map((r) => HAZARD_RISKS[r].words).join("; ")}.`];
  if (answers.occupants.length > 0) parts.push(`Living in the home: ${occupantWords(answers.occupants)}.`);
  if (answers.details?.trim()) parts.push(`In their words: ${answers.details.trim()}`);
  return { severity: emergency ? "emergency" : "significant", description: parts.join(" ") };
}

/** The household's vulnerabilities as the resident's record keeps them, one per person at risk. */
export function occupantVulnerabilities(occupants: readonly AtRiskOccupant[]): string[] {
  return occupants.map((o) => `Lives with ${AT_RISK_OCCUPANTS[o]} (told us when complaining online)`);
}

function occupantWords(occupants: readonly AtRiskOccupant[]): string {
  return occupants.map((o) => AT_RISK_OCCUPANTS[o]).join("; ");
}
