import { randomBytes } from "node:crypto";
import type { SessionUser } from "../store/sessions.ts";
import {
  deleteSession,
  extendSession,
  findSessionUser,
  findUsersByEmail,
  insertSession,
} from "../store/sessions.ts";
import { verifyPassword } from "./add-user.ts";
import type { Services } from "./services.ts";

/** How long a session lasts without use. */
export const SESSION_IDLE_MINUTES = 120;

/** One message for every failure, so the sign-in page never says which emails exist. */
export class SignInError extends Error {
  readonly code = "SIGN_IN_FAILED";
  constructor() {
    super("The email address or password is not right.");
    this.name = "SignInError";
  }
}

export async function signIn(services: Services, email: string, password: string): Promise<SessionUser> {
  const candidates = await findUsersByEmail(services.db, email.trim());
  const matches = [];
  for (const user of candidates) {
    if (user.passwordHash && (await verifyPassword(password, user.passwordHash))) matches.push(user);
  }
  const user = matches[0];
  if (!user) throw new SignInError();
  const now = services.clock();
  const session = {
    id: randomBytes(32).toString("base64url"),
    organisationId: user.organisationId,
    userId: user.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MINUTES * 60_000),
  };
  await insertSession(services.db, session);
  return {
    sessionId: session.id,
    organisationId: user.organisationId,
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    expiresAt: session.expiresAt,
  };
}

/** The user of a live session, its expiry slid forward; null when it has expired or been signed out. */
export async function currentUser(services: Services, sessionId: string): Promise<SessionUser | null> {
  const now = services.clock();
  const user = await findSessionUser(services.db, sessionId, now);
  if (!user) return null;
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MINUTES * 60_000);
  await extendSession(services.db, sessionId, expiresAt);
  return { ...user, expiresAt };
}

export async function signOut(services: Services, sessionId: string): Promise<void> {
  await deleteSession(services.db, sessionId);
}
