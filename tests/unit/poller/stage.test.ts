import { expect, it } from 'vitest';
import { MemoryPollStateStore } from '../../../lambdas/poller/poll-state.ts';
import { createPollerHandler, type PollerStageDeps } from '../../../lambdas/poller/stage.ts';
import { sha256Hex } from '../../../lambdas/shared/hash.ts';
import { createLogger } from '../../../lambdas/shared/logger.ts';
import { CountingMetrics, METRICS } from '../../../lambdas/shared/metrics.ts';
import { OutletRegistry } from '../../../lambdas/shared/outlets.ts';
import { fakeOutbound } from '../../support/outbound.ts';

function deps(overrides: Partial<PollerStageDeps> & Pick<PollerStageDeps, 'outbound'>): PollerStageDeps {
  return {
    outlets: new OutletRegistry(),
    store: { put: async (outlet, bytes) => ({ documentId: sha256Hex(bytes), key: `incoming/${outlet}/x` }) },
    state: new MemoryPollStateStore(),
    timeoutMs: 1000,
    maxBytes: 1 << 20,
    backoffBaseSeconds: 60,
    backoffMaxSeconds: 3600,
    nowMs: () => 0,
    concurrency: 2,
    logger: createLogger('poller', 'SILENT'),
    ...overrides,
  };
}

const feeds = (n: number) => Array.from({ length: n }, (_, i) => `https://x.example/${i}.xml`);

it('polls every registered feed, at most `concurrency` at a time, and summarizes', async () => {
  let active = 0;
  let peak = 0;
  const metrics = new CountingMetrics();
  const handler = createPollerHandler(
    deps({
      metrics,
      outlets: new OutletRegistry([
        { id: 'alpha', feeds: feeds(5) },
        { id: 'beta', feeds: ['https://y.example/down.xml'] },
      ]),
      outbound: fakeOutbound(async (url) => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active--;
        return url.includes('down') ? new Response('', { status: 502 }) : new Response(`<rss>${url}</rss>`);
      }),
    }),
  );
  const summary = await handler();
  expect(summary).toMatchObject({ feeds: 6, stored: 5, failed: 1 });
  expect(peak).toBe(2);
  expect(metrics.get(METRICS.documentsReceived)).toBe(5);
});

it('polls a feed registered for two outlets once, for the first', async () => {
  const outlets: string[] = [];
  const handler = createPollerHandler(
    deps({
      outlets: new OutletRegistry([
        { id: 'alpha', feeds: ['https://shared.example/feed'] },
        { id: 'beta', feeds: ['https://shared.example/feed'] },
      ]),
      store: {
        put: async (outlet, bytes) => {
          outlets.push(outlet);
          return { documentId: sha256Hex(bytes), key: 'k' };
        },
      },
      outbound: fakeOutbound(() => new Response('<rss/>')),
    }),
  );
  expect(await handler()).toMatchObject({ feeds: 1, stored: 1 });
  expect(outlets).toEqual(['alpha']);
});

it('finishes the other feeds, then fails the invocation when storing failed', async () => {
  let fetched = 0;
  const handler = createPollerHandler(
    deps({
      outlets: new OutletRegistry([{ id: 'alpha', feeds: feeds(3) }]),
      store: { put: async () => Promise.reject(new Error('S3 down')) },
      outbound: fakeOutbound(() => {
        fetched++;
        return new Response('<rss/>');
      }),
    }),
  );
  await expect(handler()).rejects.toThrow('3 feed poll(s) failed to store');
  expect(fetched).toBe(3);
});
