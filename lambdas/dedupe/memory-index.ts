import {
  type AnchorBucket,
  appendEntry,
  type BucketEntry,
  DEFAULT_BUCKET_CAPACITY,
  type DedupeIndex,
  type IndexRecord,
  type Lookup,
  liveBucket,
} from './index-store.ts';

/** The same contract in memory: for `syndicate parse`, unit tests and benchmarks at scale. */
export class MemoryDedupeIndex implements DedupeIndex {
  readonly #records = new Map<string, IndexRecord>();
  readonly #buckets = new Map<string, AnchorBucket>();
  readonly bucketCapacity: number;

  constructor(options: { bucketCapacity?: number } = {}) {
    this.bucketCapacity = options.bucketCapacity ?? DEFAULT_BUCKET_CAPACITY;
  }

  get size(): number {
    return this.#records.size;
  }

  get bucketCount(): number {
    return this.#buckets.size;
  }

  #live(pk: string, nowSeconds: number): IndexRecord | undefined {
    const record = this.#records.get(pk);
    return record && record.expiresAt > nowSeconds ? record : undefined;
  }

  async getMany(pks: readonly string[], nowSeconds: number): Promise<Map<string, IndexRecord>> {
    const found = new Map<string, IndexRecord>();
    for (const pk of pks) {
      const record = this.#live(pk, nowSeconds);
      if (record) found.set(pk, record);
    }
    return found;
  }

  async lookup(
    recordKeys: readonly string[],
    bucketKeys: readonly string[],
    nowSeconds: number,
  ): Promise<Lookup> {
    const buckets = new Map<string, AnchorBucket>();
    for (const pk of bucketKeys) {
      const bucket = this.#buckets.get(pk);
      if (bucket) buckets.set(pk, liveBucket(bucket, nowSeconds));
    }
    return { records: await this.getMany(recordKeys, nowSeconds), buckets };
  }

  async claim(record: IndexRecord, nowSeconds: number, replacing?: string): Promise<IndexRecord | undefined> {
    const holder = this.#live(record.pk, nowSeconds);
    if (holder && holder.claimant !== record.claimant && holder.claimant !== replacing) return holder;
    this.#records.set(record.pk, record);
    return undefined;
  }

  async putVersion(record: IndexRecord, nowSeconds: number): Promise<boolean> {
    const current = this.#live(record.pk, nowSeconds);
    if (current && current.version >= record.version && current.claimant !== record.claimant) return false;
    this.#records.set(record.pk, record);
    return true;
  }

  async appendToBuckets(
    pks: readonly string[],
    entry: BucketEntry,
    _seen: ReadonlyMap<string, AnchorBucket>,
    nowSeconds: number,
  ): Promise<Map<string, AnchorBucket>> {
    const written = new Map<string, AnchorBucket>();
    for (const pk of pks) {
      const current = this.#buckets.get(pk);
      const next = appendEntry(current, pk, entry, this.bucketCapacity, nowSeconds);
      if (next) this.#buckets.set(pk, next);
      const bucket = next ?? current;
      if (bucket) written.set(pk, liveBucket(bucket, nowSeconds));
    }
    return written;
  }

  /** Loads a bucket as it is, for benchmarks that fill the index synthetically. */
  preloadBucket(bucket: AnchorBucket): void {
    this.#buckets.set(bucket.pk, bucket);
  }

  /** Loads a record as it is, for benchmarks that fill the index synthetically. */
  preloadRecord(record: IndexRecord): void {
    this.#records.set(record.pk, record);
  }
}
