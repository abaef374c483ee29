import type { LetterDocument } from "../domain/letters/letter-document.ts";
import type { Queryable } from "../store/database.ts";
import { acknowledgeComplaint } from "./acknowledge-complaint.ts";
import { closeComplaint } from "./close-complaint.ts";
import { completeAction } from "./complete-action.ts";
import { completeRemedy } from "./complete-remedy.ts";
import { logComplaint } from "./log-complaint.ts";
import { requestEscalation } from "./request-escalation.ts";
import { respondToComplaint } from "./respond-to-complaint.ts";
import type { Services } from "./services.ts";

/**
 * Builders for use-case tests: complaints taken through the real use cases to a given point, on one
 * timeline (received Monday 2 November 2026), with the clock well after it so every date is allowed.
 */
export const NOW = "2026-12-15T10:00:00Z";
export const ON = {
  received: "2026-11-02",
  acknowledged: "2026-11-03",
  responded: "2026-11-09",
  escalated: "2026-11-10",
  completed: "2026-11-11",
  closed: "2026-11-12",
} as const;

export type Milestone = "undefined" | "defined" | "acknowledged" | "responded" | "escalated" | "closed";
const ORDER: Milestone[] = ["undefined", "defined", "acknowledged", "responded", "escalated", "closed"];

/** A Stage 1 complaint about a leak, taken through the use cases up to `upTo`; returns its reference. */
export async function aComplaint(
  services: Services,
  organisationId: string,
  upTo: Milestone = "defined",
): Promise<string> {
  const reached = (m: Milestone) => ORDER.indexOf(upTo) >= ORDER.indexOf(m);
  const actor = "officer@example.org";
  const { reference } = await logComplaint(
    services,
    {
      organisationId,
      receivedOn: ON.received,
      channel: "email",
      description: "The kitchen leak is still not fixed",
      resident: { name: "Ms R Resident", email: "resident@example.org" },
      ...(reached("defined")
        ? { definition: { issues: [{ id: "leak", summary: "Leak not fixed" }], outcomesSought: ["Fix it"] } }
        : {}),
    },
    actor,
  );
  const at = { organisationId, reference };
  if (reached("acknowledged"))
    await acknowledgeComplaint(services, { ...at, on: ON.acknowledged, stage: 1 }, actor);
  if (reached("responded")) {
    await respondToComplaint(
      services,
      {
        ...at,
        on: ON.responded,
        stage: 1,
        findings: [{ issueId: "leak", decision: "upheld", reason: "The repair was booked late" }],
        outcome: "upheld",
        remedies: [{ id: "apology", type: "apology", description: "We apologise for the delay" }],
        actions: [{ id: "parts", description: "Stock parts", owner: "Repairs", dueOn: "2026-11-30" }],
        learning: ["Book the follow-up visit when a repair needs parts"],
      },
      actor,
    );
  }
  if (upTo === "escalated") await requestEscalation(services, { ...at, on: ON.escalated }, actor);
  if (upTo === "closed") {
    await completeRemedy(services, { ...at, on: ON.completed, remedyId: "apology" }, actor);
    await completeAction(services, { ...at, on: ON.completed, actionId: "parts" }, actor);
    await closeComplaint(services, { ...at, on: ON.closed }, actor);
  }
  return reference;
}

/** A complaint's letters (kind, stage, status, the document), oldest first. */
export async function lettersOf(
  db: Queryable,
  reference: string,
): Promise<
  { id: string; kind: string; stage: number; status: string; event_seq: number; document: LetterDocument }[]
> {
  const { rows } = await db.query(
    `SELECT l.id, l.kind, l.stage, l.status, l.event_seq, l.document FROM letters l
     JOIN complaints c ON c.organisation_id = l.organisation_id AND c.id = l.complaint_id
     WHERE c.reference = $1 ORDER BY l.event_seq, l.id`,
    [reference],
  );
  return rows as never;
}

/** The projection row of a complaint, without updated_at (it records when, not what). */
export async function projectionOf(db: Queryable, reference: string): Promise<Record<string, unknown>> {
  const { rows } = await db.query("SELECT * FROM complaints WHERE reference = $1", [reference]);
  const { updated_at: _updatedAt, ...row } = rows[0] ?? {};
  return row;
}

export async function eventTypesOf(db: Queryable, reference: string): Promise<string[]> {
  const { rows } = await db.query<{ type: string }>(
    `SELECT e.type FROM complaint_events e JOIN complaints c ON c.organisation_id = e.organisation_id AND c.id = e.complaint_id
     WHERE c.reference = $1 ORDER BY e.seq`,
    [reference],
  );
  return rows.map((r) => r.type);
}

export async function outboxOf(
  db: Queryable,
  reference: string,
): Promise<{ idempotency_key: string; kind: string; payload: Record<string, unknown> }[]> {
  const { rows } = await db.query(
    "SELECT idempotency_key, kind, payload FROM outbox WHERE payload->>'reference' = $1 ORDER BY id",
    [reference],
  );
  return rows as { idempotency_key: string; kind: string; payload: Record<string, unknown> }[];
}

/** Everything a command could write for an organisation: a failed command must leave it exactly as it was. */
export async function everythingWritten(db: Queryable, organisationId: string): Promise<unknown> {
  const read = async (sql: string) => (await db.query(sql, [organisationId])).rows;
  return {
    events: await read(
      "SELECT complaint_id, seq, type FROM complaint_events WHERE organisation_id = $1 ORDER BY 1, 2",
    ),
    complaints: await read(
      "SELECT reference, version, status, category, hazard, next_due FROM complaints WHERE organisation_id = $1 ORDER BY 1",
    ),
    outbox: await read("SELECT idempotency_key FROM outbox WHERE organisation_id = $1 ORDER BY 1"),
    letters: await read(
      "SELECT id, status, document, edited_at FROM letters WHERE organisation_id = $1 ORDER BY drafted_at, id",
    ),
    contacts: await read("SELECT id, version, status FROM contacts WHERE organisation_id = $1 ORDER BY 1"),
    residents: await read("SELECT count(*)::int AS n FROM residents WHERE organisation_id = $1"),
  };
}
