/**
 * Working-day arithmetic benchmark. Run: `npm run bench`, or with the heap check:
 * `node --expose-gc --import tsx bench/calendar.bench.ts`. Results and goals: docs/performance.md.
 *
 * Goals (exit code 1 if missed): at least 5,000,000 WorkingCalendar.addWorkingDays calls per second on
 * one core, and at least 20 times the speed of a naive loop that steps a Date one day at a time.
 */
import os from "node:os";
import { PerformanceObserver, performance } from "node:perf_hooks";
import {
  bundledBankHolidays,
  englandAndWalesBankHolidays,
  englandAndWalesCalendar,
  toDayNumber,
} from "../src/domain/calendar/index.ts";

const GOAL_OPS_PER_SECOND = 5_000_000;
const GOAL_SPEED_UP = 20;
const MIN_SECONDS = 2;
const PAIRS = 1 << 16; // a power of two, so the loops can wrap with a mask
const MS_PER_DAY = 86_400_000;

// ---- inputs: a fixed pseudo-random set of (start, n), starts 2024–2030, n in 1..40 ----------------
let seed = 0x5eed_2026;
function nextRandom(): number {
  // Numerical Recipes LCG, 32 bits.
  seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
  return seed;
}
const firstStart = toDayNumber("2024-01-01");
const lastStart = toDayNumber("2030-12-31");
const starts = new Int32Array(PAIRS);
const counts = new Int32Array(PAIRS);
for (let i = 0; i < PAIRS; i++) {
  starts[i] = firstStart + (nextRandom() % (lastStart - firstStart + 1));
  counts[i] = 1 + (nextRandom() % 40);
}

// ---- the two implementations --------------------------------------------------------------------
const calendar = englandAndWalesCalendar();

const source = englandAndWalesBankHolidays({ snapshot: bundledBankHolidays });
const holidaySet = new Set<string>();
for (let year = 2023; year <= 2032; year++) for (const h of source(year)) holidaySet.add(h.date);

/** The naive way: step a Date a day at a time, skipping weekends and holidays by their ISO text. */
function naiveAddWorkingDays(startMs: number, n: number): number {
  const d = new Date(startMs);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    if (holidaySet.has(d.toISOString().slice(0, 10))) continue;
    left--;
  }
  return d.getTime();
}

/** `iterations` additions over the pairs, starting at pair `from` and wrapping round. */
function runCalendar(iterations: number, from = 0): number {
  let checksum = 0;
  for (let i = from; i < from + iterations; i++) {
    const j = i & (PAIRS - 1);
    checksum = (checksum + calendar.addWorkingDays(starts[j] as number, counts[j] as number)) | 0;
  }
  return checksum;
}

function runNaive(iterations: number, from = 0): number {
  let checksum = 0;
  for (let i = from; i < from + iterations; i++) {
    const j = i & (PAIRS - 1);
    const ms = naiveAddWorkingDays((starts[j] as number) * MS_PER_DAY, counts[j] as number);
    checksum = (checksum + ms / MS_PER_DAY) | 0;
  }
  return checksum;
}

/** Operations per second: repeat batches until at least MIN_SECONDS have passed. */
function measure(
  run: (iterations: number, from: number) => number,
  batch: number,
): { opsPerSecond: number; checksum: number } {
  let ops = 0;
  let checksum = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    checksum = (checksum + run(batch, ops & (PAIRS - 1))) | 0;
    ops += batch;
    elapsed = (performance.now() - t0) / 1000;
  } while (elapsed < MIN_SECONDS);
  return { opsPerSecond: ops / elapsed, checksum };
}

// ---- same answers on a sample -------------------------------------------------------------------
let mismatches = 0;
for (let j = 0; j < 10_000; j++) {
  const start = starts[j] as number;
  const n = counts[j] as number;
  const fast = calendar.addWorkingDays(start, n);
  const naive = naiveAddWorkingDays(start * MS_PER_DAY, n) / MS_PER_DAY;
  if (fast !== naive) mismatches++;
}

