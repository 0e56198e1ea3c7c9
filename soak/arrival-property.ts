import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { type ArrivalCheck, checkArrivals } from './arrival-check.ts';
import { type Plan, planArbitrary } from './arrival-plan.ts';

export interface ArrivalPropertyOptions {
  readonly runs: number;
  readonly seed: number;
  readonly maxSteps?: number;
  /** The repository root (fixtures are read from it). */
  readonly root: string;
  /** Plans run before the random ones, e.g. the cases an issue reported. */
  readonly examples?: readonly Plan[];
  /** Told about every run, with its plan and what it found. */
  readonly onRun?: (plan: Plan, check: ArrivalCheck) => void;
}

/**
 * The arrival property over random plans: fast-check draws them from the seed
 * and, on a violation, fails with the seed and the plan that broke it (no
 * shrinking: each run is a whole pipeline, and the plan alone reproduces it).
 */
export async function runArrivalProperty(options: ArrivalPropertyOptions): Promise<void> {
  const property = fc.asyncProperty(planArbitrary(options.maxSteps), async (plan) => {
    const stateDir = mkdtempSync(join(tmpdir(), 'syndicate-arrivals-'));
    try {
      const check = await checkArrivals(plan, stateDir, options.root);
      options.onRun?.(plan, check);
      if (check.violations.length > 0) throw new Error(check.violations.join('\n'));
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
  await fc.assert(property, {
    numRuns: options.runs,
    seed: options.seed,
    endOnFailure: true,
    examples: (options.examples ?? []).map((plan) => [plan]),
  });
}

/** The two cases issue 20 reported, as plans: identical files in one run, and a revert in one run. */
export const REPORTED_PLANS: readonly Plan[] = [
  {
    steps: [
      { kind: 'send', item: 0, variant: 0 },
      { kind: 'resend', item: 0 },
    ],
    batches: [2],
    concurrency: 2,
    recordFailureRate: 0,
    killRate: 0,
    faultSeed: 1,
  },
  {
    steps: [
      { kind: 'send', item: 2, variant: 0 },
      { kind: 'send', item: 2, variant: 1 },
      { kind: 'send', item: 2, variant: 0 },
    ],
    batches: [3],
    concurrency: 2,
    recordFailureRate: 0,
    killRate: 0,
    faultSeed: 1,
  },
];
