import type { UserRole } from "./roles.ts";

/**
 * Who may do what. Executives and the Member Responsible for Complaints read everything and change
 * nothing (Code 9.6); every staff member can log a complaint (Code 3.2: residents may complain to anyone).
 */
export type Permission =
  | "read"
  | "log-complaint"
  | "handle-stage1"
  | "handle-stage2"
  | "triage"
  | "refuse"
  | "administer"
  /** The sent mail page: every message sent to residents and staff, dead letters, the print queue. */
  | "oversee-messages"
  /** Governance pages: the learning log, Ombudsman findings, the self-assessment, the annual report (Code 8, 9). */
  | "read-governance"
  /** Recording lesson actions, "you said, we did" drafts, Ombudsman findings and the self-assessment. */
  | "record-governance"
  /** Approving "you said, we did" for publication, issuing the annual report and recording governing body decisions. */
  | "approve-governance";

const GRANTS: Record<UserRole, readonly Permission[]> = {
  agent: ["read", "log-complaint"],
  handler: ["read", "log-complaint", "handle-stage1"],
  reviewer: ["read", "log-complaint", "handle-stage2"],
  "complaints-team": [
    "read",
    "log-complaint",
    "handle-stage1",
    "handle-stage2",
    "triage",
    "refuse",
    "oversee-messages",
    "read-governance",
    "record-governance",
    "approve-governance",
  ],
  // Executives, and so the Member Responsible for Complaints, read every report and case (Code 9.6).
  executive: ["read", "read-governance"],
  admin: [
    "read",
    "log-complaint",
    "handle-stage1",
    "handle-stage2",
    "triage",
    "refuse",
    "administer",
    "oversee-messages",
    "read-governance",
    "record-governance",
    "approve-governance",
  ],
};

export function can(role: UserRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** The permission a complaint action needs at a stage. */
export function handlePermission(stage: 1 | 2): Permission {
  return stage === 1 ? "handle-stage1" : "handle-stage2";
}
