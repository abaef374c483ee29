import { loadBundledPolicyPacks, resolvePolicyPack } from "../adapters/policy-files.ts";
import { hasErrors, lintPolicyPack, type LintFinding } from "../domain/policy/lint.ts";
import { table, type CliOutput } from "./output.ts";

export function policyList(io: CliOutput): number {
  const rows = [["id", "version", "landlord", "stages", "errors", "warnings"]];
  for (const pack of loadBundledPolicyPacks()) {
    const findings = lintPolicyPack(pack);
    const count = (s: LintFinding["severity"]) => String(findings.filter((f) => f.severity === s).length);
    rows.push([
      pack.id,
      pack.version,
      pack.landlord,
      String(pack.stages.length),
      count("error"),
      count("warning"),
    ]);
  }
  io.out(table(rows));
  return 0;
}

/** Exit code 1 when the pack has errors, so CI pipelines can gate a pack change on it. */
export function policyLint(io: CliOutput, idOrFile: string, options: { json?: boolean }): number {
  const pack = resolvePolicyPack(idOrFile);
  const findings = lintPolicyPack(pack);
  if (options.json) {
    io.out(JSON.stringify({ policy: pack.id, version: pack.version, findings }, null, 2));
  } else {
    io.out(`${pack.title} (${pack.id} ${pack.version})`);
    if (findings.length === 0) io.out("No findings: the pack meets every check against the Code.");
    for (const f of findings)
      io.out(`${f.severity.toUpperCase().padEnd(7)} Code ${f.code}  ${f.message}  [${f.path}]`);
    const errors = findings.filter((f) => f.severity === "error").length;
    io.out(`${errors} error(s), ${findings.filter((f) => f.severity === "warning").length} warning(s).`);
  }
  return hasErrors(findings) ? 1 : 0;
}
