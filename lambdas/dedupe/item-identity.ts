import type { DocumentRef } from '../shared/envelope.ts';
import type { IndexRecord, RecordStore } from './index-store.ts';

/**
 * Which arrival of an outlet's item is the later one: the time the raw archive
 * received it, then its ingestion id (S3 key and sequencer) for arrivals of the
 * same millisecond. A feed's own dates are not used: outlets' clocks, stale
 * mirrors and caches disagree with each other, while the archive's clock is one
 * clock. ISO times of one length sort as strings, so the key compares as one.
 */
export function arrivalOrder(document: Pick<DocumentRef, 'receivedAt' | 'ingestionId'>): string {
  return `${new Date(document.receivedAt).toISOString()}|${document.ingestionId}`;
}

/** The outlet a record's uri names (`urn:syndicate:{outlet}:{id}`, decide.ts). */
export function outletOfRecord(record: Pick<IndexRecord, 'uri' | 'outlet'>): string | undefined {
  if (record.outlet) return record.outlet;
  const match = /^urn:syndicate:(.+):[^:]+$/.exec(record.uri);
  return match?.[1];
}

/**
 * An identity the outlet gave the item (guid or link), as opposed to one
 * derived from its text: two such identities that differ are two items, even
 * when the texts are alike (a weekly calendar, a recurring listing).
 */
export function isExplicitIdentity(identity: string): boolean {
  return identity.startsWith('guid:') || identity.startsWith('url:');
}

export interface ResolvedItem {
  /** The key of the item's own record: the alias's target when the identity is an alias. */
  readonly pk: string;
  readonly record: IndexRecord;
}

/**
 * The item an identity stands for. An identity first seen on a copy of an item the outlet sent before
 * (the same story as plain text, then as an RSS item with a guid) is an alias of that item: its record
 * names the item's record, one read away.
 */
export async function resolveItem(
  store: RecordStore,
  pk: string,
  record: IndexRecord | undefined,
  nowSeconds: number,
): Promise<ResolvedItem | undefined> {
  if (!record) return undefined;
  if (!record.aliasOf) return { pk, record };
  const target = (await store.getMany([record.aliasOf], nowSeconds)).get(record.aliasOf);
  return target ? { pk: record.aliasOf, record: target } : undefined;
}
