import type { MessageDelivery } from "../adapters/delivery.ts";
import type { Services } from "../app/services.ts";
import { scanDeadlines, type DeadlineScanCounts } from "./deadline-alerts.ts";
import {
  DEFAULT_DELIVERY_OPTIONS,
  deliverDueMessages,
  type DeliveryCounts,
  type DeliveryOptions,
} from "./outbox-worker.ts";

export interface WorkerOptions extends DeliveryOptions {
  /** The pause between the end of one run and the start of the next. */
  intervalMs: number;
  /** Warn this many working days before a clock is due. */
  warnWorkingDays: number;
  /** Where the one line per run goes. */
  log: (line: string) => void;
}

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = {
  ...DEFAULT_DELIVERY_OPTIONS,
  intervalMs: 30_000,
  warnWorkingDays: 2,
  log: (line) => console.log(line),
};

export interface WorkerRunResult extends DeadlineScanCounts, DeliveryCounts {
  /** What went wrong in this run ("deadline scan: ..." or "delivery: ..."); empty when all went well. */
  errors: string[];
}

export interface RunningWorker {
  /** Stops scheduling runs and resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

/** The defaults with `options` laid over them, refused if a value would stall or spin the worker. */
export function resolveWorkerOptions(options: Partial<WorkerOptions> = {}): WorkerOptions {
  const o = { ...DEFAULT_WORKER_OPTIONS, ...options };
  const wholeAtLeast = (name: keyof WorkerOptions, value: number, min: number) => {
    if (!Number.isInteger(value) || value < min) {
      throw new RangeError(`The worker's ${name} must be a whole number of at least ${min}, not ${value}.`);
    }
  };
  wholeAtLeast("intervalMs", o.intervalMs, 0);
  wholeAtLeast("warnWorkingDays", o.warnWorkingDays, 0);
  wholeAtLeast("batchSize", o.batchSize, 1);
  wholeAtLeast("leaseSeconds", o.leaseSeconds, 1);
  wholeAtLeast("maxAttempts", o.maxAttempts, 1);
  if (!(o.backoff.baseSeconds > 0 && o.backoff.maxSeconds >= o.backoff.baseSeconds)) {
    throw new RangeError("The worker's back-off needs baseSeconds > 0 and maxSeconds ≥ baseSeconds.");
  }
  return o;
}

/**
 * One run: scan deadlines (writing warnings and breach alerts to the outbox), then deliver due messages,
 * the new alerts among them. A failed scan does not hold back delivery, nor the other way round: each
 * failure is listed in `errors`. Used by the loop, by tests and by `redress worker --once`.
 */
export async function runWorkerOnce(
  services: Services,
  delivery: MessageDelivery,
  options: Partial<WorkerOptions> = {},
): Promise<WorkerRunResult> {
  const o = resolveWorkerOptions(options);
  const result: WorkerRunResult = { warnings: 0, breaches: 0, delivered: 0, failed: 0, dead: 0, errors: [] };
  try {
    Object.assign(result, await scanDeadlines(services, { warnWorkingDays: o.warnWorkingDays }));
  } catch (error) {
    result.errors.push(`deadline scan: ${messageOf(error)}`);
  }
  try {
    Object.assign(result, await deliverDueMessages(services, delivery, o));
  } catch (error) {
    result.errors.push(`delivery: ${messageOf(error)}`);
  }
  return result;
}

/** The one line logged per run. */
export function describeWorkerRun(r: WorkerRunResult, elapsedMs?: number): string {
  const took = elapsedMs === undefined ? "" : ` (${Math.round(elapsedMs)} ms)`;
  const errors = r.errors.length > 0 ? `; errors: ${r.errors.join("; ")}` : "";
  return (
    `worker: ${r.warnings} deadline warnings, ${r.breaches} breach alerts written; ` +
    `${r.delivered} delivered, ${r.failed} failed (will retry), ${r.dead} dead${took}${errors}`
  );
}

/**
 * Runs the worker until stopped: inside `npm start` by default, or on its own as `redress worker`. Each run
 * is scheduled with setTimeout only after the previous one has finished, so runs never overlap; the first
 * starts at once. A failure is logged and the loop carries on. When a run fills its batch the next starts
 * at once, to drain a backlog. Several workers may share one PostgreSQL database: claims never overlap.
 */
export function startWorker(
  services: Services,
  delivery: MessageDelivery,
  options: Partial<WorkerOptions> = {},
): RunningWorker {
  const o = resolveWorkerOptions(options);
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> | undefined;

  const runAndReschedule = async () => {
    const started = performance.now();
    let backlog = false;
    let line: string | null;
    try {
      const r = await runWorkerOnce(services, delivery, o);
      backlog = r.delivered + r.failed + r.dead >= o.batchSize;
      // An idle run (nothing written, nothing sent, nothing failed) is not worth a log line every 30 s.
      const idle = r.warnings + r.breaches + r.delivered + r.failed + r.dead === 0 && r.errors.length === 0;
      line = idle ? null : describeWorkerRun(r, performance.now() - started);
    } catch (error) {
      line = `worker: run failed, trying again in ${o.intervalMs} ms: ${messageOf(error)}`;
    }
    try {
      if (line) o.log(line);
    } catch {
      // A broken logger must not stop deliveries.
    }
    if (!stopped) timer = setTimeout(tick, backlog ? 0 : o.intervalMs);
  };
  const tick = () => {
    timer = undefined;
    current = runAndReschedule();
  };

  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
