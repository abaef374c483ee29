import type { Queryable } from "../store/database.ts";
import { findUser, type UserSummary } from "../store/users.ts";
import type { Services } from "./services.ts";

/** No such user in this organisation: shown as a plain 404, whether or not the id exists elsewhere. */
export class UnknownUserError extends Error {
  readonly code = "UNKNOWN_USER";
  constructor() {
    super("There is no such user in this organisation.");
    this.name = "UnknownUserError";
  }
}

export async function requireStaffUser(
  tx: Queryable,
  organisationId: string,
  userId: string,
): Promise<UserSummary> {
  const user = await findUser(tx, organisationId, userId);
  if (!user) throw new UnknownUserError();
  return user;
}

/** One staff account of an organisation, with how it signs in. */
export async function viewUser(
  services: Services,
  organisationId: string,
  userId: string,
): Promise<UserSummary> {
  return requireStaffUser(services.db, organisationId, userId);
}
