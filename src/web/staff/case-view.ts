import type { ComplaintPage } from "../../app/view-complaint.ts";
import { can, handlePermission } from "../../domain/access/permissions.ts";
import type { UserRole } from "../../domain/access/roles.ts";
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from "../../domain/attachments/attachment-rules.ts";
import { foldComplaint } from "../../domain/complaint/state.ts";
import { LETTER_KIND_TITLES } from "../../domain/letters/letter-layouts.ts";
import { COMPLAINT_ACTIONS } from "../actions/index.ts";
import { portalCaseView } from "./portal-case-view.ts";

/** A dated note on a resident's record (an adjustment or a vulnerability), however it was stored. */
function notes(items: unknown[] | undefined, key: string): { text: string; recordedOn?: string }[] {
  return (items ?? []).map((item) => {
    if (typeof item === "string") return { text: item };
    const record = item as Record<string, unknown>;
    const text = record[key] ?? record.text ?? record.description ?? JSON.stringify(item);
    return {
      text: String(text),
      ...(typeof record.recordedOn === "string" ? { recordedOn: record.recordedOn } : {}),
    };
  });
}

/** Contact preferences as sentences a handler reads at a glance (Code 5.10: always visible). */
function preferences(prefs: Record<string, unknown> | undefined): string[] {
  const out: string[] = [];
  if (!prefs) return out;
  if (prefs.noPhoneCalls) out.push("No phone calls");
  if (prefs.letters === "large-print") out.push("Letters in large print");
  else if (prefs.letters === "post") out.push("Letters by post");
  else if (prefs.letters === "email") out.push("Letters by email");
  if (typeof prefs.language === "string" && prefs.language) out.push(`Language: ${prefs.language}`);
  return out;
}

/**
 * What the case page offers: the forms that make sense in the complaint's state and that the user's role
 * may use. It only chooses what to show; the domain still decides every command on its merits.
 */
export function caseView(page: ComplaintPage, role: UserRole) {
  const c = page.complaint;
  const state = foldComplaint(c.events);
  const stage = state.stage;
  const record = state.stages[stage];
  const status = state.status;
  const running = !["closed", "refused", "withdrawn"].includes(status);
  const permitted = (name: string) => {
    const action = COMPLAINT_ACTIONS[name];
    return Boolean(action && can(role, action.permission(page)));
  };
  const lateEscalationPending =
    stage === 2 && !state.lateEscalationAcceptedOn && c.findings.some((f) => f.rule === "late-escalation");
  const offered: Record<string, boolean> = {
    triage: running,
    "assign-handler": running,
    define: running && (status === "awaiting-acknowledgement" || status === "investigating"),
    acknowledge: status === "awaiting-acknowledgement" && !lateEscalationPending,
    "accept-late-escalation": running && lateEscalationPending,
    refuse: running && !record?.respondedOn,
    "add-issue": running,
    extend: status === "investigating",
    respond: status === "investigating",
    // A complaint closed after Stage 1 can still be escalated (it runs again); Stage 2 is final (Code 5.3).
    escalate:
      stage === 1 && Boolean(state.stages[1].respondedOn) && (status === "responded" || status === "closed"),
    withdraw: running,
    close: status === "responded",
    "hazard-made-safe": state.hazards.some((h) => !h.madeSafeAt),
    "refer-to-ombudsman": !state.ombudsmanReferredOn,
    "record-survey-answer": status === "closed" && !state.survey,
  };
  const can_ = Object.fromEntries(
    Object.entries(offered).map(([name, shown]) => [name, shown && permitted(name)]),
  );
  const use = stage === 1 ? "acceptance" : "escalation";
  return {
    state,
    stage,
    running,
    offered: can_,
    anyOffered: Object.values(can_).some(Boolean),
    canCompleteFollowUps: can(role, handlePermission(stage)),
    canAttach: can(role, "log-complaint"),
    attachmentTypes: ATTACHMENT_TYPES,
    maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
    grounds: page.pack.exclusions.filter((e) => e.appliesTo.includes(use)),
    stageName: page.pack.stages[stage - 1]?.name ?? `Stage ${stage}`,
    preferences: preferences(page.resident?.contactPreferences),
    adjustments: notes(page.resident?.adjustments, "adjustment"),
    vulnerabilities: notes(page.resident?.vulnerabilities, "vulnerability"),
    // The staff who may handle the current stage, for the "assign" form.
    assignable: page.staff.filter((u) => can(u.role, handlePermission(stage))),
    ...portalCaseView(page, role),
    // Drafts first: a letter not issued means the resident has not been told.
    draftLetters: page.letters.filter((l) => l.status === "draft"),
    issuedLetters: page.letters.filter((l) => l.status === "issued"),
    letterTitles: LETTER_KIND_TITLES,
    // Each event with who recorded it and when (the audit trail).
    timeline: c.events.map((event, i) => ({ event, record: page.records[i] })),
  };
}
