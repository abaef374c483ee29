import { describe, it, expect } from "vitest";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { BUNDLED_POLICY_DIR, loadBundledPolicyPacks } from "../../adapters/policy-files.ts";
import { InvalidPolicyPackError, parsePolicyPack } from "./parse-pack.ts";
import type { Citation, PolicyPack } from "./schema.ts";

const SOURCES_DIR = join(BUNDLED_POLICY_DIR, "sources");
const CODE_DOCUMENT = "code-2024";

const packs = loadBundledPolicyPacks();

/** Collapses every run of whitespace to one space, so a quote may wrap differently from its document. */
function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Every `cite` in a pack, with where it sits (e.g. "stages.1.handler"). */
function citesIn(value: unknown, path: string[] = []): { where: string; cite: Citation }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => citesIn(item, [...path, String(i)]));
  if (value === null || typeof value !== "object") return [];
  const found: { where: string; cite: Citation }[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (key === "cite") found.push({ where: path.join(".") || "(top)", cite: child as Citation });
    else found.push(...citesIn(child, [...path, key]));
  }
  return found;
}

function landlordPacks(): PolicyPack[] {
  return packs.filter((pack) => pack.source.document !== CODE_DOCUMENT);
}

describe("the bundled policy packs", () => {
  it("are exactly the Code and the five landlord packs, all valid", () => {
    expect(packs.map((pack) => pack.id).sort()).toEqual(
      ["bchg", "bdht", "brighter-places", "bvt", "hos-code-2024", "putting-things-right"].sort(),
    );
  });

  it("each name a source document that is bundled in policies/sources", () => {
    for (const pack of landlordPacks()) {
      expect(existsSync(join(SOURCES_DIR, pack.source.document)), `${pack.id}: ${pack.source.document}`).toBe(
        true,
      );
    }
    expect(packs.find((pack) => pack.id === "hos-code-2024")?.source.document).toBe(CODE_DOCUMENT);
  });

  it("quote their source documents word for word", () => {
    const failures: string[] = [];
    let checked = 0;
    for (const pack of landlordPacks()) {
      const document = normalise(readFileSync(join(SOURCES_DIR, pack.source.document), "utf8"));
      for (const { where, cite } of citesIn(pack)) {
        if (cite.quote === undefined) continue;
        checked += 1;
        if (!document.includes(normalise(cite.quote))) {
          failures.push(`${pack.id} at ${where} (${cite.ref}): "${cite.quote}"`);
        }
      }
    }
    expect(failures, `quotes not found in their source documents:\n${failures.join("\n")}`).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it("cite the Code, not a quote, wherever a landlord pack has no words from its document", () => {
    const failures = landlordPacks().flatMap((pack) =>
      citesIn(pack)
        .filter(({ cite }) => cite.quote === undefined && !cite.ref.startsWith("Code "))
        .map(({ where, cite }) => `${pack.id} at ${where}: ref "${cite.ref}" has no quote`),
    );
    expect(failures, failures.join("\n")).toEqual([]);
  });

  it("cite Code paragraphs without quotes in the Code pack", () => {
    const code = packs.find((pack) => pack.id === "hos-code-2024");
    const quoted = citesIn(code).filter(({ cite }) => cite.quote !== undefined);
    expect(quoted.map(({ where }) => where)).toEqual([]);
  });

  it("record at least one assumption in every landlord pack", () => {
    for (const pack of landlordPacks()) {
      expect(pack.assumptions.length, pack.id).toBeGreaterThan(0);
    }
  });
});

describe("parsePolicyPack", () => {
  it("refuses a mangled pack and says where the problem is", () => {
    const data = parseYaml(readFileSync(join(BUNDLED_POLICY_DIR, "hos-code-2024.yaml"), "utf8"));
    data.stages[0].acknowledgement.workingDays = "five";

    let error: unknown;
    try {
      parsePolicyPack(stringifyYaml(data), "mangled.yaml");
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(InvalidPolicyPackError);
    const problems = (error as InvalidPolicyPackError).problems;
    expect(problems.some((problem) => problem.startsWith("stages.0.acknowledgement.workingDays"))).toBe(true);
    expect((error as InvalidPolicyPackError).origin).toBe("mangled.yaml");
  });
});
