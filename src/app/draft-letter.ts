import { randomUUID } from "node:crypto";
import { londonDateOf } from "../domain/calendar/day-number.ts";
import { draftLetterDocument } from "../domain/letters/draft-letter.ts";
import type { StageNumber } from "../domain/policy/code-2024.ts";
import type { LetterKind } from "../domain/policy/schema.ts";
import { insertDraftLetter } from "../store/letters.ts";
import { loadLetterCase, templateInUse } from "./letter-case.ts";
import type { AfterRecorded } from "./run-complaint-command.ts";
import type { Services } from "./services.ts";

/**
 * Drafts the letter a command calls for, in the command's own transaction: from the organisation's
 * template and the complaint as the command left it. It is only a draft: the handler reads it, edits it
 * and issues it (until then the resident has not been told, which the case page says). Keyed by the event
 * it was drafted for, so a command retried after a crash never drafts twice.
 */
export function draftLetter(services: Services, kind: LetterKind, stage: StageNumber): AfterRecorded {
  return async (tx, result, identity, actor) => {
    const now = services.clock();
    const eventSeq = result.state.version;
    const { template, origin, version } = await templateInUse(tx, identity.organisationId, kind);
    const { facts } = await loadLetterCase(
      tx,
      identity,
      { kind, stage, atSeq: eventSeq },
      londonDateOf(now),
      result.state,
    );
    await insertDraftLetter(tx, {
      organisationId: identity.organisationId,
      id: randomUUID(),
      complaintId: identity.id,
      kind,
      stage,
      eventSeq,
      templateOrigin: origin,
      templateVersion: version,
      document: draftLetterDocument(template, facts),
      draftedAt: now,
      draftedBy: actor,
    });
  };
}
