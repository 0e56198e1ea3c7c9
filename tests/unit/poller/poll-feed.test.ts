import { describe, expect, it } from 'vitest';
import { type PollDeps, pollFeed } from '../../../lambdas/poller/poll-feed.ts';
import { MemoryPollStateStore } from '../../../lambdas/poller/poll-state.ts';
import { sha256Hex } from '../../../lambdas/shared/hash.ts';
import type { RawDocumentStore } from '../../../lambdas/shared/raw-store.ts';
import { fakeOutbound } from '../../support/outbound.ts';

const FEED = 'https://alpha.example/feed.xml';
const BODY = '<rss version="2.0"><channel><title>A</title></channel></rss>';

function setup(responder: (init: RequestInit | undefined) => Response | Promise<Response>) {
  const stored: string[] = [];
  const requests: Headers[] = [];
  const store: RawDocumentStore = {
    async put(outlet, bytes) {
      stored.push(`${outlet}/${sha256Hex(bytes)}`);
      return { documentId: sha256Hex(bytes), key: `incoming/${outlet}/${sha256Hex(bytes)}` };
    },
  };
  let now = Date.parse('2026-11-25T12:00:00Z');
  const state = new MemoryPollStateStore();
  const deps: PollDeps = {
    outbound: fakeOutbound((_url, request) => {
      requests.push(new Headers(request.headers));
      return responder({ headers: request.headers });
    }),
    store,
    state,
    timeoutMs: 1000,
    maxBytes: 1024,
    backoffBaseSeconds: 30,
    backoffMaxSeconds: 3600,
    nowMs: () => now,
  };
  return { deps, stored, requests, state, advance: (ms: number) => (now += ms) };
}

describe('pollFeed', () => {
  it('stores a first fetch, then sends its validators', async () => {
    const t = setup(
      () =>
        new Response(BODY, { headers: { etag: '"a"', 'last-modified': 'Mon, 23 Nov 2026 08:00:00 GMT' } }),
    );
    expect(await pollFeed('alpha', FEED, t.deps)).toEqual({
      feed: FEED,
      outlet: 'alpha',
      result: 'stored',
      documentId: sha256Hex(BODY),
    });
    expect(t.requests[0]?.get('if-none-match')).toBeNull();
    await pollFeed('alpha', FEED, t.deps);
    expect(t.requests[1]?.get('if-none-match')).toBe('"a"');
    expect(t.requests[1]?.get('if-modified-since')).toBe('Mon, 23 Nov 2026 08:00:00 GMT');
    expect(t.stored).toEqual([`alpha/${sha256Hex(BODY)}`]);
  });

  it('does not send validators it has no stored document for', async () => {
    let fail = true;
    const t = setup(() =>
      fail ? new Response('', { status: 500, headers: { etag: '"x"' } }) : new Response(BODY),
    );
    await pollFeed('alpha', FEED, t.deps);
    fail = false;
    t.advance(3_600_000);
    expect((await pollFeed('alpha', FEED, t.deps)).result).toBe('stored');
    expect(t.requests[1]?.get('if-none-match')).toBeNull();
  });

  it('treats a 304 as success: failures reset, nothing stored', async () => {
    let status = 500;
    const t = setup(() =>
      status === 200 ? new Response(BODY, { headers: { etag: '"a"' } }) : new Response(null, { status }),
    );
    status = 200;
    await pollFeed('alpha', FEED, t.deps);
    status = 500;
    await pollFeed('alpha', FEED, t.deps);
    expect(t.state.states.get(FEED)?.failures).toBe(1);
    t.advance(31_000);
    status = 304;
    expect((await pollFeed('alpha', FEED, t.deps)).result).toBe('not-modified');
    expect(t.state.states.get(FEED)).toMatchObject({
      failures: 0,
      etag: '"a"',
      contentHash: sha256Hex(BODY),
    });
    expect(t.stored).toHaveLength(1);
  });

  it('prefers a longer Retry-After over its own backoff, and a longer backoff over a short Retry-After', async () => {
    let retryAfter = '900';
    const t = setup(() => new Response('', { status: 429, headers: { 'retry-after': retryAfter } }));
    expect(await pollFeed('alpha', FEED, t.deps)).toMatchObject({ result: 'failed', retryInSeconds: 900 });
    t.advance(900_000);
    retryAfter = '1';
    expect(await pollFeed('alpha', FEED, t.deps)).toMatchObject({ result: 'failed', retryInSeconds: 60 });
  });

  it('records a network error with its cause', async () => {
    const t = setup(() => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    });
    const result = await pollFeed('alpha', FEED, t.deps);
    expect(result).toMatchObject({
      result: 'failed',
      reason: 'fetch failed: connect ECONNREFUSED 127.0.0.1:9',
    });
    expect(t.state.states.get(FEED)?.lastError).toBe('fetch failed: connect ECONNREFUSED 127.0.0.1:9');
  });

  it('refuses a body whose declared length is over the cap without reading it', async () => {
    const t = setup(() => new Response('x'.repeat(2000), { headers: { 'content-length': '2000' } }));
    expect(await pollFeed('alpha', FEED, t.deps)).toMatchObject({
      result: 'failed',
      reason: 'body larger than 1024 bytes',
    });
    expect(t.stored).toEqual([]);
  });

  it('lets a storage failure propagate without recording the document as seen', async () => {
    const t = setup(() => new Response(BODY));
    const failing = { ...t.deps, store: { put: async () => Promise.reject(new Error('S3 down')) } };
    await expect(pollFeed('alpha', FEED, failing)).rejects.toThrow('S3 down');
    expect(t.state.states.get(FEED)).toBeUndefined();
    expect((await pollFeed('alpha', FEED, t.deps)).result).toBe('stored');
  });
});

describe('fetchFeed', () => {
  it('only fetches http and https URLs', async () => {
    const { fetchFeed } = await import('../../../lambdas/poller/fetch-feed.ts');
    let calls = 0;
    const outcome = await fetchFeed(
      'file:///etc/passwd',
      {},
      {
        outbound: fakeOutbound(() => {
          calls++;
          return new Response('');
        }),
        timeoutMs: 100,
        maxBytes: 100,
        nowMs: 0,
      },
    );
    expect(outcome).toEqual({ kind: 'failed', reason: 'not an http(s) URL: file:///etc/passwd' });
    expect(calls).toBe(0);
  });
});
