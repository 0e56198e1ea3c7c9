import type { DocumentRef } from '../shared/envelope.ts';
import { sha256Hex } from '../shared/hash.ts';
/**
 * The index of earlier reports, as the dedupe decision sees it. Two kinds of
 * record, each under its own key:
 *  - `exact#{fingerprint}`: who first reported this exact body, with the body's
 *    MinHash sketch when it is long enough to be compared for near copies;
 *  - `item#{outlet|identity}`: the latest version of one outlet's item;
 * and anchor buckets, named `anchor#{value}`: the fingerprints of the latest
 * few stories filed under that anchor (anchors.ts).
 * Record writes are conditional so that of two concurrent copies exactly one
 * becomes "first"; a claimant may re-write its own record, which makes a
 * redelivered message idempotent. Buckets live in memory, fed by a shared log
 * (logged-index.ts): one write per batch instead of one per anchor.
 */

/** What a near-duplicate decision matched, kept so a redelivery gets the same answer. */
export interface NearOf {
  readonly uri: string;
  readonly storyId: string;
  readonly rule: string;
  readonly similarity: number;
  readonly fingerprint: string;
}

export interface IndexRecord {
  readonly pk: string;
  readonly uri: string;
  readonly storyId: string;
  readonly version: number;
  readonly fingerprint: string;
  /** The arrival that wrote this record (`ingestionId#index`). */
  readonly claimant: string;
  readonly firstCreated: string;
  /** Epoch seconds after which the record is outside the look-back window (DynamoDB TTL). */
  readonly expiresAt: number;
  /** MinHash signature of a long body: the low 16 bits of each value, little-endian (minhash.ts). */
  readonly signature?: Uint8Array;
  /** Distinct shingles of that body: turns Jaccard into containment. */
  readonly shingles?: number;
  /** The body's anchors (little-endian uint32s, ascending), see anchors.ts. */
  readonly anchors?: Uint8Array;
  /** Distinguishing details (little-endian uint32s), see details.ts. */
  readonly details?: Uint8Array;
  /** Set when this body was decided a near duplicate of an earlier story. */
  readonly nearOf?: NearOf;
  /** The outlet that sent the body (older records: read from `uri`). */
  readonly outlet?: string;
  /** On a body's record: the key of the item record it is a version of, so a later near copy finds it. */
  readonly item?: string;
  /** On a body's record: the item's identity came from the outlet (guid or link), see item-identity.ts. */
  readonly explicitIdentity?: boolean;
  /** On an item record: the identity is an alias, and this is the key of the item's own record. */
  readonly aliasOf?: string;
  /** On an item record: the latest arrival of the item (item-identity.ts `arrivalOrder`), decided or not. */
  readonly lastArrival?: string;
  /** On a story's body record: its event signals, packed (event-signals.ts), for a later report of the event. */
  readonly event?: Uint8Array;
  /** The event the story reports: set when it was linked to an earlier report's (same-event.ts). */
  readonly eventId?: string;
  /** Set when the story was linked to another outlet's earlier report of the same event. */
  readonly sameEventAs?: SameEventOf;
  /** On a story's body record: when it reached us and the date it states, to link reports close in time. */
  readonly reported?: { readonly receivedAt: string; readonly stated?: string };
  /** On an item record: the kill or withdrawal that took the item back (withdraw.ts). */
  readonly withdrawn?: WithdrawalMark;
  /** On a copy's item record: the kill of its original it was flagged for (withdraw.ts). */
  readonly originalWithdrawn?: WithdrawalMark;
  /** On a `copies#` record: the published copies assigned to the original (copies.ts). */
  readonly copies?: readonly CopyEntry[];
}

/** Which kill arrival wrote a withdrawal, and the version it published: a redelivery publishes it again. */
export interface WithdrawalMark {
  readonly pubStatus: 'canceled' | 'withheld';
  readonly claimant: string;
  readonly version: number;
  readonly originalUri: string;
}

/** A copy consumers received, kept so a kill of its original can flag it. */
export interface CopyEntry {
  readonly uri: string;
  /** The key of the copy's item record. */
  readonly item: string;
  readonly outlet: string;
  readonly headline: string;
  readonly document: DocumentRef;
  readonly index: number;
  readonly identity: string;
  readonly language: string;
  readonly published: string;
}

/** What a linked report was linked to, kept so a redelivery and the item's next versions keep the link. */
export interface SameEventOf {
  readonly uri: string;
  readonly storyId: string;
  readonly rule: string;
}

export interface BucketEntry {
  readonly fingerprint: string;
  readonly expiresAt: number;
}

export interface AnchorBucket {
  readonly pk: string;
  /** Oldest first; never more than the index's bucket capacity. */
  readonly entries: readonly BucketEntry[];
}

export interface Lookup {
  readonly records: Map<string, IndexRecord>;
  readonly buckets: Map<string, AnchorBucket>;
}

/** The records of the index: exact bodies and items' latest versions, each under its own key. */
export interface RecordStore {
  /** Looks up several keys in one round trip; expired records are treated as absent. */
  getMany(pks: readonly string[], nowSeconds: number): Promise<Map<string, IndexRecord>>;
  /**
   * Writes the record unless another claimant holds the key; returns the
   * holder when it lost. `replacing` names the one holder this write may
   * replace: the earlier version whose body an undone edit brings back, as
   * read before deciding (so a concurrent claimant is never replaced).
   */
  claim(record: IndexRecord, nowSeconds: number, replacing?: string): Promise<IndexRecord | undefined>;
  /**
   * Writes an item's record if its version is newer than the stored one and its arrival is not older
   * than the stored `lastArrival`, or it is the same claimant's.
   */
  putVersion(record: IndexRecord, nowSeconds: number): Promise<boolean>;
  /**
   * Moves an item's `lastArrival` forward without a new version (a re-send of what consumers already
   * hold), if the stored record is still at `record.version` and its last arrival is not later.
   */
  noteArrival(record: IndexRecord, nowSeconds: number): Promise<boolean>;
}

export interface DedupeIndex extends RecordStore {
  /** Entries a bucket keeps: the latest stories on one anchor value. Bounds every look-up. */
  readonly bucketCapacity: number;
  /** Records and anchor buckets, as one look-up; expired entries left out. */
  lookup(recordKeys: readonly string[], bucketKeys: readonly string[], nowSeconds: number): Promise<Lookup>;
  /**
   * Appends the entry to each bucket (dropping expired and, past capacity, the
   * oldest entries) and returns each bucket as written, holding every entry
   * appended before this one. `seen` holds the buckets as just looked up.
   */
  appendToBuckets(
    pks: readonly string[],
    entry: BucketEntry,
    seen: ReadonlyMap<string, AnchorBucket>,
    nowSeconds: number,
  ): Promise<Map<string, AnchorBucket>>;
  /**
   * Makes the appends so far durable and visible to every other reader of the
   * index. Called once a batch is decided, before any of it is passed on.
   */
  flush(): Promise<void>;
}

export const EXACT_PREFIX = 'exact#';
export const exactKey = (fingerprint: string): string => `${EXACT_PREFIX}${fingerprint}`;
// Hashed: a guid or URL may be longer than DynamoDB's 2 KB partition-key limit.
export const itemKey = (outlet: string, identity: string): string => `item#${outlet}|${sha256Hex(identity)}`;

// Hashed like item keys: one record per original uri, listing its published copies.
export const copiesKey = (uri: string): string => `copies#${sha256Hex(uri)}`;

export const DEFAULT_BUCKET_CAPACITY = 8;
