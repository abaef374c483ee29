import type { PortalOrganisation } from "../../app/view-portal-organisation.ts";
import { stagePolicy } from "../../domain/complaint/clocks.ts";
import { CODE_2024, codeExtensionCap, codeResponseWorkingDays } from "../../domain/policy/code-2024.ts";
import type { Channel, ClockStart } from "../../domain/policy/schema.ts";

/** Ways to complain, in a resident's words. */
export const CHANNEL_WORDS: Record<Channel, string> = {
  phone: "by phone",
  email: "by email",
  letter: "by letter",
  "web-form": "using the form on our website",
  "online-portal": "online, on this website",
  "in-person": "in person, to any member of staff",
  "social-media": "through social media",
  "text-message": "by text message",
  "complaint-form": "on a complaint form",
};

/** What a timescale counts from, in a resident's words. */
export const START_WORDS: Record<ClockStart, string> = {
  receipt: "the day we receive your complaint",
  logging: "the day we log your complaint",
  acknowledgement: "the day we acknowledge it",
  "escalation-request": "the day you ask for Stage 2",
};

const days = (n: number) => `${n} working ${n === 1 ? "day" : "days"}`;

/**
 * The landlord's complaints page, generated from the policy pack in force (Code 3.4, 3.5): what a complaint
 * is, the two stages with what happens at each and their timescales beside the Code's, extensions, how to
 * complain, representatives, what may not be treated as a complaint, and the Housing Ombudsman.
 */
export function complaintsPolicyView(org: PortalOrganisation) {
  const pack = org.pack;
  const stages = ([1, 2] as const).map((n) => {
    const policy = stagePolicy(pack, n);
    return {
      number: n,
      name: policy.name,
      acknowledge: `within ${days(policy.acknowledgement.workingDays)} of ${START_WORDS[policy.acknowledgement.from]}`,
      respond: `within ${days(policy.response.workingDays)} of ${START_WORDS[policy.response.from]}`,
      codeAcknowledge: `${days(CODE_2024.acknowledgementWorkingDays)} of ${n === 1 ? "receiving the complaint" : "the request for Stage 2"}`,
      codeRespond: `${days(codeResponseWorkingDays(n))} of acknowledging it`,
      extension: {
        upTo: days(policy.extension.maxWorkingDays),
        codeCap: days(codeExtensionCap(n)),
        when: policy.extension.when,
      },
      handler: policy.handler.role,
      panel: policy.handler.panel,
      notEarlierHandler: n === 2,
    };
  });
  const channels = [...new Set<Channel>([...pack.channels.values, "online-portal"])].map(
    (c) => CHANNEL_WORDS[c],
  );
  const window = pack.escalation.window;
  const ageLimit = pack.exclusions.find((e) => e.ageLimit)?.ageLimit;
  return {
    landlord: pack.landlord,
    definition: pack.definition.text,
    earlyResolution: pack.earlyResolution,
    stages,
    channels,
    representatives: pack.representatives,
    escalationWindow: window
      ? `${window.days} ${window.unit === "working-days" ? "working days" : "days"}`
      : null,
    ageLimitMonths: Math.max(ageLimit?.months ?? CODE_2024.ageLimitMonths, CODE_2024.ageLimitMonths),
    exclusions: pack.exclusions.filter((e) => !e.ageLimit).map((e) => e.ground),
    riskFilter: pack.riskFilter,
    survey: pack.survey,
    ombudsman: pack.signposting.find((s) => s.body === "housing-ombudsman") ?? null,
    otherBodies: pack.signposting.filter((s) => s.body !== "housing-ombudsman"),
    hasClosures: org.hasClosures,
    source: pack.source.title,
    effectiveFrom: pack.effectiveFrom,
    emergencyHours: CODE_2024.emergencyHazardHours,
    significantDays: days(CODE_2024.significantHazardInvestigationWorkingDays),
  };
}
