import { describe, expect, it } from 'vitest';
import { acceptPush, type PushDeps, type PushRequest } from '../../../lambdas/ingest/push.ts';
import { MemoryReplayGuard } from '../../../lambdas/ingest/replay-guard.ts';
import { signPush } from '../../../lambdas/ingest/signature.ts';
import { TokenBuckets } from '../../../lambdas/ingest/token-bucket.ts';
import { sha256Hex } from '../../../lambdas/shared/hash.ts';
import type { RawDocumentStore } from '../../../lambdas/shared/raw-store.ts';

const NOW = 1_790_000_000;
const SECRETS: Record<string, string> = { alpha: 'alpha-secret-0123456789', beta: 'beta-secret-0123456789' };
const FEED = Buffer.from(
  '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title></feed>',
);

function setup(overrides: Partial<PushDeps> = {}) {
  const stored: Array<{
    outlet: string;
    bytes: Uint8Array;
    contentType: string | undefined;
    via: string;
    sourceUrl?: string;
  }> = [];
  const store: RawDocumentStore = {
    async put(outlet, bytes, contentType, via, sourceUrl) {
      stored.push({ outlet, bytes, contentType, via, ...(sourceUrl ? { sourceUrl } : {}) });
      return { documentId: sha256Hex(bytes), key: `incoming/${outlet}/${sha256Hex(bytes)}` };
    },
  };
  const deps: PushDeps = {
    secrets: { secretFor: async (outlet) => SECRETS[outlet] },
    replay: new MemoryReplayGuard(),
    store,
    throttle: new TokenBuckets(1, 100, () => NOW * 1000),
    maxBodyBytes: 1024,
    maxAgeSeconds: 300,
    nowSeconds: () => NOW,
    ...overrides,
  };
  return { deps, stored };
}

function signed(outlet: string, body: Uint8Array, secret = SECRETS[outlet] ?? 'x'.repeat(20)): PushRequest {
  return {
    outlet,
    timestamp: String(NOW),
    signature: signPush(secret, String(NOW), body),
    contentType: 'application/atom+xml',
    body,
  };
}

describe('acceptPush', () => {
  it('stores an authentic document under the outlet the secret belongs to and answers 202', async () => {
    const { deps, stored } = setup();
    const answer = await acceptPush(signed('alpha', FEED), deps);
    expect(answer).toEqual({ status: 202, documentId: sha256Hex(FEED), outlet: 'alpha', format: 'atom' });
    expect(stored).toEqual([
      { outlet: 'alpha', bytes: FEED, contentType: 'application/atom+xml', via: 'push' },
    ]);
  });

  it('stores X-Syndicate-Source-Url when it is an absolute http(s) URL, and ignores any other value', async () => {
    const { deps, stored } = setup();
    await acceptPush({ ...signed('alpha', FEED), sourceUrl: ' https://alpha.example/news/feed.atom ' }, deps);
    await acceptPush({ ...signed('beta', FEED), sourceUrl: 'javascript:alert(1)' }, deps);
    await acceptPush({ ...signed('alpha', Buffer.from(`${FEED}\n`)), sourceUrl: '/relative' }, deps);
    expect(stored.map((s) => s.sourceUrl)).toEqual([
      'https://alpha.example/news/feed.atom',
      undefined,
      undefined,
    ]);
  });

  it('never lets the request choose another outlet: beta with alpha’s signature is 401', async () => {
    const { deps, stored } = setup();
    const answer = await acceptPush({ ...signed('alpha', FEED), outlet: 'beta' }, deps);
    expect(answer.status).toBe(401);
    expect(stored).toEqual([]);
  });

  it('answers 401 for a missing outlet header and for an invalid outlet id', async () => {
    const { deps, stored } = setup();
    expect(await acceptPush({ ...signed('alpha', FEED), outlet: undefined }, deps)).toMatchObject({
      status: 401,
      reason: 'missing X-Syndicate-Outlet header',
    });
    expect((await acceptPush({ ...signed('alpha', FEED), outlet: '../alpha' }, deps)).status).toBe(401);
    expect(stored).toEqual([]);
  });

  it('checks the size before anything else (413 even unsigned)', async () => {
    const { deps, stored } = setup({ maxBodyBytes: 10 });
    expect(await acceptPush({ ...signed('alpha', FEED), signature: undefined }, deps)).toMatchObject({
      status: 413,
      error: 'too-large',
    });
    expect(stored).toEqual([]);
  });

  it('refuses an exact replay, but accepts the same document signed again later', async () => {
    const { deps, stored } = setup();
    const request = signed('alpha', FEED);
    expect((await acceptPush(request, deps)).status).toBe(202);
    expect(await acceptPush(request, deps)).toMatchObject({ status: 401, reason: /replay/ });
    const later = NOW + 1;
    const resigned = {
      ...request,
      timestamp: String(later),
      signature: signPush(SECRETS.alpha ?? '', String(later), FEED),
    };
    expect((await acceptPush(resigned, { ...deps, nowSeconds: () => later })).status).toBe(202);
    expect(stored).toHaveLength(2);
  });

  it('answers 415 for a signed body of no known format; like any answer, it spends the signature', async () => {
    const { deps, stored } = setup();
    const json = Buffer.from('{"hello":"world"}');
    const request = signed('alpha', json);
    expect(await acceptPush(request, deps)).toMatchObject({ status: 415, error: 'unknown-json' });
    // Replay is checked before anything else about the body, so a captured request cannot even probe it.
    expect(await acceptPush(request, deps)).toMatchObject({ status: 401 });
    expect(stored).toEqual([]);
  });

  it('does not let replays of a captured request use up the outlet’s allowance', async () => {
    const { deps, stored } = setup({ throttle: new TokenBuckets(0.1, 1, () => NOW * 1000) });
    const captured = signed('alpha', FEED);
    expect((await acceptPush(captured, deps)).status).toBe(202);
    for (let i = 0; i < 5; i++) expect((await acceptPush(captured, deps)).status).toBe(401);
    expect(stored).toHaveLength(1);
  });

  it('answers 429 with a retry time when the outlet’s bucket is empty; other outlets still pass', async () => {
    const { deps, stored } = setup({ throttle: new TokenBuckets(0.1, 1, () => NOW * 1000) });
    expect((await acceptPush(signed('alpha', FEED), deps)).status).toBe(202);
    const other = Buffer.concat([FEED, Buffer.from(' ')]);
    expect(await acceptPush(signed('alpha', other), deps)).toMatchObject({
      status: 429,
      retryAfterSeconds: 10,
    });
    expect((await acceptPush(signed('beta', other), deps)).status).toBe(202);
    expect(stored.map((s) => s.outlet)).toEqual(['alpha', 'beta']);
  });

  it('does not spend an outlet’s tokens on requests that fail authentication', async () => {
    const { deps } = setup({ throttle: new TokenBuckets(0.1, 1, () => NOW * 1000) });
    for (let i = 0; i < 5; i++) await acceptPush(signed('alpha', FEED, 'forged-secret-0123456789'), deps);
    expect((await acceptPush(signed('alpha', FEED), deps)).status).toBe(202);
  });

  it('lets a storage failure propagate, so the sender is told to retry', async () => {
    const { deps } = setup({
      store: {
        put: async () => {
          throw new Error('S3 is down');
        },
      },
    });
    await expect(acceptPush(signed('alpha', FEED), deps)).rejects.toThrow('S3 is down');
  });
});
