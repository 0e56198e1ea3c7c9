import type { DedupeOutcome, ItemEnvelope } from '../shared/envelope.ts';
import { TransientError } from '../shared/errors.ts';
import { shortId } from '../shared/hash.ts';
import { exactFingerprint } from './fingerprint.ts';
import { type DedupeIndex, exactKey, type IndexRecord, itemKey } from './index-store.ts';

export interface DecideOptions {
  readonly index: DedupeIndex;
  readonly lookbackDays: number;
  /** The decision time; injected so decisions are reproducible in tests. */
  readonly now: Date;
}

/** A published item's identity: stable across versions of one outlet's item. */
export function itemUri(outlet: string, identity: string): string {
  return `urn:syndicate:${outlet}:${shortId(`${outlet}|${identity}`)}`;
}

export function storyIdFor(uri: string): string {
  return `story-${shortId(`story|${uri}`)}`;
}

/**
 * Decides whether an item was reported before: an exact copy of an earlier
 * body (any outlet, any format), a new version of an item already seen (same
 * outlet and identity, new body), or new. The claimant (arrival + position)
 * makes the decision idempotent: a redelivered message is recognised as the
 * same arrival and gets the same answer instead of becoming its own duplicate.
 */
export async function decideDuplicate(
  envelope: ItemEnvelope,
  options: DecideOptions,
): Promise<DedupeOutcome> {
  const { index, now } = options;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const expiresAt = nowSeconds + options.lookbackDays * 86_400;
  const { document, item } = envelope;
  const claimant = `${document.ingestionId}#${envelope.index}`;
  const fingerprint = exactFingerprint(item);
  const exactPk = exactKey(fingerprint);
  const itemPk = itemKey(document.outlet, item.identity);

  const found = await index.getMany([exactPk, itemPk], nowSeconds);
  const exact = found.get(exactPk);
  if (exact && exact.claimant !== claimant) return duplicateOf(exact);

  const prior = found.get(itemPk);
  const uri = prior?.uri ?? itemUri(document.outlet, item.identity);
  const sameArrival = prior?.claimant === claimant;
  const version = prior ? (sameArrival ? prior.version : prior.version + 1) : 1;
  const storyId = prior?.storyId ?? storyIdFor(uri);
  const firstCreated = prior?.firstCreated ?? item.published;
  const record: IndexRecord = {
    pk: exactPk,
    uri,
    storyId,
    version,
    fingerprint,
    claimant,
    firstCreated,
    expiresAt,
  };

  const holder = await index.claim(record, nowSeconds);
  if (holder) return duplicateOf(holder);
  if (!(await index.putVersion({ ...record, pk: itemPk }, nowSeconds))) {
    // Another version of this item was recorded concurrently: decide again on redelivery.
    throw new TransientError(`item ${itemPk} changed while deciding its version`);
  }
  return {
    decision: version > 1 ? 'version' : 'new',
    storyId,
    uri,
    version,
    firstCreated,
    versionCreated: version > 1 ? (item.updated ?? document.receivedAt) : (item.updated ?? item.published),
  };

  function duplicateOf(earlier: IndexRecord): DedupeOutcome {
    return {
      decision: 'duplicate',
      storyId: earlier.storyId,
      uri: itemUri(document.outlet, item.identity),
      version: 1,
      firstCreated: item.published,
      versionCreated: item.updated ?? item.published,
      matchOf: { uri: earlier.uri, storyId: earlier.storyId, rule: 'exact-body', similarity: 1 },
    };
  }
}
