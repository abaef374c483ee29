import { checkStaffChange } from "../domain/access/staff-rules.ts";
import type { UserRole } from "../domain/access/roles.ts";
import { lockStaffRoles, updateUserRole } from "../store/users.ts";
import type { Services } from "./services.ts";
import { requireStaffUser } from "./view-user.ts";

export interface ChangeUserRoleInput {
  organisationId: string;
  userId: string;
  role: UserRole;
  /** Who asks, when it is a signed-in user: nobody changes their own role. */
  actingUserId?: string;
}

/**
 * Gives a user another role. It applies at once, even to a session already open, because every request
 * reads the role afresh. The organisation always keeps an administrator.
 */
export async function changeUserRole(services: Services, input: ChangeUserRoleInput): Promise<void> {
  await services.db.transaction(async (tx) => {
    await requireStaffUser(tx, input.organisationId, input.userId);
    const staff = await lockStaffRoles(tx, input.organisationId);
    checkStaffChange(
      staff,
      { kind: "change-role", userId: input.userId, role: input.role },
      input.actingUserId,
    );
    await updateUserRole(tx, input.organisationId, input.userId, input.role);
  });
}
