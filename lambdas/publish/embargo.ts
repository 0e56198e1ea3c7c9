import { sha256Hex } from '../shared/hash.ts';

/**
 * Embargo decisions, pure: the clock is an argument, so tests and the local
 * runner decide with a clock they set, exactly as Lambda decides with its own.
 */

/** SQS's longest per-message delay: a longer wait is a chain of timers, each re-armed on arrival. */
export const MAX_TIMER_DELAY_SECONDS = 900;

/** Where held items are kept in the raw bucket, one object per held version (held-store.ts). */
export const HELD_PREFIX = 'held/';

export type HoldDecision =
  | { readonly hold: false }
  | { readonly hold: true; readonly until: Date; readonly remainingMs: number };

/**
 * Whether an item with this embargo waits. No embargo, a past one or one that is
 * not a date: it goes now (normalize keeps only embargoes it could read, so the
 * last is a contract slip, not an outlet's: failing open keeps the item).
 */
export function holdDecision(embargoed: string | undefined, now: Date): HoldDecision {
  if (embargoed === undefined) return { hold: false };
  const until = new Date(embargoed);
  const remainingMs = until.getTime() - now.getTime();
  if (!Number.isFinite(remainingMs) || remainingMs <= 0) return { hold: false };
  return { hold: true, until, remainingMs };
}

/**
 * The delay of the next timer towards `until`: the time left, rounded up so a
 * timer never fires early, at most SQS's 900 s; 0 once due.
 */
export function timerDelaySeconds(until: Date, now: Date): number {
  const remainingMs = until.getTime() - now.getTime();
  if (!(remainingMs > 0)) return 0;
  return Math.min(MAX_TIMER_DELAY_SECONDS, Math.ceil(remainingMs / 1000));
}

/** The folder of one story's held versions: a kill or a later version finds them by the uri alone. */
export function heldFolder(uri: string): string {
  return `${HELD_PREFIX}${sha256Hex(uri).slice(0, 32)}/`;
}

/**
 * One held version's key. The release time is in the name so the sweep can tell
 * which are due from a listing, without reading each; the version makes a
 * redelivered hold overwrite its own record rather than add a second.
 */
export function heldKey(uri: string, version: number, until: Date): string {
  return `${heldFolder(uri)}v${version}-${until.getTime()}.json`;
}

const KEY = /^held\/[0-9a-f]{32}\/v(\d+)-(\d{1,15})\.json$/;

/** The release time a held key names; undefined for anything else under the prefix. */
export function heldKeyUntil(key: string): Date | undefined {
  const match = KEY.exec(key);
  if (!match) return undefined;
  const until = new Date(Number(match[2]));
  return Number.isNaN(until.getTime()) ? undefined : until;
}

/** Whether a held key is due: its time is not after `now`. */
export function isDue(key: string, now: Date): boolean {
  const until = heldKeyUntil(key);
  return until !== undefined && until.getTime() <= now.getTime();
}
