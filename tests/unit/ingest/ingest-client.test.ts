import { expect, it } from 'vitest';
import { verifyPushSignature } from '../../../lambdas/ingest/signature.ts';
import { guessContentType, pushDocument } from '../../../local/ingest-client.ts';

const SECRET = 'client-secret-0123456789';
const BODY = Buffer.from('{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[]}');

it('re-signs each attempt with a fresh timestamp and honours Retry-After on 429', async () => {
  let now = 1_790_000_000_000;
  const sent: Array<{ timestamp: string; signature: string }> = [];
  const waits: number[] = [];
  const result = await pushDocument({
    url: 'http://127.0.0.1:1/',
    outlet: 'alpha',
    secret: SECRET,
    body: BODY,
    attempts: 3,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
    fetch: (async (_url: string, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      const timestamp = headers.get('x-syndicate-timestamp') ?? '';
      const signature = headers.get('x-hub-signature-256') ?? '';
      sent.push({ timestamp, signature });
      const check = verifyPushSignature({
        secret: SECRET,
        signature,
        timestamp,
        body: BODY,
        nowSeconds: Math.floor(now / 1000),
        maxAgeSeconds: 300,
      });
      expect(check.ok).toBe(true);
      expect(headers.get('content-type')).toBe('application/feed+json');
      return sent.length < 3
        ? new Response('{"error":"throttled"}', { status: 429, headers: { 'retry-after': '7' } })
        : new Response('{"documentId":"d"}', { status: 202 });
    }) as typeof fetch,
  });
  expect(result).toEqual({ status: 202, body: '{"documentId":"d"}', attempts: 3 });
  expect(waits).toEqual([7000, 7000]);
  expect(new Set(sent.map((s) => s.signature)).size).toBe(3);
});

it('does not retry a refusal that retrying cannot fix', async () => {
  let calls = 0;
  const result = await pushDocument({
    url: 'http://127.0.0.1:1/',
    outlet: 'alpha',
    secret: SECRET,
    body: BODY,
    fetch: (async () => {
      calls++;
      return new Response('{"error":"unauthorized"}', { status: 401 });
    }) as typeof fetch,
  });
  expect(result.status).toBe(401);
  expect(calls).toBe(1);
});

it('guesses a Content-Type from the bytes', () => {
  expect(guessContentType(Buffer.from('<feed xmlns="http://www.w3.org/2005/Atom"/>'))).toBe(
    'application/atom+xml',
  );
  expect(guessContentType(Buffer.from('Plain article text.'))).toBe('text/plain');
  expect(guessContentType(Buffer.from('{"x":1}'))).toBe('application/octet-stream');
});
