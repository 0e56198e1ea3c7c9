import { describe, expect, it } from 'vitest';
import {
  heldFolder,
  heldKey,
  heldKeyUntil,
  holdDecision,
  isDue,
  MAX_TIMER_DELAY_SECONDS,
  timerDelaySeconds,
} from '../../../lambdas/publish/embargo.ts';

const NOW = new Date('2026-12-06T12:00:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('the hold decision', () => {
  it('holds an item whose embargo is after now, until then', () => {
    const decision = holdDecision('2026-12-06T13:00:00.000Z', NOW);
    expect(decision).toEqual({ hold: true, until: later(3_600_000), remainingMs: 3_600_000 });
  });

  it('lets an item without an embargo, with a past one, or with one due now go', () => {
    expect(holdDecision(undefined, NOW)).toEqual({ hold: false });
    expect(holdDecision('2026-12-06T11:59:59.999Z', NOW)).toEqual({ hold: false });
    expect(holdDecision(NOW.toISOString(), NOW)).toEqual({ hold: false });
  });

  it('lets an item go whose embargo is not a date (failing open keeps the item)', () => {
    expect(holdDecision('next Tuesday', NOW)).toEqual({ hold: false });
    expect(holdDecision('', NOW)).toEqual({ hold: false });
  });
});

describe('timer delays', () => {
  it('are the time left, rounded up so a timer never fires early', () => {
    expect(timerDelaySeconds(later(1), NOW)).toBe(1);
    expect(timerDelaySeconds(later(61_500), NOW)).toBe(62);
  });

  it('are at most SQS’s 900 seconds: a longer embargo is a chain of timers', () => {
    expect(MAX_TIMER_DELAY_SECONDS).toBe(900);
    expect(timerDelaySeconds(later(901_000), NOW)).toBe(900);
    expect(timerDelaySeconds(later(86_400_000), NOW)).toBe(900);
  });

  it('are 0 once due', () => {
    expect(timerDelaySeconds(NOW, NOW)).toBe(0);
    expect(timerDelaySeconds(later(-5_000), NOW)).toBe(0);
  });
});

describe('held keys', () => {
  const until = later(3_600_000);
  const key = heldKey('urn:syndicate:lakeshore:abc', 2, until);

  it('name the story’s folder, the version and the release time', () => {
    expect(key.startsWith(heldFolder('urn:syndicate:lakeshore:abc'))).toBe(true);
    expect(key).toMatch(/^held\/[0-9a-f]{32}\/v2-\d+\.json$/);
    expect(heldKeyUntil(key)).toEqual(until);
  });

  it('are the same for the same version and time (a redelivered hold overwrites its record)', () => {
    expect(heldKey('urn:syndicate:lakeshore:abc', 2, new Date(until))).toBe(key);
    expect(heldKey('urn:syndicate:lakeshore:abc', 3, until)).not.toBe(key);
    expect(heldFolder('urn:syndicate:lakeshore:other')).not.toBe(heldFolder('urn:syndicate:lakeshore:abc'));
  });

  it('are due from their release time on, and anything else under the prefix never is', () => {
    expect(isDue(key, later(3_599_999))).toBe(false);
    expect(isDue(key, until)).toBe(true);
    expect(isDue('held/notes.txt', later(10 ** 12))).toBe(false);
    expect(heldKeyUntil('held/notes.txt')).toBeUndefined();
  });
});
