import { expect, it } from 'vitest';
import { backoffSeconds, parseRetryAfter } from '../../../lambdas/poller/backoff.ts';

it('doubles the delay with each failure up to the cap', () => {
  expect([1, 2, 3, 4, 5].map((n) => backoffSeconds(n, 60, 600))).toEqual([60, 120, 240, 480, 600]);
  expect(backoffSeconds(1000, 60, 600)).toBe(600);
});

it('reads Retry-After as seconds or as an HTTP date', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  expect(parseRetryAfter('120', now)).toBe(120);
  expect(parseRetryAfter('Wed, 25 Nov 2026 12:05:00 GMT', now)).toBe(300);
  expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
  expect(parseRetryAfter('soon', now)).toBeUndefined();
  expect(parseRetryAfter(null, now)).toBeUndefined();
});
