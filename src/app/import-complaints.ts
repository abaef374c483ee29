import { z } from "zod";
import type { ComplaintCommand } from "../domain/complaint/commands.ts";
import { ComplaintRuleError } from "../domain/complaint/errors.ts";
import {
  actionSchema,
  complaintEventSchema,
  issueSchema,
  localDateSchema,
  remedySchema,
} from "../domain/complaint/events.ts";
import { channelSchema } from "../domain/policy/schema.ts";
import { findComplaintIdentity } from "../store/complaints.ts";
import { logComplaintInTransaction } from "./log-complaint.ts";
import { recordDecision } from "./run-complaint-command.ts";
import type { Services } from "./services.ts";
import { loadComplaintEvents } from "../store/complaint-events.ts";

/**
 * One complaint from a previous system per line: who complained, how, about what, and its history in the
 * `redress simulate` event format with past dates. Every event is replayed through the same commands as a
 * live case, so every rule and clock applies; a line that breaks a rule is refused whole, with the reason.
 */
export const importLineSchema = z
  .object({
    externalRef: z.string().trim().min(1),
    resident: z
      .object({
        name: z.string().trim().min(1),
        email: z.string().email().optional(),
        phone: z.string().optional(),
        address: z.string().optional(),
        postcode: z.string().optional(),
      })
      .strict(),
    representative: z
      .object({
        name: z.string().trim().min(1),
        relationship: z.string().optional(),
        authority: z.string().trim().min(1),
      })
      .strict()
      .optional(),
    channel: channelSchema,
    category: z.string().trim().min(1).optional(),
    /** The stock the home is in (TSM CH01): low cost rental (the default) or low cost home ownership. */
    tenure: z.enum(["lcra", "lcho"]).optional(),
    description: z.string().trim().min(1),
    issueOn: localDateSchema.optional(),
    awareOn: localDateSchema.optional(),
    /** The complaint definition; without it, the description is taken as the one issue (and said so). */
    issues: z.array(issueSchema).min(1).optional(),
    outcomesSought: z.array(z.string().trim().min(1)).min(1).optional(),
    events: z.array(complaintEventSchema).min(1),
  })
  .strict();
export type ImportLine = z.infer<typeof importLineSchema>;

export type ImportOutcome =
  | { line: number; status: "imported"; externalRef: string; reference: string }
  | { line: number; status: "skipped"; externalRef: string; reference: string }
  | { line: number; status: "refused"; reason: string };

const NOT_RECORDED = "Not recorded in the previous system";

/** Imports the lines one by one, each in its own transaction; returns what happened to each line. */
export async function importComplaints(
  services: Services,
  organisationId: string,
  lines: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const [index, text] of lines.entries()) {
    const line = index + 1;
    if (text.trim() === "") continue;
    outcomes.push(await importLine(services, organisationId, line, text));
    onProgress?.(line, lines.length);
  }
  return outcomes;
}

async function importLine(
  services: Services,
  organisationId: string,
  line: number,
  text: string,
): Promise<ImportOutcome> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { line, status: "refused", reason: "the line is not valid JSON" };
  }
  const parsed = importLineSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { line, status: "refused", reason: `${first?.path.join(".") || "line"}: ${first?.message}` };
  }
  const input = parsed.data;
  try {
    return await services.db.transaction(async (tx) => {
      const existing = await findComplaintIdentity(tx, organisationId, input.externalRef);
      if (existing)
        return {
          line,
          status: "skipped" as const,
          externalRef: input.externalRef,
          reference: existing.reference,
        };
      const [received, ...rest] = input.events;
      if (received?.type !== "received") throw new ImportRefusal('the first event must be "received"');
      const logged = await logComplaintInTransaction(
        tx,
        services,
        {
          organisationId,
          externalRef: input.externalRef,
          receivedOn: received.on,
          ...(received.loggedOn ? { loggedOn: received.loggedOn } : {}),
          channel: input.channel,
          ...(input.category ? { category: input.category } : {}),
          ...(input.tenure ? { tenure: input.tenure } : {}),
          description: input.description,
          ...(input.issueOn ? { issueOn: input.issueOn } : {}),
          ...(input.awareOn ? { awareOn: input.awareOn } : {}),
          resident: input.resident,
          ...(input.representative ? { representative: input.representative } : {}),
          definition: {
            issues: input.issues ?? [{ id: "1", summary: input.description }],
            outcomesSought: input.outcomesSought ?? [NOT_RECORDED],
          },
        },
        "import",
      );
      const identity = await findComplaintIdentity(tx, organisationId, logged.reference);
      if (!identity) throw new Error(`Complaint ${logged.reference} vanished during import.`);
      for (const event of rest) {
        const history = await loadComplaintEvents(tx, organisationId, identity.id);
        const command = commandFor(event, history);
        await recordDecision(tx, services, identity, history, command, "import");
      }
      return {
        line,
        status: "imported" as const,
        externalRef: input.externalRef,
        reference: logged.reference,
      };
    });
  } catch (error) {
    if (error instanceof ImportRefusal || error instanceof ComplaintRuleError) {
      return { line, status: "refused", reason: error.message };
    }
    throw error;
  }
}

