import { listUsers, type UserSummary } from "../store/users.ts";
import type { Services } from "./services.ts";

/** An organisation's staff accounts, by name, with each one's role and how they sign in. */
export async function viewUsers(services: Services, organisationId: string): Promise<UserSummary[]> {
  return listUsers(services.db, organisationId);
}
