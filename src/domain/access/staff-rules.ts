import type { UserRole } from "./roles.ts";

/** A change to the staff list that would leave the organisation unmanageable, with a stable code. */
export class StaffRuleError extends Error {
  constructor(
    readonly code: "LAST_ADMIN" | "OWN_ACCOUNT",
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "StaffRuleError";
  }
}

export type StaffChange =
  { kind: "remove"; userId: string } | { kind: "change-role"; userId: string; role: UserRole };

/**
 * Checks a change to the staff list. An administrator never removes themselves or changes their own role
 * (another administrator must, so nobody locks themselves out by mistake), and an organisation always keeps
 * at least one administrator. `staff` is every user's id and role as they are now; `actingUserId` is who
 * asks (absent for the command line or an API token).
 */
export function checkStaffChange(
  staff: readonly { id: string; role: UserRole }[],
  change: StaffChange,
  actingUserId?: string,
): void {
  const field = change.kind === "change-role" ? "role" : undefined;
  if (change.userId === actingUserId) {
    throw new StaffRuleError(
      "OWN_ACCOUNT",
      change.kind === "remove"
        ? "You cannot remove your own account. Ask another administrator to do it."
        : "You cannot change your own role. Ask another administrator to do it.",
      field,
    );
  }
  const target = staff.find((u) => u.id === change.userId);
  const losesAdmin = target?.role === "admin" && (change.kind === "remove" || change.role !== "admin");
  const admins = staff.filter((u) => u.role === "admin").length;
  if (losesAdmin && admins <= 1) {
    throw new StaffRuleError(
      "LAST_ADMIN",
      change.kind === "remove"
        ? "This is the organisation's last administrator. Make someone else an administrator before removing them."
        : "This is the organisation's last administrator. Make someone else an administrator before changing their role.",
      field,
    );
  }
}
