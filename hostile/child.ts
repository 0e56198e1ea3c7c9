import { readFileSync } from 'node:fs';
import { processOffline } from '../local/offline.ts';
import { findViolations } from './inspect.ts';

/**
 * Runs one hostile document through parse + normalize + tag in its own
 * process, so its time and peak memory are its own and a crash takes nothing
 * else down. Prints one JSON line.
 */
export interface ChildOutcome {
  readonly status: 'processed' | 'rejected' | 'crashed';
  readonly code?: string;
  readonly reason?: string;
  readonly items: number;
  readonly itemErrors: number;
  readonly violations: ReturnType<typeof findViolations>;
  /** CPU time (user + system) the document took: unlike wall time, not inflated by other work on the machine. */
  readonly ms: number;
  readonly wallMs: number;
  /** Peak resident memory above what the process held before the document was read. */
  readonly peakMb: number;
}

async function main(): Promise<void> {
  const [file, contentType] = process.argv.slice(2);
  if (!file) throw new Error('usage: child FILE [CONTENT_TYPE]');
  const baselineKb = process.memoryUsage().rss / 1024;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let outcome: Omit<ChildOutcome, 'ms' | 'wallMs' | 'peakMb'>;
  let ms = 0;
  let wallMs = 0;
  let peakMb = 0;
  // Time and memory are the document's own: taken before the inspection, which is the harness's cost.
  const measure = () => {
    const cpu = process.cpuUsage(cpuStart);
    ms = (cpu.user + cpu.system) / 1000;
    wallMs = performance.now() - started;
    peakMb = Math.max(0, process.resourceUsage().maxRSS - baselineKb) / 1024;
  };
  try {
    const result = await processOffline(readFileSync(file), contentType ? { contentType } : {});
    measure();
    outcome = {
      status: 'processed',
      items: result.items.length,
      itemErrors: result.itemErrors.length,
      violations: [...findViolations(result.items), ...findViolations(result.feed ?? {}, '$feed')].slice(
        0,
        20,
      ),
    };
  } catch (error) {
    measure();
    const e = error as Error & { code?: unknown; retryable?: unknown };
    const rejected = e.retryable === false && typeof e.code === 'string';
    outcome = {
      status: rejected ? 'rejected' : 'crashed',
      ...(typeof e.code === 'string' ? { code: e.code } : {}),
      reason: `${e.name}: ${e.message}`.slice(0, 300),
      items: 0,
      itemErrors: 0,
      violations: [],
    };
  }
  process.stdout.write(`${JSON.stringify({ ...outcome, ms, wallMs, peakMb } satisfies ChildOutcome)}\n`);
}

await main();
