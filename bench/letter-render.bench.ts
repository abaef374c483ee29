/**
 * Letter rendering benchmark. Run: `npm run bench`, or with the heap check:
 * `node --expose-gc --import tsx bench/letter-render.bench.ts`. Results and goals: docs/performance.md.
 *
 * Measures letters rendered per second, one at a time, for the HTML, the plain text and the PDF
 * (standard and large print, a two-page Stage 1 response and a ten-page letter), both by the clock and
 * per second of CPU time the process used (on a machine shared with other work the clock also counts
 * time spent waiting for a core; CPU time does not), and the process's peak memory. Goals (exit code 1
 * if missed), judged on CPU time: at least 20 two-page PDFs and 500 HTML letters per CPU-second, and a
 * peak resident set under 300 MB.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { renderLetterHtml } from "../src/adapters/letter-render/html.ts";
import { renderLetterPdf } from "../src/adapters/letter-render/pdf.ts";
import { renderLetterText } from "../src/adapters/letter-render/text.ts";
import type { LetterDocument } from "../src/domain/letters/letter-document.ts";
import { aLongLetter, aStage1ResponseLetter } from "../test/support/letter-documents.ts";

const GOAL_PDF_PER_SECOND = 20;
const GOAL_HTML_PER_SECOND = 500;
const GOAL_PEAK_RSS_MB = 300;
const MIN_SECONDS = 2;
const WARM_UP = 20;

interface Case {
  name: string;
  letter: LetterDocument;
  render: (letter: LetterDocument) => unknown;
  goal?: number;
}

const stage1 = aStage1ResponseLetter();
const long = aLongLetter(30);
const cases: Case[] = [
  {
    name: "HTML, Stage 1 response",
    letter: stage1,
    render: (l) => renderLetterHtml(l, { largePrint: false }),
    goal: GOAL_HTML_PER_SECOND,
  },
  { name: "HTML, large print", letter: stage1, render: (l) => renderLetterHtml(l, { largePrint: true }) },
  { name: "plain text", letter: stage1, render: (l) => renderLetterText(l) },
  {
    name: "PDF, Stage 1 response (2 pages)",
    letter: stage1,
    render: (l) => renderLetterPdf(l, { largePrint: false }),
    goal: GOAL_PDF_PER_SECOND,
  },
  {
    name: "PDF, large print (4 pages)",
    letter: stage1,
    render: (l) => renderLetterPdf(l, { largePrint: true }),
  },
  {
    name: "PDF, long letter (10 pages, 30 sections)",
    letter: long,
    render: (l) => renderLetterPdf(l, { largePrint: false }),
  },
];

let peakHeap = 0;
function sampleHeap(): void {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}

/** Letters per second: render one after another until at least MIN_SECONDS have passed. */
async function measure(
  run: Case,
): Promise<{ perSecond: number; perCpuSecond: number; count: number; bytes: number }> {
  for (let i = 0; i < WARM_UP; i++) await run.render(run.letter); // fonts parsed, code optimised
  let count = 0;
  let bytes = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let elapsed = 0;
  do {
    const output = await run.render(run.letter);
    bytes = typeof output === "string" ? Buffer.byteLength(output) : (output as Buffer).length;
    count++;
    if (count % 10 === 0) sampleHeap();
    elapsed = (performance.now() - t0) / 1000;
  } while (elapsed < MIN_SECONDS);
  const cpu = process.cpuUsage(cpu0);
  return { perSecond: count / elapsed, perCpuSecond: count / ((cpu.user + cpu.system) / 1e6), count, bytes };
}

// Does rendering keep memory? Heap after 200 more PDFs, both measured after forced collections.
const gc = (globalThis as { gc?: () => void }).gc;
async function retainedAfter(renders: number): Promise<number | null> {
  if (!gc) return null;
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < renders; i++) await renderLetterPdf(stage1, { largePrint: false });
  gc();
  gc();
  return process.memoryUsage().heapUsed - before;
}

const startRssMb = process.memoryUsage().rss / 1024 / 1024;
const results = [];
for (const run of cases) results.push({ run, ...(await measure(run)) });
const retained = await retainedAfter(200);
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// ---- report -------------------------------------------------------------------------------------
const fmt = (n: number, digits = 0) => n.toLocaleString("en-GB", { maximumFractionDigits: digits });
const cpu = os.cpus()[0]?.model.trim() ?? "unknown";
let missed = false;
const lines = [
  `## Letter rendering (${new Date().toISOString().slice(0, 10)})`,
  "",
  `Node ${process.version}, ${cpu}, ${os.platform()} ${os.arch()}, load average ${os.loadavg()[0]?.toFixed(1)} on ` +
    `${os.availableParallelism()} CPUs at the end; one letter at a time, at least ${MIN_SECONDS} s each after ${WARM_UP} warm-up renders.`,
  "",
  "| what | letters per second (clock) | letters per CPU-second | CPU ms per letter | output size | goal (per CPU-second) | met |",
  "|---|---:|---:|---:|---:|---:|---|",
];
for (const { run, perSecond, perCpuSecond, bytes } of results) {
  const met = run.goal === undefined ? "" : perCpuSecond >= run.goal ? "yes" : "NO";
  if (met === "NO") missed = true;
  lines.push(
    `| ${run.name} | ${fmt(perSecond)} | ${fmt(perCpuSecond)} | ${fmt(1000 / perCpuSecond, 2)} | ${fmt(bytes / 1024, 1)} KB | ${run.goal === undefined ? "" : `≥ ${run.goal}`} | ${met} |`,
  );
}
const rssMet = peakRssMb <= GOAL_PEAK_RSS_MB;
if (!rssMet) missed = true;
lines.push(
  "",
  `Peak resident set (whole process, \`process.resourceUsage().maxRSS\`): ${fmt(peakRssMb, 1)} MB, of which ` +
    `${fmt(startRssMb, 1)} MB before the first letter (Node, tsx, the modules) (goal ≤ ${GOAL_PEAK_RSS_MB} MB: ` +
    `${rssMet ? "met" : "NOT met"}); peak heap sampled while rendering: ${fmt(peakHeap / 1024 / 1024, 1)} MB.`,
  retained === null
    ? "Retained-heap check skipped (run with `node --expose-gc --import tsx bench/letter-render.bench.ts`)."
    : `Heap retained after 200 more PDFs (after forced collections): ${fmt(retained / 1024, 1)} KB.`,
);
console.log(lines.join("\n"));

if (missed) {
  console.error("\nBenchmark goals not met.");
  process.exitCode = 1;
}