// ---- warm-up, then measure ----------------------------------------------------------------------
for (let r = 0; r < 20; r++) runCalendar(PAIRS);
for (let r = 0; r < 3; r++) runNaive(PAIRS / 4);

const fast = measure(runCalendar, PAIRS * 16);
const naive = measure(runNaive, PAIRS / 4);
const speedUp = fast.opsPerSecond / naive.opsPerSecond;

// ---- heap: does the hot path allocate? ----------------------------------------------------------
// heapUsed after minus before is what a loop allocated only if no garbage collection ran in between
// (a scavenge would free the garbage and hide it), so garbage collections are counted too.
const gc = (globalThis as { gc?: () => void }).gc;
let gcEvents = 0;
const gcObserver = new PerformanceObserver((list) => {
  gcEvents += list.getEntries().length;
});
gcObserver.observe({ entryTypes: ["gc"] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

interface HeapGrowth {
  bytes: number;
  collections: number;
}
async function heapGrowth(
  run: (iterations: number) => number,
  iterations: number,
): Promise<HeapGrowth | null> {
  if (!gc) return null;
  gc();
  gc();
  await settle();
  const collectionsBefore = gcEvents;
  const before = process.memoryUsage().heapUsed;
  run(iterations);
  const after = process.memoryUsage().heapUsed;
  await settle();
  return { bytes: after - before, collections: gcEvents - collectionsBefore };
}
const fastHeap = await heapGrowth(runCalendar, 1_000_000);
const naiveHeap = await heapGrowth(runNaive, 100_000);
gcObserver.disconnect();

// ---- report -------------------------------------------------------------------------------------
const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");
const cpu = os.cpus()[0]?.model.trim() ?? "unknown";
const passedOps = fast.opsPerSecond >= GOAL_OPS_PER_SECOND;
const passedRatio = speedUp >= GOAL_SPEED_UP;

const lines = [
  `## Working-day additions (${new Date().toISOString().slice(0, 10)})`,
  "",
  `Node ${process.version}, ${cpu}, ${os.platform()} ${os.arch()}; ${PAIRS.toLocaleString("en-GB")} fixed pairs, ` +
    `starts 2024–2030, n 1..40; at least ${MIN_SECONDS} s each after warm-up.`,
  "",
  "| what | additions per second | goal | met |",
  "|---|---:|---:|---|",
  `| WorkingCalendar.addWorkingDays | ${fmt(fast.opsPerSecond)} | ≥ ${fmt(GOAL_OPS_PER_SECOND)} | ${passedOps ? "yes" : "NO"} |`,
  `| naive Date-stepping loop | ${fmt(naive.opsPerSecond)} | | |`,
  `| speed-up | ${speedUp.toFixed(1)}× | ≥ ${GOAL_SPEED_UP}× | ${passedRatio ? "yes" : "NO"} |`,
  "",
  `Same answers on a sample of 10,000 pairs: ${mismatches === 0 ? "yes" : `NO (${mismatches} differ)`}.`,
];
if (fastHeap === null || naiveHeap === null) {
  lines.push("Heap check skipped (run with `node --expose-gc --import tsx bench/calendar.bench.ts`).");
} else {
  lines.push(
    `Heap growth over 1,000,000 WorkingCalendar additions: ${fmt(fastHeap.bytes)} bytes, ` +
      `${fastHeap.collections} garbage collections during the loop ` +
      `(naive loop, 100,000 additions: ${fmt(naiveHeap.bytes)} bytes, ${naiveHeap.collections} collections).`,
  );
}
lines.push(`Checksums: ${fast.checksum}, ${naive.checksum}.`);
console.log(lines.join("\n"));

if (mismatches > 0 || !passedOps || !passedRatio) {
  console.error("\nBenchmark goals not met.");
  process.exitCode = 1;
}
