import { randomBytes, randomUUID, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { insertUser, type UserRole } from "../store/users.ts";
import { requireOrganisation } from "./complaint-context.ts";
import type { Services } from "./services.ts";

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
) => Promise<Buffer>;

/** scrypt with a random salt, stored as "scrypt$<salt>$<hash>" (base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, 64);
  return `scrypt$${salt.toString("base64")}$${hash.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await scrypt(password, Buffer.from(salt, "base64"), expected.length);
  return timingSafeEqual(actual, expected);
}

export interface AddUserInput {
  organisationId: string;
  email: string;
  name: string;
  role: UserRole;
  /** Omit to generate one; it is returned once and only its hash is kept. */
  password?: string;
}

export async function addUser(
  services: Services,
  input: AddUserInput,
): Promise<{ id: string; password: string }> {
  const password = input.password ?? randomBytes(12).toString("base64url");
  if (password.length < 10) throw new Error("A password must be at least 10 characters long.");
  const id = randomUUID();
  const passwordHash = await hashPassword(password);
  await services.db.transaction(async (tx) => {
    await requireOrganisation(tx, input.organisationId);
    await insertUser(tx, {
      organisationId: input.organisationId,
      id,
      email: input.email.toLowerCase(),
      name: input.name,
      role: input.role,
      passwordHash,
    });
  });
  return { id, password };
}
