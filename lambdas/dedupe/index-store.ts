/**
 * The index of earlier reports, as the dedupe decision sees it. Two kinds of
 * record, each under its own key:
 *  - `exact#{fingerprint}`: who first reported this exact body;
 *  - `item#{outlet|identity}`: the latest version of one outlet's item.
 * Writes are conditional so that of two concurrent copies exactly one becomes
 * "first"; a claimant may re-write its own record, which makes a redelivered
 * message idempotent.
 */
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
}

export interface DedupeIndex {
  /** Looks up several keys in one round trip; expired records are treated as absent. */
  getMany(pks: readonly string[], nowSeconds: number): Promise<Map<string, IndexRecord>>;
  /** Writes the record unless another claimant holds the key; returns the holder when it lost. */
  claim(record: IndexRecord, nowSeconds: number): Promise<IndexRecord | undefined>;
  /** Writes an item's record if its version is newer than the stored one, or it is the same claimant's. */
  putVersion(record: IndexRecord, nowSeconds: number): Promise<boolean>;
}

export const exactKey = (fingerprint: string): string => `exact#${fingerprint}`;
export const itemKey = (outlet: string, identity: string): string => `item#${outlet}|${identity}`;
