import { describe, expect, it } from 'vitest';
import { KeyedSerializer } from '../../../lambdas/dedupe/item-lock.ts';

describe('KeyedSerializer', () => {
  it('runs the tasks of one key in turn and those of other keys alongside', async () => {
    const lock = new KeyedSerializer();
    const events: string[] = [];
    let releaseFirst: () => void = () => {};
    const first = lock.run('a', async () => {
      events.push('a1 start');
      await new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      events.push('a1 end');
    });
    const second = lock.run('a', async () => {
      events.push('a2 start');
    });
    const other = lock.run('b', async () => {
      events.push('b start');
    });
    await other;
    expect(events).toEqual(['a1 start', 'b start']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['a1 start', 'b start', 'a1 end', 'a2 start']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lock.size).toBe(0);
  });

  it('goes on with the next task of a key after one fails, and passes the failure to its caller', async () => {
    const lock = new KeyedSerializer();
    const failed = lock.run('a', async () => {
      throw new Error('boom');
    });
    const next = lock.run('a', async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });
});
