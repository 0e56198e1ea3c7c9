import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signPush, verifyPushSignature } from '../../../lambdas/ingest/signature.ts';

const SECRET = 'an-outlet-secret-of-some-length';
const BODY = Buffer.from('<rss version="2.0"><channel/></rss>');
const NOW = 1_790_000_000;

const input = (overrides: Partial<Parameters<typeof verifyPushSignature>[0]> = {}) => ({
  secret: SECRET,
  signature: signPush(SECRET, String(NOW), BODY),
  timestamp: String(NOW),
  body: BODY,
  nowSeconds: NOW,
  maxAgeSeconds: 300,
  ...overrides,
});

describe('push signatures', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256, as documented for outlets', () => {
    const expected = createHmac('sha256', SECRET).update(`${NOW}.${BODY.toString()}`).digest('hex');
    expect(signPush(SECRET, String(NOW), BODY)).toBe(`sha256=${expected}`);
  });

  it('accepts its own signature and returns the digest used for replay protection', () => {
    const check = verifyPushSignature(input());
    expect(check).toEqual({ ok: true, digest: signPush(SECRET, String(NOW), BODY).slice(7), timestamp: NOW });
  });

  it('accepts upper-case hex and timestamps just inside the window either side', () => {
    expect(
      verifyPushSignature(input({ signature: input().signature.toUpperCase().replace('SHA256', 'sha256') }))
        .ok,
    ).toBe(true);
    for (const skew of [-300, 300]) {
      const timestamp = String(NOW + skew);
      expect(verifyPushSignature(input({ timestamp, signature: signPush(SECRET, timestamp, BODY) })).ok).toBe(
        true,
      );
    }
  });

  it.each([
    ['missing signature', { signature: undefined }, /missing X-Hub-Signature-256/],
    ['missing timestamp', { timestamp: undefined }, /missing X-Syndicate-Timestamp/],
    ['malformed signature', { signature: 'sha1=abc' }, /sha256=<64 hex digits>/],
    ['malformed timestamp', { timestamp: '2026-11-25T00:00:00Z' }, /Unix time/],
    ['wrong secret', { secret: 'another-secret-entirely' }, /does not match/],
    ['changed body', { body: Buffer.from('<rss/>') }, /does not match/],
    ['stale timestamp', { nowSeconds: NOW + 301 }, /more than 300 s/],
    ['future timestamp', { nowSeconds: NOW - 301 }, /more than 300 s/],
  ])('refuses a %s', (_name, overrides, reason) => {
    const check = verifyPushSignature(input(overrides));
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toMatch(reason);
  });

  it('refuses a signature whose timestamp was changed after signing', () => {
    const check = verifyPushSignature(input({ timestamp: String(NOW + 1), nowSeconds: NOW + 1 }));
    expect(check).toEqual({ ok: false, reason: 'signature does not match' });
  });
});
