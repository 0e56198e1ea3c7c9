import { describe, expect, it } from 'vitest';
import { BatchGather } from '../../../lambdas/shared/batch-gather.ts';

describe('BatchGather', () => {
  it('flushes once, with every offered value, when the last record settles', async () => {
    const flushes: number[][] = [];
    const gather = new BatchGather<number>(3, async (values) => void flushes.push([...values]));
    const first = gather.offer(1);
    const second = gather.offer(2);
    expect(flushes).toEqual([]);
    gather.skip();
    await Promise.all([first, second]);
    expect(flushes).toEqual([[1, 2]]);
  });

  it('fails every offer when the flush fails', async () => {
    const gather = new BatchGather<string>(2, async () => {
      throw new Error('S3 is down');
    });
    const offers = [gather.offer('a'), gather.offer('b')];
    for (const offer of offers) await expect(offer).rejects.toThrow('S3 is down');
  });

  it('does not flush a batch in which no record offered anything', async () => {
    let flushed = false;
    const gather = new BatchGather<string>(2, async () => {
      flushed = true;
    });
    gather.skip();
    gather.skip();
    await new Promise((resolve) => setImmediate(resolve));
    expect(flushed).toBe(false);
  });

  it('refuses more settlements than the batch has records', () => {
    const gather = new BatchGather<string>(1, async () => {});
    gather.skip();
    expect(() => gather.skip()).toThrow(/more records settled/);
  });
});
