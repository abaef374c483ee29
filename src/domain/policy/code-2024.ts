import type { StagePolicy } from "./schema.ts";

/**
 * The Complaint Handling Code 2024's own numbers (paragraphs in comments). These are the `codeLimit`
 * side of every deadline, whatever a landlord's pack says.
 */
export const CODE_2024 = {
  /** 6.2 / 6.11: acknowledge, define and log within 5 working days of receipt / the escalation request. */
  acknowledgementWorkingDays: 5,
  /** 6.3: Stage 1 response within 10 working days of acknowledgement. */
  stage1ResponseWorkingDays: 10,
  /** 6.14: Stage 2 response within 20 working days of acknowledgement. */
  stage2ResponseWorkingDays: 20,
  /** 6.4: no more than 10 further working days at Stage 1 without good reason. */
  stage1ExtensionCapWorkingDays: 10,
  /** 6.15: no more than 20 further working days at Stage 2 without good reason. */
  stage2ExtensionCapWorkingDays: 20,
  /** 2.3: accept complaints within 12 months of the issue or of becoming aware of it, whichever is later. */
  ageLimitMonths: 12,
  /** Awaab's Law (SI 2025/1042): emergency hazards investigated and made safe within 24 hours. */
  emergencyHazardHours: 24,
  /** Awaab's Law: potential significant hazards investigated within 10 working days of awareness. */
  significantHazardInvestigationWorkingDays: 10,
} as const;

export type StageNumber = 1 | 2;

export function codeResponseWorkingDays(stage: StageNumber): number {
  return stage === 1 ? CODE_2024.stage1ResponseWorkingDays : CODE_2024.stage2ResponseWorkingDays;
}

export function codeExtensionCap(stage: StageNumber): number {
  return stage === 1 ? CODE_2024.stage1ExtensionCapWorkingDays : CODE_2024.stage2ExtensionCapWorkingDays;
}

/** Paragraph numbers a finding cites, per stage. */
export const CODE_PARAGRAPHS = {
  acknowledgement: { 1: "6.2", 2: "6.11" },
  response: { 1: "6.3", 2: "6.14" },
  extension: { 1: "6.4", 2: "6.15" },
} as const;

/**
 * The Code's minimum for a stage. Used where a pack has no such stage (a non-compliant single-stage
 * pack still gets a lawful Stage 2), so a complaint can always reach Stage 2.
 */
export function codeMinimumStage(stage: StageNumber): StagePolicy {
  const paragraph = (p: string) => ({ ref: `Code ${p} (the pack has no Stage ${stage})` });
  return {
    number: stage,
    name: `Stage ${stage}`,
    acknowledgement: {
      workingDays: CODE_2024.acknowledgementWorkingDays,
      from: stage === 1 ? "receipt" : "escalation-request",
      cite: paragraph(CODE_PARAGRAPHS.acknowledgement[stage]),
    },
    response: {
      workingDays: codeResponseWorkingDays(stage),
      from: "acknowledgement",
      cite: paragraph(CODE_PARAGRAPHS.response[stage]),
    },
    extension: {
      maxWorkingDays: codeExtensionCap(stage),
      when: "good reason, explained to the resident before the original date",
      cite: paragraph(CODE_PARAGRAPHS.extension[stage]),
    },
    handler: {
      role: stage === 1 ? "complaint handler" : "a person who did not handle Stage 1",
      excludesEarlierHandler: true,
      cite: paragraph("6.13"),
    },
  };
}
