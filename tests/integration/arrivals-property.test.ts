import { describe, expect, it } from 'vitest';
import type { ArrivalCheck } from '../../soak/arrival-check.ts';
import { REPORTED_PLANS, runArrivalProperty } from '../../soak/arrival-property.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

// A handful of whole-pipeline runs per `npm test`; `npm run soak -- --arrival-runs N` runs many more.
// A fresh seed each time widens what CI explores; a failure names it, and ARRIVALS_SEED replays it.
const seed = Number(process.env.ARRIVALS_SEED ?? Date.now() % 1_000_000);
const RANDOM_RUNS = 3;

describe('every arrival accounted for once (property, whole local pipeline)', () => {
  it('holds for the reported cases and for random arrivals, batches, concurrency and faults', async () => {
    const checks: ArrivalCheck[] = [];
    try {
      await runArrivalProperty({
        runs: REPORTED_PLANS.length + RANDOM_RUNS,
        seed,
        maxSteps: 30,
        root: PROJECT_ROOT,
        examples: REPORTED_PLANS,
        onRun: (_plan, check) => checks.push(check),
      });
    } catch (error) {
      throw new Error(`arrival property failed with ARRIVALS_SEED=${seed}: ${(error as Error).message}`);
    }
    expect(checks).toHaveLength(REPORTED_PLANS.length + RANDOM_RUNS);
    // The identical pair: two arrivals, one published.
    expect(checks[0]).toMatchObject({ arrivals: 2, published: 1, violations: [] });
  }, 240_000);
});
