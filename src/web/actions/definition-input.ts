import { z } from "zod";
import type { Issue } from "../../domain/complaint/events.ts";
import { lines, listInput, type FormValues } from "./action.ts";

/** The complaint definition (Code 5.6): the issues as the landlord understands them, and the outcomes wanted. */
export const definitionInput = z.object({
  issues: listInput("Enter each issue the resident raises, one per line"),
  outcomesSought: listInput("Enter the outcomes the resident wants, one per line"),
});

/** A form's definition textareas (`definitionIssues`, `definitionOutcomesSought`), when either is filled in. */
export function definitionFromForm(v: FormValues): unknown {
  const issues = lines(v.definitionIssues);
  const outcomes = lines(v.definitionOutcomesSought);
  return issues.length || outcomes.length ? { issues, outcomesSought: outcomes } : undefined;
}

/** The definition as the use cases take it: issues numbered 1, 2, 3 in the order given. */
export function definitionRecord(definition: z.output<typeof definitionInput>): {
  issues: Issue[];
  outcomesSought: string[];
} {
  return {
    issues: definition.issues.map((summary, i) => ({ id: String(i + 1), summary })),
    outcomesSought: definition.outcomesSought,
  };
}
