import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { parseProvisions, type Provisions } from "../domain/governance/self-assessment-provisions.ts";

/** The Code self-assessment's rows, bundled with Redress (data/code-2024-self-assessment.yaml). */
export const SELF_ASSESSMENT_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../../data/code-2024-self-assessment.yaml",
);

let cached: Provisions | null = null;

/** The rows, read and checked once: the file ships with the code and does not change while it runs. */
export function selfAssessmentProvisions(): Provisions {
  cached ??= parseProvisions(parse(readFileSync(SELF_ASSESSMENT_FILE, "utf8")));
  return cached;
}
