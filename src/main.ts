import { readFileSync } from "node:fs";
import { loadBundledPolicyPacks } from "./adapters/policy-files.ts";
import { englandAndWalesCalendar } from "./domain/calendar/england-and-wales.ts";
import { simulateComplaint, simulationInputSchema } from "./domain/complaint/simulate.ts";
import { lintPolicyPack } from "./domain/policy/lint.ts";
import { table } from "./cli/output.ts";

/**
 * `npm start`. Until the store and web layers land (see docs/architecture.md), Redress starts by showing
 * its domain core at work: every bundled policy pack checked against the Code, and one example complaint
 * replayed under each pack so the same history can be seen against each landlord's targets.
 */
const example = new URL("../examples/escalated-complaint.json", import.meta.url);
const history = simulationInputSchema.parse(JSON.parse(readFileSync(example, "utf8")));
const calendar = englandAndWalesCalendar();
const today = "2027-02-01";

const out = (s = "") => process.stdout.write(`${s}\n`);
out("Redress: complaints case management under the Housing Ombudsman's Complaint Handling Code 2024");
out();
out("Policy packs and how they stand against the Code (redress policy lint <id> for the details):");
const packs = loadBundledPolicyPacks();
const packRows = [["pack", "landlord", "errors", "warnings"]];
for (const pack of packs) {
  const findings = lintPolicyPack(pack);
  const count = (s: string) => String(findings.filter((f) => f.severity === s).length);
  packRows.push([pack.id, pack.landlord, count("error"), count("warning")]);
}
out(table(packRows));
out();
out(`One complaint (examples/escalated-complaint.json) under each pack, judged on ${today}:`);
const rows = [
  ["pack", "S1 ack due", "S1 response due / Code limit", "S2 response due", "status", "findings"],
];
for (const pack of packs) {
  const r = simulateComplaint(history, pack, calendar, today);
  const s1 = r.clocks["stage1.response"];
  rows.push([
    pack.id,
    r.clocks["stage1.acknowledgement"]?.due ?? "-",
    s1 ? `${s1.due} / ${s1.codeLimit ?? "-"}` : "-",
    r.clocks["stage2.response"]?.due ?? "-",
    `Stage ${r.stage} ${r.status}`,
    String(r.findings.length),
  ]);
}
out(table(rows));
out();
out(
  "Try: npm run redress -- simulate --policy bchg --input examples/escalated-complaint.json --today 2027-02-01",
);
out("     npm run redress -- calendar add 2026-12-24 5");
