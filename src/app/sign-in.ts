import { randomBytes } from "node:crypto";
import { vouchedEmail, type IdentityClaims } from "../domain/access/organisation-account.ts";
import type { Queryable } from "../store/database.ts";
import type { SessionUser, StoredUser } from "../store/sessions.ts";
import {
  deleteSession,
  extendSession,
  findSessionUser,
  findUsersByEmail,
  insertSession,
} from "../store/sessions.ts";
import {
  findUserByIdentity,
  hasIdentityFrom,
  linkIdentity,
  recordIdentitySignIn,
  type ExternalIdentity,
} from "../store/user-identities.ts";
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
  return startSession(services.db, user, services.clock());
}

/** Why an organisation account could not be used to sign in; the words say what to do, and name no account. */
export class OrganisationAccountError extends Error {
  constructor(
    readonly code: "UNVERIFIED_EMAIL" | "NO_ACCOUNT" | "SEVERAL_ACCOUNTS" | "LINKED_TO_ANOTHER",
    message: string,
  ) {
    super(message);
    this.name = "OrganisationAccountError";
  }
}

const ASK_ADMIN = "Sign in with your email address and password, or ask your Redress administrator.";

/**
 * Signs in someone their organisation's OpenID provider has authenticated. An identity already linked
 * (issuer + subject) signs in to its account, whatever its email is now. Otherwise it is linked, once, to
 * the one staff account whose email the provider vouches for (`vouchedEmail`). Nothing here creates an
 * account or changes a role: an administrator adds the account first.
 */
export async function signInWithOrganisationAccount(
  services: Services,
  identity: ExternalIdentity & { claims: IdentityClaims },
): Promise<SessionUser> {
  const now = services.clock();
  return services.db.transaction(async (tx) => {
    const linked = await findUserByIdentity(tx, identity);
    if (linked) {
      await recordIdentitySignIn(tx, identity, now);
      return startSession(tx, linked, now);
    }
    const vouched = vouchedEmail(identity.claims, identity.issuer);
    if (!vouched.ok) {
      throw new OrganisationAccountError(
        "UNVERIFIED_EMAIL",
        `Your organisation account did not confirm your email address, so Redress cannot tell which account is yours. ${ASK_ADMIN}`,
      );
    }
    const [user, ...others] = await findUsersByEmail(tx, vouched.email);
    if (!user) {
      throw new OrganisationAccountError(
        "NO_ACCOUNT",
        "There is no Redress account for the email address of your organisation account. Ask your Redress administrator to add you.",
      );
    }
    if (others.length > 0) {
      throw new OrganisationAccountError(
        "SEVERAL_ACCOUNTS",
        `Your email address is used in more than one organisation, so Redress cannot tell which one to sign you in to. ${ASK_ADMIN}`,
      );
    }
    if (await hasIdentityFrom(tx, user, identity.issuer)) {
      throw new OrganisationAccountError(
        "LINKED_TO_ANOTHER",
        `The Redress account for your email address is already linked to a different organisation account. ${ASK_ADMIN}`,
      );
    }
    await linkIdentity(tx, user, { ...identity, email: vouched.email }, now);
    return startSession(tx, user, now);
  });
}

/** A new session for a user who has proved who they are, however they did it. */
async function startSession(tx: Queryable, user: StoredUser, now: Date): Promise<SessionUser> {
  const session = {
    id: randomBytes(32).toString("base64url"),
    organisationId: user.organisationId,
    userId: user.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MINUTES * 60_000),
  };
  await insertSession(tx, session);
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
