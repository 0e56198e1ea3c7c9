import { describe, expect, it } from 'vitest';
import { AnchorBuckets } from '../../../lambdas/dedupe/anchor-buckets.ts';
import { MemoryDedupeIndex } from '../../../lambdas/dedupe/memory-index.ts';

describe('anchor buckets', () => {
  it('keep at most the capacity, dropping the oldest, so a look-up stays bounded', async () => {
    const index = new MemoryDedupeIndex({ bucketCapacity: 3 });
    for (let i = 0; i < 10; i++) {
      await index.appendToBuckets(
        ['anchor#0000000a'],
        { fingerprint: `f${i}`, expiresAt: 1000 },
        new Map(),
        0,
      );
    }
    const { buckets } = await index.lookup([], ['anchor#0000000a'], 0);
    expect(buckets.get('anchor#0000000a')?.entries.map((e) => e.fingerprint)).toEqual(['f7', 'f8', 'f9']);
  });

  it('leave expired entries out of look-ups and drop them on the next append', async () => {
    const index = new MemoryDedupeIndex();
    await index.appendToBuckets(['anchor#0000000b'], { fingerprint: 'old', expiresAt: 100 }, new Map(), 0);
    await index.appendToBuckets(['anchor#0000000b'], { fingerprint: 'new', expiresAt: 500 }, new Map(), 50);
    const before = await index.lookup([], ['anchor#0000000b'], 200);
    expect(before.buckets.get('anchor#0000000b')?.entries.map((e) => e.fingerprint)).toEqual(['new']);
    const written = await index.appendToBuckets(
      ['anchor#0000000b'],
      { fingerprint: 'newer', expiresAt: 900 },
      new Map(),
      200,
    );
    expect(written.get('anchor#0000000b')?.entries.map((e) => e.fingerprint)).toEqual(['new', 'newer']);
  });

  it('keep a re-appended entry in its place (a redelivery changes nothing)', () => {
    const buckets = new AnchorBuckets(8);
    const entry = (fingerprint: string) => ({ fingerprint, expiresAt: 20 });
    expect(buckets.append([12], entry('a'), 0)).toBe(true);
    expect(buckets.append([12], entry('b'), 0)).toBe(true);
    expect(buckets.append([12], entry('a'), 0)).toBe(false);
    expect(
      buckets
        .read([12], 0)
        .get('anchor#0000000c')
        ?.entries.map((e) => e.fingerprint),
    ).toEqual(['a', 'b']);
  });
});

describe('claims', () => {
  const record = (claimant: string, version: number) => ({
    pk: 'exact#f',
    uri: 'urn:syndicate:a:1',
    storyId: 'story-1',
    version,
    fingerprint: 'f',
    claimant,
    firstCreated: '2024-05-01T00:00:00Z',
    expiresAt: 1000,
  });

  it('replace only the holder they name: a concurrent claimant of the same item is never replaced', async () => {
    const index = new MemoryDedupeIndex();
    expect(await index.claim(record('c1', 1), 0)).toBeUndefined();
    expect((await index.claim(record('c2', 2), 0))?.claimant).toBe('c1');
    expect(await index.claim(record('c3', 3), 0, 'c1')).toBeUndefined();
    expect((await index.claim(record('c4', 4), 0, 'c1'))?.claimant).toBe('c3');
  });
});
