/**
 * What Redress itself enforces or keeps on every case, by the name a self-assessment row uses
 * (`redress:<name>`): evidence a landlord running Redress can point to. Each line says only what the software
 * does (see docs/architecture.md); whether the landlord's practice matches is still the officer's to judge.
 */
export const REDRESS_CONTROLS: Record<string, string> = {
  "offer-to-complain":
    "Every contact is recorded; where dissatisfaction is expressed the contact cannot be closed until the offer to complain and the resident's choice are recorded.",
  representatives:
    "A complaint can be made by a representative, recorded with how their authority was given, and runs through the same two stages.",
  contacts:
    "Service requests, feedback and compliments are recorded as contacts and listed by kind and status on the Contacts page.",
  "service-request-stays-open":
    "Raising a complaint about a service request leaves the service request open.",
  "two-stages":
    "Complaints run in exactly two stages; early resolution happens before a complaint is logged and is never a stage.",
  "refusal-reasons":
    "A refusal needs one of the policy pack's grounds and the reasons; nothing is refused automatically.",
  "age-discretion":
    "A complaint can be refused on age only past both the pack's limit and 12 months from the later of the issue and the resident becoming aware of it, with the discretion decision recorded.",
  adjustments:
    "Contact preferences, reasonable adjustments and vulnerabilities are recorded with the resident and shown first on every case page.",
  "anyone-logs": "Every staff role can log a complaint, from any channel.",
  "published-policy":
    "The resident portal shows the landlord's complaints policy page, built from its policy pack.",
  "complaints-team-role":
    "A complaints team role oversees every complaint: triage, refusals, allocation, every clock, and the messages sent.",
  "definition-first":
    "A complaint cannot be acknowledged until its definition (the issues and the outcomes sought) is recorded.",
  "deadline-alerts":
    "Handlers are warned before a deadline, and they and the complaints team are alerted when one is missed.",
  "late-escalation":
    "A request to escalate after the landlord's window is recorded and waits for a recorded decision; it is never refused automatically.",
  "full-record":
    "Every event is kept in an append-only log with who recorded it and when; letters, messages and attachments are kept with the case.",
  remedies:
    "Remedies can be recorded at either stage; a response upholding any part of a complaint needs a remedy.",
  "hazard-clocks":
    "Health-and-safety hazards found at intake open their own clocks in hours, beside the complaint's.",
  "extension-caps":
    "Extensions need reasons and must be recorded before the date they extend; beyond the Code's cap they need a recorded good reason, and the Code's limit never grows beyond the cap.",
  "follow-up-actions":
    "Remedies and follow-up actions are tracked with owners and dates after the response; a complaint cannot be closed until they are done.",
  "finding-per-issue": "A response needs a finding and a reason for every issue in the complaint definition.",
  "new-issues":
    "An issue raised later is folded into the open Stage 1 or logged as a new complaint, and recorded either way.",
  "no-reason-to-escalate": "Escalation never asks the resident for a reason.",
  "different-stage2-handler": "Redress refuses a Stage 2 handler who handled Stage 1 at any point.",
  "learning-required":
    "A complaint cannot be closed until its learning (or that there was none, and why) is recorded.",
  "executive-read-all":
    "Executives, and so the Member Responsible for Complaints, can read every complaint and report, and change nothing.",
};
