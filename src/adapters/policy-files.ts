import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, resolve, dirname, basename } from "node:path";
import { fileURLToPath } from "node:url";
import { parsePolicyPack } from "../domain/policy/parse-pack.ts";
import type { PolicyPack } from "../domain/policy/schema.ts";

/** The folder holding the bundled packs (`policies/` at the root of the checkout or installed package). */
export const BUNDLED_POLICY_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../policies");

/** Reads and validates one pack file. */
export function loadPolicyPackFile(path: string): PolicyPack {
  return parsePolicyPack(readFileSync(path, "utf8"), basename(path));
}

/** Every bundled pack, in id order. */
export function loadBundledPolicyPacks(dir: string = BUNDLED_POLICY_DIR): PolicyPack[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => loadPolicyPackFile(join(dir, name)));
}

export class UnknownPolicyPackError extends Error {
  readonly code = "UNKNOWN_POLICY_PACK";
  constructor(
    readonly idOrFile: string,
    known: readonly string[],
  ) {
    super(
      `There is no policy pack "${idOrFile}". Bundled packs: ${known.join(", ")}; or give the path of a pack file.`,
    );
    this.name = "UnknownPolicyPackError";
  }
}

/** A bundled pack by id, or a pack file by path. */
export function resolvePolicyPack(idOrFile: string, dir: string = BUNDLED_POLICY_DIR): PolicyPack {
  const bundled = join(dir, `${idOrFile}.yaml`);
  if (/^[a-z0-9-]+$/.test(idOrFile) && existsSync(bundled)) return loadPolicyPackFile(bundled);
  if (existsSync(idOrFile)) return loadPolicyPackFile(idOrFile);
  const known = readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => name.slice(0, -".yaml".length))
    .sort();
  throw new UnknownPolicyPackError(idOrFile, known);
}
