import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { policyPackSchema, type PolicyPack } from "./schema.ts";

/** A pack file that is not valid: every problem is listed with where it is in the file. */
export class InvalidPolicyPackError extends Error {
  readonly code = "INVALID_POLICY_PACK";
  constructor(
    readonly origin: string,
    readonly problems: readonly string[],
  ) {
    super(`The policy pack ${origin} is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "InvalidPolicyPackError";
  }
}

/** Parses a pack from YAML (or JSON, which is YAML) text. `origin` names the file in error messages. */
export function parsePolicyPack(text: string, origin: string): PolicyPack {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new InvalidPolicyPackError(origin, [`it cannot be read as YAML: ${(error as Error).message}`]);
  }
  const result = policyPackSchema.safeParse(data);
  if (!result.success) {
    throw new InvalidPolicyPackError(origin, describeIssues(result.error));
  }
  const numbers = result.data.stages.map((s) => s.number);
  if (numbers.some((n, i) => n !== i + 1)) {
    throw new InvalidPolicyPackError(origin, [
      `stages must be numbered 1, 2, ... in order (found ${numbers.join(", ")})`,
    ]);
  }
  return result.data;
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join(".") : "(the whole file)";
    return `${where}: ${issue.message}`;
  });
}
