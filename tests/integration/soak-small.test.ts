import { afterAll, describe, expect, it } from 'vitest';
import { conserved } from '../../soak/report.ts';
import { runSoak, type SoakResult } from '../../soak/run-soak.ts';
import { tempDir } from '../support/temp-dir.ts';

// The small soak: the full harness (real handlers, emulators, SDK clients over HTTP) on 200 items with
// every kind of fault. New versions are left out here until dedupe replays an older version's decision
// instead of minting a newer one (see docs/benchmarks.md); `npm run soak` keeps them in.
describe('soak (small): nothing lost under faults', () => {
  const dir = tempDir('syndicate-soak-');
  afterAll(() => dir.remove());
  let result: SoakResult;

  it('accounts for every item: published once per uri+version, duplicate, rejected or dead-lettered', async () => {
    result = await runSoak({
      stateDir: dir.path,
      items: 200,
      itemsPerDocument: 20,
      outlets: 6,
      faults: {
        recordFailureRate: 0.1,
        batchThrowRate: 0.05,
        killRate: 0.05,
        redeliveryRate: 0.05,
        maxFaultyReceives: 2,
      },
      s3Restarts: 1,
      timeoutMs: 45_000,
    });
    const { ledger } = result;
    expect(ledger.problems).toEqual([]);
    expect(ledger.items).toBe(200);
    expect(ledger.lost).toBe(0);
    expect(ledger.doublePublished).toBe(0);
    expect(ledger.published + ledger.duplicates + ledger.rejectedItems + ledger.deadLettered).toBe(200);
    expect(ledger.outputMessages).toBe(ledger.distinctPublished + ledger.rawDuplicates);
    expect(conserved(result)).toBe(true);
  }, 60_000);

  it('exercised every fault and every outcome it accounts for', () => {
    const { ledger, faults } = result;
    expect(faults.recordFailures).toBeGreaterThan(0);
    expect(faults.batchThrows + faults.kills).toBeGreaterThan(0);
    expect(faults.redeliveries).toBeGreaterThan(0);
    expect(result.s3Restarts).toBe(1);
    expect(ledger.duplicates).toBeGreaterThan(0);
    expect(ledger.deadLettered).toBeGreaterThan(0);
    expect(ledger.rejectedItems).toBeGreaterThan(0);
    expect(Object.keys(ledger.deadLetterReasons).some((r) => r.startsWith('tag: '))).toBe(true);
  });
});
