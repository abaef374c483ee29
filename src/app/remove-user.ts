import { checkStaffChange } from "../domain/access/staff-rules.ts";
import { deleteUser, lockStaffRoles, type UserSummary } from "../store/users.ts";
import type { Services } from "./services.ts";
import { requireStaffUser } from "./view-user.ts";

export interface RemoveUserInput {
  organisationId: string;
  userId: string;
  /** Who asks, when it is a signed-in user: nobody removes their own account. */
  actingUserId?: string;
}

/**
 * Removes a staff account: its sessions end at once and a linked organisation account is unlinked. The
 * complaints it worked on keep their history, which names handlers rather than pointing at accounts.
 * The organisation always keeps an administrator.
 */
export async function removeUser(services: Services, input: RemoveUserInput): Promise<UserSummary> {
  return services.db.transaction(async (tx) => {
    const user = await requireStaffUser(tx, input.organisationId, input.userId);
    const staff = await lockStaffRoles(tx, input.organisationId);
    checkStaffChange(staff, { kind: "remove", userId: input.userId }, input.actingUserId);
    await deleteUser(tx, input.organisationId, input.userId);
    return user;
  });
}
