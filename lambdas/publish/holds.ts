import type { Logger } from '@aws-lambda-powertools/logger';
import type { ItemEnvelope } from '../shared/envelope.ts';
import { heldKey, heldKeyUntil, holdDecision, isDue } from './embargo.ts';
import { HELD_RECORD_SCHEMA, type HeldStore } from './held-store.ts';
import type { HoldTimers } from './hold-timers.ts';

export interface HoldDeps {
  readonly store: HeldStore;
  /** Absent: held items wait for the sweep alone (a deployment without the held queue). */
  readonly timers?: HoldTimers;
  readonly now: () => Date;
  readonly logger: Logger;
}

export type HoldOutcome =
  | { readonly held: false; readonly envelope: ItemEnvelope; readonly canceled: readonly string[] }
  | { readonly held: true; readonly key: string; readonly until: Date };

/**
 * Decides, before publish sends an item, whether it waits, and if so records it
 * (first, so a lost timer loses nothing) and arms its timer. Beyond the item's
 * own embargo:
 * - a later version of a story with a version still held waits as long (ninjs:
 *   an embargo covers "all versions"), else a correction would break it;
 * - a kill or withdrawal of a story cancels its held versions: consumers must
 *   never receive what the outlet took back. The kill itself goes at once.
 * Only stories past their first version cost a listing; a first version has nothing held before it.
 */
export async function holdIfEmbargoed(envelope: ItemEnvelope, deps: HoldDeps): Promise<HoldOutcome> {
  const dedupe = envelope.dedupe;
  if (!dedupe) throw new Error('envelope has no dedupe outcome');
  const now = deps.now();
  if (envelope.withdrawal?.role === 'original') {
    const canceled = await deps.store.keysOf(envelope.withdrawal.originalUri);
    for (const key of canceled) await deps.store.delete(key);
    if (canceled.length > 0) {
      deps.logger.info('embargoed versions canceled by a kill', {
        uri: envelope.withdrawal.originalUri,
        canceled,
      });
    }
    return { held: false, envelope, canceled };
  }
  const own = holdDecision(envelope.item.embargoed, now);
  let until = own.hold ? own.until : undefined;
  if (dedupe.version > 1) {
    for (const key of await deps.store.keysOf(dedupe.uri)) {
      const earlier = heldKeyUntil(key);
      if (earlier && !isDue(key, now) && (!until || earlier > until)) until = earlier;
    }
  }
  if (!until) return { held: false, envelope, canceled: [] };
  const embargoed = until.toISOString();
  const held: ItemEnvelope = { ...envelope, item: { ...envelope.item, embargoed } };
  const key = heldKey(dedupe.uri, dedupe.version, until);
  await deps.store.put({
    schema: HELD_RECORD_SCHEMA,
    key,
    uri: dedupe.uri,
    version: dedupe.version,
    until: embargoed,
    heldAt: now.toISOString(),
    envelope: held,
  });
  await deps.timers?.arm(key, now);
  return { held: true, key, until };
}

export type ReleaseOutcome = 'released' | 'not-due' | 'gone';

export interface ReleaseDeps {
  readonly store: HeldStore;
  readonly now: () => Date;
  /** Publishes the envelope as the publish stage does; resolves once it is on the output. */
  readonly publish: (envelope: ItemEnvelope) => Promise<void>;
}

/**
 * Releases one held item if it is due. Idempotent on the key (story uri, version,
 * time): a second timer, the sweep or a redelivery finds the record gone and
 * does nothing. The record is deleted only after the output accepted the item,
 * so a crash in between publishes it again rather than never: at least once,
 * as all of publish is, and consumers already drop a repeated uri + version.
 */
export async function releaseHeld(key: string, deps: ReleaseDeps): Promise<ReleaseOutcome> {
  if (!isDue(key, deps.now())) return 'not-due';
  const record = await deps.store.get(key);
  if (!record) return 'gone';
  await deps.publish(record.envelope);
  await deps.store.delete(key);
  return 'released';
}