class ImportRefusal extends Error {}

type ImportedEvent = z.infer<typeof complaintEventSchema>;

/** The command that records an imported event, so the same rules apply as to a live case. */
function commandFor(event: ImportedEvent, history: readonly ImportedEvent[]): ComplaintCommand {
  switch (event.type) {
    case "acknowledged":
      return { type: "acknowledge", on: event.on, stage: event.stage };
    case "extended":
      return {
        type: "extend",
        on: event.on,
        stage: event.stage,
        workingDays: event.workingDays,
        reason: event.reason,
        ...(event.goodReason ? { goodReason: event.goodReason } : {}),
      };
    case "responded": {
      const issues = history.flatMap((e) =>
        e.type === "defined" && e.stage === event.stage ? e.issues : [],
      );
      if (!event.outcome && !event.findings) {
        throw new ImportRefusal(`"responded" on ${event.on} needs an outcome or findings for each issue`);
      }
      const decision =
        event.outcome === "upheld" || event.outcome === "partially-upheld" ? "upheld" : "not-upheld";
      const findings =
        event.findings ??
        issues.map(
          (i) =>
            ({
              issueId: i.id,
              decision,
              reason: `Recorded in the previous system as ${event.outcome}`,
            }) as const,
        );
      return {
        type: "respond",
        on: event.on,
        stage: event.stage,
        findings,
        outcome: event.outcome ?? (findings.some((f) => f.decision === "upheld") ? "upheld" : "not-upheld"),
        remedies: z.array(remedySchema).parse(event.remedies ?? []),
        actions: z.array(actionSchema).parse(event.actions ?? []),
        learning: event.learning ?? [],
      };
    }
    case "escalation-requested":
      return {
        type: "request-escalation",
        on: event.on,
        ...(event.whatIsStillWrong ? { whatIsStillWrong: event.whatIsStillWrong } : {}),
      };
    case "withdrawn":
      return { type: "withdraw", on: event.on, ...(event.reason ? { reason: event.reason } : {}) };
    case "closed":
      return { type: "close", on: event.on };
    case "defined":
      return {
        type: "define",
        on: event.on,
        stage: event.stage,
        issues: event.issues,
        outcomesSought: event.outcomesSought,
      };
    case "handler-assigned":
      return { type: "assign-handler", on: event.on, stage: event.stage, handler: event.handler };
    case "refused":
      return {
        type: "refuse",
        on: event.on,
        stage: event.stage,
        ground: event.ground,
        reason: event.reason,
        ...(event.discretionConsidered ? { discretionConsidered: event.discretionConsidered } : {}),
      };
    case "late-escalation-accepted":
      return { type: "accept-late-escalation", on: event.on, reason: event.reason };
    case "remedy-completed":
      return { type: "complete-remedy", on: event.on, remedyId: event.remedyId };
    case "action-completed":
      return { type: "complete-action", on: event.on, actionId: event.actionId };
    case "ombudsman-referred":
      return {
        type: "record-ombudsman-referral",
        on: event.on,
        ...(event.reference ? { reference: event.reference } : {}),
      };
    case "survey-answered":
      return { type: "record-survey-answer", on: event.on, satisfaction: event.satisfaction };
    case "hazard-flagged":
      return {
        type: "flag-hazard",
        on: event.on,
        at: event.at,
        severity: event.severity,
        description: event.description,
      };
    case "hazard-made-safe":
      return { type: "record-hazard-made-safe", on: event.on, at: event.at };
    case "issue-added":
    case "received":
      throw new ImportRefusal(`"${event.type}" cannot be imported after the first event`);
  }
}
