import type { PortalOrganisation } from "../../app/view-portal-organisation.ts";
import { CODE_2024 } from "../../domain/policy/code-2024.ts";
import {
  HAZARD_RISKS,
  type HazardRisk,
  type HazardSeverity,
} from "../../domain/complaint/hazard-screening.ts";

/**
 * What a resident should do now about each risk they reported, and what the landlord will do. The national
 * emergency numbers are facts; the landlord's own repairs line is named but not numbered, because neither the
 * policy pack nor the organisation's record holds one yet.
 */
export function hazardAdvice(org: Pick<PortalOrganisation, "name">, risk: HazardRisk): string {
  const repairs = `${org.name}'s emergency repairs line`;
  switch (risk) {
    case "gas":
      return (
        "If you can smell gas or think there may be carbon monoxide, call the National Gas Emergency Service " +
        "on 0800 111 999 now (free, day and night). Open doors and windows, do not use light switches or " +
        "flames, turn the gas off at the meter if you can, and leave the home. If anyone feels unwell, call 999."
      );
    case "electrics":
      return (
        `Keep away from the electrics and turn the power off at the fuse box if it is safe to. Call ${repairs} ` +
        "now. If there is a fire or anyone is hurt, call 999. For a power cut or damage to the supply, call 105."
      );
    case "security":
      return `Call ${repairs} now so your home can be made secure.`;
    case "immediate-danger":
      return `If anyone is in danger, call 999 now. Then call ${repairs}.`;
    case "water-coming-in":
      return (
        "If you can, turn the water off at the stopcock. If water is near electrics, keep away and turn the " +
        `power off at the fuse box if it is safe to. Call ${repairs} now if water is coming in fast.`
      );
    case "damp-mould":
      return (
        "Keep rooms aired and heated where you can. Do not try to remove large areas of mould yourself, " +
        "especially if anyone has breathing problems."
      );
  }
}

/** What the landlord must do about the hazard flagged, by law and by its own policy. */
export function hazardNextSteps(
  org: Pick<PortalOrganisation, "name" | "pack">,
  severity: HazardSeverity,
): string {
  // The landlord's own risk filter, where it is quicker than the law (BCHG: 48 hours, sooner than 10 working days).
  const hours = org.pack.riskFilter?.windowHours;
  const quicker = hours && (severity === "significant" || hours < CODE_2024.emergencyHazardHours);
  const own = quicker ? ` Its own policy is to assess the risk within ${hours} hours.` : "";
  return severity === "emergency"
    ? `We have marked your complaint as an emergency. ${org.name} must look into the risk within ` +
        `${CODE_2024.emergencyHazardHours} hours and make it safe, alongside your complaint.${own}`
    : `We have marked your complaint as a health and safety risk. ${org.name} must look into it within ` +
        `${CODE_2024.significantHazardInvestigationWorkingDays} working days, alongside your complaint.${own}`;
}

/** The reported risks that call for action now, with advice, most urgent first. */
export function adviceFor(org: Pick<PortalOrganisation, "name">, risks: readonly HazardRisk[]) {
  const order = Object.keys(HAZARD_RISKS) as HazardRisk[];
  return [...risks]
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((risk) => ({ risk, words: HAZARD_RISKS[risk].words, advice: hazardAdvice(org, risk) }));
}
