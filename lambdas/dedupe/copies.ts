import type { DedupeOutcome, ItemEnvelope } from '../shared/envelope.ts';
import { TransientError } from '../shared/errors.ts';
import { ITEM_MEMORY_DAYS } from './decide.ts';
import { type CopyEntry, copiesKey, type IndexRecord, itemKey, type RecordStore } from './index-store.ts';

/** Copies remembered per original: a DynamoDB item stays far under 400 KB; later copies are not flagged. */
export const MAX_COPIES = 200;

/**
 * Records a copy consumers received (a near duplicate passed on, flagged) under its original's uri, so a
 * kill of the original can flag it. The record's version counts its copies: of two copies recorded at
 * once, one write loses (putVersion) and its message is retried. A redelivered copy is already listed.
 */
export async function noteAssignedCopy(
  index: RecordStore,
  envelope: ItemEnvelope,
  outcome: DedupeOutcome,
  nowSeconds: number,
): Promise<void> {
  const original = outcome.matchOf?.uri;
  if (!original) return;
  const pk = copiesKey(original);
  const current = (await index.getMany([pk], nowSeconds)).get(pk);
  const listed = current?.copies ?? [];
  if (listed.length >= MAX_COPIES || listed.some((c) => c.uri === outcome.uri)) return;
  const { document, item } = envelope;
  const entry: CopyEntry = {
    uri: outcome.uri,
    item: itemKey(document.outlet, item.identity),
    outlet: document.outlet,
    headline: item.headline,
    document,
    index: envelope.index,
    identity: item.identity,
    language: item.language,
    published: item.published,
  };
  const record: IndexRecord = {
    pk,
    uri: original,
    storyId: outcome.storyId,
    version: listed.length + 1,
    fingerprint: '',
    claimant: `${document.ingestionId}#${envelope.index}`,
    firstCreated: outcome.firstCreated,
    expiresAt: nowSeconds + ITEM_MEMORY_DAYS * 86_400,
    copies: [...listed, entry],
  };
  if (!(await index.putVersion(record, nowSeconds))) {
    throw new TransientError(`copies of ${original} changed while recording one`);
  }
}
