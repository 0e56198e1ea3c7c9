import { type AnchorBucket, appendEntry, type BucketEntry, liveBucket } from './index-store.ts';

/**
 * Anchor buckets in memory: for each anchor value, the latest few stories
 * filed under it, in the order this process learned of them. That order is
 * what settles two similar stories decided at once (near-search.ts,
 * `precedesInFirstSharedAnchor`): a story is in a bucket before another only if
 * it was there when the other was appended.
 */
export class AnchorBuckets {
  readonly #buckets = new Map<string, AnchorBucket>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.#buckets.size;
  }

  /** The live buckets among `pks`; a key with no bucket is left out. */
  read(pks: readonly string[], nowSeconds: number): Map<string, AnchorBucket> {
    const found = new Map<string, AnchorBucket>();
    for (const pk of pks) {
      const bucket = this.#buckets.get(pk);
      if (bucket) found.set(pk, liveBucket(bucket, nowSeconds));
    }
    return found;
  }

  /**
   * Appends the entry to each bucket and returns them as written. `changed` is
   * false when every bucket already held the entry (a redelivery, or a story
   * this process has already read from the log).
   */
  append(
    pks: readonly string[],
    entry: BucketEntry,
    nowSeconds: number,
  ): { written: Map<string, AnchorBucket>; changed: boolean } {
    const written = new Map<string, AnchorBucket>();
    let changed = false;
    for (const pk of pks) {
      const current = this.#buckets.get(pk);
      const next = appendEntry(current, pk, entry, this.capacity, nowSeconds);
      if (next) {
        this.#buckets.set(pk, next);
        changed = true;
      }
      const bucket = next ?? current;
      if (bucket) written.set(pk, liveBucket(bucket, nowSeconds));
    }
    return { written, changed };
  }

  /** Loads a bucket as it is, for benchmarks that fill the index synthetically. */
  preload(bucket: AnchorBucket): void {
    this.#buckets.set(bucket.pk, bucket);
  }

  /** Forgets expired entries and the buckets they leave empty, so memory follows the look-back window. */
  prune(nowSeconds: number): void {
    for (const [pk, bucket] of this.#buckets) {
      const live = liveBucket(bucket, nowSeconds);
      if (live.entries.length === 0) this.#buckets.delete(pk);
      else if (live.entries.length < bucket.entries.length) this.#buckets.set(pk, live);
    }
  }
}
