import { createApiToken } from "../app/create-api-token.ts";
import { listApiTokensOf } from "../app/list-api-tokens.ts";
import { revokeApiTokenOf } from "../app/revoke-api-token.ts";
import { USER_ROLES, type UserRole } from "../domain/access/roles.ts";
import { table, UsageError, type CliOutput } from "./output.ts";
import { withServices } from "./store-commands.ts";

/** `redress token create`: prints the token once (only its hash is kept). */
export async function tokenCreateCommand(
  io: CliOutput,
  options: { org: string; role: string; name?: string },
): Promise<number> {
  if (!(USER_ROLES as readonly string[]).includes(options.role)) {
    throw new UsageError(`--role "${options.role}" is not a role; use one of ${USER_ROLES.join(", ")}.`);
  }
  const created = await withServices(io, (services) =>
    createApiToken(services, {
      organisationId: options.org,
      role: options.role as UserRole,
      ...(options.name ? { name: options.name } : {}),
    }),
  );
  io.err(`Created API token ${created.id} "${created.name}" (${options.role}) for ${options.org}.`);
  io.err(
    "Keep it secret: it is shown once and cannot be shown again. Send it as: Authorization: Bearer <token>",
  );
  io.out(created.token);
  return 0;
}

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "-");

export async function tokenListCommand(io: CliOutput, options: { org: string }): Promise<number> {
  const tokens = await withServices(io, (services) => listApiTokensOf(services, options.org));
  if (tokens.length === 0) {
    io.out("No API tokens.");
    return 0;
  }
  io.out(
    table([
      ["id", "name", "role", "created", "last used", "revoked"],
      ...tokens.map((t) => [t.id, t.name, t.role, when(t.createdAt), when(t.lastUsedAt), when(t.revokedAt)]),
    ]),
  );
  return 0;
}

export async function tokenRevokeCommand(
  io: CliOutput,
  id: string,
  options: { org: string },
): Promise<number> {
  await withServices(io, (services) => revokeApiTokenOf(services, options.org, id));
  io.out(`Revoked API token ${id}: it no longer works.`);
  return 0;
}
