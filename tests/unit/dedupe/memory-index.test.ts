import { describe, expect, it } from 'vitest';
import { appendEntry } from '../../../lambdas/dedupe/index-store.ts';
import { MemoryDedupeIndex } from '../../../lambdas/dedupe/memory-index.ts';

describe('LSH buckets', () => {
  it('keep at most the capacity, dropping the oldest, so a look-up stays bounded', async () => {
    const index = new MemoryDedupeIndex({ bucketCapacity: 3 });
    for (let i = 0; i < 10; i++) {
      await index.appendToBuckets(['band#0.x'], { fingerprint: `f${i}`, expiresAt: 1000 }, new Map(), 0);
    }
    const { buckets } = await index.lookup([], ['band#0.x'], 0);
    expect(buckets.get('band#0.x')?.entries.map((e) => e.fingerprint)).toEqual(['f7', 'f8', 'f9']);
  });

  it('leave expired entries out of look-ups and drop them on the next append', async () => {
    const index = new MemoryDedupeIndex();
    await index.appendToBuckets(['band#1.y'], { fingerprint: 'old', expiresAt: 100 }, new Map(), 0);
    await index.appendToBuckets(['band#1.y'], { fingerprint: 'new', expiresAt: 500 }, new Map(), 50);
    const before = await index.lookup([], ['band#1.y'], 200);
    expect(before.buckets.get('band#1.y')?.entries.map((e) => e.fingerprint)).toEqual(['new']);
    const written = await index.appendToBuckets(
      ['band#1.y'],
      { fingerprint: 'newer', expiresAt: 900 },
      new Map(),
      200,
    );
    expect(written.get('band#1.y')?.entries.map((e) => e.fingerprint)).toEqual(['new', 'newer']);
  });

  it('keep a re-appended entry in its place (a redelivery changes nothing)', () => {
    const bucket = { pk: 'band#2.z', entries: [{ fingerprint: 'a', expiresAt: 10 }], revision: 4 };
    expect(appendEntry(bucket, bucket.pk, { fingerprint: 'a', expiresAt: 20 }, 8, 0)).toBeUndefined();
    expect(appendEntry(bucket, bucket.pk, { fingerprint: 'b', expiresAt: 20 }, 8, 0)?.revision).toBe(5);
  });
});
