import { resolvePolicyPack } from "../../src/adapters/policy-files.ts";
import { acknowledgeComplaint } from "../../src/app/acknowledge-complaint.ts";
import { addOrganisation } from "../../src/app/add-organisation.ts";
import { assignHandler } from "../../src/app/assign-handler.ts";
import { closeComplaint } from "../../src/app/close-complaint.ts";
import { completeAction } from "../../src/app/complete-action.ts";
import { completeRemedy } from "../../src/app/complete-remedy.ts";
import { extendDeadline } from "../../src/app/extend-deadline.ts";
import { logComplaint } from "../../src/app/log-complaint.ts";
import { logContact } from "../../src/app/log-contact.ts";
import { raiseComplaintFromContact } from "../../src/app/raise-complaint-from-contact.ts";
import { recordHazardMadeSafe } from "../../src/app/record-hazard-made-safe.ts";
import { recordSurveyAnswer } from "../../src/app/record-survey-answer.ts";
import { refuseComplaint } from "../../src/app/refuse-complaint.ts";
import { requestEscalation } from "../../src/app/request-escalation.ts";
import { respondToComplaint } from "../../src/app/respond-to-complaint.ts";
import type { Services } from "../../src/app/services.ts";
import { withdrawComplaint } from "../../src/app/withdraw-complaint.ts";
import type { Outcome } from "../../src/domain/policy/schema.ts";
import { CONTACTS, YEAR, type Step } from "./synthetic-year.ts";

const ISSUES = [
  { id: "1", summary: "The repair" },
  { id: "2", summary: "How we kept you informed" },
];

function findings(outcome: Outcome) {
  const decision = (i: number) =>
    outcome === "upheld" || (outcome === "partially-upheld" && i === 0) ? "upheld" : "not-upheld";
  return ISSUES.map(
    (issue, i) => ({ issueId: issue.id, decision: decision(i), reason: "As the records show" }) as const,
  );
}

/** Builds the year for organisation `id` through the use cases; returns each reference's name (and each contact id's). */
export async function buildSyntheticYear(services: Services, id = "year"): Promise<Map<string, string>> {
  await addOrganisation(services, {
    id,
    name: "Synthetic year landlord",
    pack: { ...resolvePolicyPack("bvt"), riskFilter: resolvePolicyPack("bchg").riskFilter },
    homesLcra: 1000,
  });
  const names = new Map<string, string>();
  const actor = "officer@example.org";
  const definition = { issues: ISSUES, outcomesSought: ["Put it right"] };
  for (const c of YEAR) {
    const { reference } = await logComplaint(
      services,
      {
        organisationId: id,
        receivedOn: c.received,
        channel: c.channel,
        category: c.category,
        description: `Complaint ${c.name}`,
        resident: { name: `Resident ${c.name}` },
        definition,
        ...(c.hazard ? { hazard: { ...c.hazard, description: "Hazard found at intake" } } : {}),
      },
      actor,
    );
    names.set(reference, c.name);
    const at = { organisationId: id, reference };
    for (const step of c.steps) await runStep(services, at, step, actor);
  }
  for (const k of CONTACTS) {
    const { contactId } = await logContact(
      services,
      {
        organisationId: id,
        on: k.on,
        kind: k.kind,
        channel: "phone",
        summary: `Contact ${k.name}`,
        dissatisfactionExpressed: k.kind === "complaint",
        resident: { name: `Resident ${k.name}` },
      },
      actor,
    );
    names.set(contactId, k.name);
    if ("raise" in k) {
      const raised = await raiseComplaintFromContact(
        services,
        { organisationId: id, contactId, on: k.raise, category: "repairs", definition },
        actor,
      );
      names.set(raised.reference, "from-service-request");
    }
  }
  return names;
}

async function runStep(
  services: Services,
  at: { organisationId: string; reference: string },
  step: Step,
  actor: string,
): Promise<void> {
  if ("assign" in step)
    await assignHandler(
      services,
      { ...at, on: step.assign, stage: step.stage ?? 1, handler: step.handler },
      actor,
    );
  else if ("ack" in step)
    await acknowledgeComplaint(services, { ...at, on: step.ack, stage: step.stage ?? 1 }, actor);
  else if ("extend" in step)
    await extendDeadline(
      services,
      {
        ...at,
        on: step.extend,
        stage: 1,
        workingDays: step.days,
        reason: "Waiting for a survey",
        ...(step.goodReason ? { goodReason: step.goodReason } : {}),
      },
      actor,
    );
  else if ("respond" in step)
    await respondToComplaint(
      services,
      {
        ...at,
        on: step.respond,
        stage: step.stage ?? 1,
        findings: findings(step.outcome),
        outcome: step.outcome,
        remedies: step.remedies ?? [],
        actions: step.actions ?? [],
        learning: ["Keep residents told"],
      },
      actor,
    );
  else if ("escalate" in step) await requestEscalation(services, { ...at, on: step.escalate }, actor);
  else if ("refuse" in step)
    await refuseComplaint(
      services,
      { ...at, on: step.refuse, stage: step.stage, ground: step.ground, reason: "As explained" },
      actor,
    );
  else if ("withdraw" in step) await withdrawComplaint(services, { ...at, on: step.withdraw }, actor);
  else if ("remedyDone" in step)
    await completeRemedy(services, { ...at, on: step.remedyDone, remedyId: step.id }, actor);
  else if ("actionDone" in step)
    await completeAction(services, { ...at, on: step.actionDone, actionId: step.id }, actor);
  else if ("madeSafe" in step)
    await recordHazardMadeSafe(services, { ...at, on: step.madeSafe.slice(0, 10), at: step.madeSafe }, actor);
  else if ("close" in step) await closeComplaint(services, { ...at, on: step.close }, actor);
  else await recordSurveyAnswer(services, { ...at, on: step.survey, satisfaction: step.score }, actor);
}
