import { expect, it } from 'vitest';
import { TokenBuckets } from '../../../lambdas/ingest/token-bucket.ts';

it('allows the burst, then refuses with a Retry-After until tokens refill', () => {
  let now = 1_000_000;
  const buckets = new TokenBuckets(0.5, 3, () => now);
  const first = [1, 2, 3, 4].map(() => buckets.take('alpha').allowed);
  expect(first).toEqual([true, true, true, false]);
  expect(buckets.take('alpha').retryAfterSeconds).toBe(2);
  now += 2_000;
  expect(buckets.take('alpha').allowed).toBe(true);
  expect(buckets.take('alpha').allowed).toBe(false);
});

it('keeps one bucket per outlet', () => {
  const buckets = new TokenBuckets(1, 1, () => 0);
  expect(buckets.take('alpha').allowed).toBe(true);
  expect(buckets.take('alpha').allowed).toBe(false);
  expect(buckets.take('beta').allowed).toBe(true);
});

it('never holds more than the burst, however long it was idle', () => {
  let now = 0;
  const buckets = new TokenBuckets(10, 2, () => now);
  buckets.take('alpha');
  now += 3_600_000;
  const allowed = [1, 2, 3].map(() => buckets.take('alpha').allowed);
  expect(allowed).toEqual([true, true, false]);
});
