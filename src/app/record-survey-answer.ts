import type { CommandOf } from "../domain/complaint/commands.ts";
import { runComplaintCommand, type CommandResult } from "./run-complaint-command.ts";
import type { Actor, Services } from "./services.ts";

export type RecordSurveyAnswerInput = { organisationId: string; reference: string } & Omit<
  CommandOf<"record-survey-answer">,
  "type"
>;

/** Records the resident's answer to the closing survey (satisfaction 1 to 5). */
export async function recordSurveyAnswer(
  services: Services,
  input: RecordSurveyAnswerInput,
  actor: Actor,
): Promise<CommandResult> {
  const { organisationId, reference, ...command } = input;
  return runComplaintCommand(services, {
    organisationId,
    reference,
    actor,
    command: { type: "record-survey-answer", ...command },
  });
}
