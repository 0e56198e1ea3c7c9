import { sha256Hex } from '../shared/hash.ts';
import type { OutboundDeps } from '../shared/outbound/guarded-fetch.ts';
import type { RawDocumentStore } from '../shared/raw-store.ts';
import { backoffSeconds } from './backoff.ts';
import { fetchFeed } from './fetch-feed.ts';
import type { PollState, PollStateStore } from './poll-state.ts';

export interface PollDeps {
  readonly outbound: OutboundDeps;
  readonly store: RawDocumentStore;
  readonly state: PollStateStore;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly backoffBaseSeconds: number;
  readonly backoffMaxSeconds: number;
  readonly nowMs: () => number;
}

export type PollResult =
  | { readonly feed: string; readonly outlet: string; readonly result: 'skipped'; readonly until: number }
  | { readonly feed: string; readonly outlet: string; readonly result: 'not-modified' | 'unchanged' }
  | { readonly feed: string; readonly outlet: string; readonly result: 'stored'; readonly documentId: string }
  | {
      readonly feed: string;
      readonly outlet: string;
      readonly result: 'failed';
      readonly reason: string;
      readonly retryInSeconds: number;
    };

/**
 * Polls one feed: waits out a backoff, fetches conditionally, stores the body
 * only when its content hash changed, and records what happened. The document
 * is stored before the state that says so, so a crash between the two fetches
 * and stores it again (harmless: same key, and dedupe sees the same items)
 * rather than losing it. Storage and state errors propagate to the caller.
 */
export async function pollFeed(
  outlet: string,
  feed: string,
  deps: PollDeps,
  access: { readonly allowPrivateAddresses?: boolean } = {},
): Promise<PollResult> {
  const now = deps.nowMs();
  const previous = await deps.state.get(feed);
  if (previous?.nextAttemptAt !== undefined && previous.nextAttemptAt * 1000 > now) {
    return { feed, outlet, result: 'skipped', until: previous.nextAttemptAt };
  }
  // Validators only describe a document we stored; without one, ask for the whole feed.
  const known = previous?.contentHash
    ? {
        ...(previous.etag ? { etag: previous.etag } : {}),
        ...(previous.lastModified ? { lastModified: previous.lastModified } : {}),
      }
    : {};
  const outcome = await fetchFeed(feed, known, {
    outbound: deps.outbound,
    ...(access.allowPrivateAddresses ? { allowPrivateAddresses: true } : {}),
    timeoutMs: deps.timeoutMs,
    maxBytes: deps.maxBytes,
    nowMs: now,
  });
  const checkedAt = new Date(now).toISOString();
  const base = { feed, outlet, lastCheckedAt: checkedAt };

  if (outcome.kind === 'failed') {
    const failures = (previous?.failures ?? 0) + 1;
    const retryInSeconds = Math.max(
      outcome.retryAfterSeconds ?? 0,
      backoffSeconds(failures, deps.backoffBaseSeconds, deps.backoffMaxSeconds),
    );
    await deps.state.put({
      ...keep(previous),
      ...base,
      failures,
      nextAttemptAt: Math.floor(now / 1000) + retryInSeconds,
      ...(outcome.status !== undefined ? { lastStatus: outcome.status } : {}),
      lastError: outcome.reason,
    });
    return { feed, outlet, result: 'failed', reason: outcome.reason, retryInSeconds };
  }
  if (outcome.kind === 'not-modified') {
    await deps.state.put({ ...keep(previous), ...base, ...outcome.validators, failures: 0, lastStatus: 304 });
    return { feed, outlet, result: 'not-modified' };
  }
  const contentHash = sha256Hex(outcome.body);
  const changed = contentHash !== previous?.contentHash;
  const stored = changed
    ? await deps.store.put(outlet, outcome.body, outcome.contentType, 'poll', feed)
    : undefined;
  await deps.state.put({ ...base, ...outcome.validators, contentHash, failures: 0, lastStatus: 200 });
  return stored
    ? { feed, outlet, result: 'stored', documentId: stored.documentId }
    : { feed, outlet, result: 'unchanged' };
}

/** What survives a failure or a 304: the validators and hash of the last stored document. */
function keep(previous: PollState | undefined): Partial<PollState> {
  if (!previous) return {};
  return {
    ...(previous.etag ? { etag: previous.etag } : {}),
    ...(previous.lastModified ? { lastModified: previous.lastModified } : {}),
    ...(previous.contentHash ? { contentHash: previous.contentHash } : {}),
  };
}
