import { deadLetters, outboxStatus, requeueMessage } from "../app/manage-outbox.ts";
import { table, UsageError, type CliOutput } from "./output.ts";
import { withServices } from "./store-commands.ts";

export async function outboxStatusCommand(io: CliOutput): Promise<number> {
  const counts = await withServices(io, outboxStatus);
  if (counts.length === 0) io.out("Every message has been delivered.");
  else
    io.out(
      table([
        ["organisation", "pending", "retrying", "dead"],
        ...counts.map((c) => [c.organisationId, String(c.pending), String(c.retrying), String(c.dead)]),
      ]),
    );
  return 0;
}

export async function outboxDeadCommand(io: CliOutput, options: { org: string }): Promise<number> {
  const dead = await withServices(io, (services) => deadLetters(services, options.org));
  if (dead.length === 0) io.out("No dead letters.");
  for (const d of dead)
    io.out(
      `${d.id}  ${d.kind}  ${d.idempotencyKey}  attempts ${d.attempts}  last error: ${d.lastError ?? "-"}`,
    );
  return 0;
}

export async function outboxRequeueCommand(
  io: CliOutput,
  id: string,
  options: { org: string },
): Promise<number> {
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`"${id}" is not a message number.`);
  await withServices(io, (services) => requeueMessage(services, options.org, n));
  io.out(`Message ${n} will be sent again.`);
  return 0;
}
