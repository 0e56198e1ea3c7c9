import { AnchorBuckets } from './anchor-buckets.ts';
import { anchorOfKey } from './anchors.ts';
import {
  type AnchorBucket,
  type BucketEntry,
  DEFAULT_BUCKET_CAPACITY,
  type DedupeIndex,
  type IndexRecord,
  type Lookup,
} from './index-store.ts';

/** The same contract in memory: for `syndicate parse`, unit tests and benchmarks at scale. */
export class MemoryDedupeIndex implements DedupeIndex {
  readonly #records = new Map<string, IndexRecord>();
  readonly #buckets: AnchorBuckets;

  constructor(options: { bucketCapacity?: number } = {}) {
    this.#buckets = new AnchorBuckets(options.bucketCapacity ?? DEFAULT_BUCKET_CAPACITY);
  }

  get bucketCapacity(): number {
    return this.#buckets.capacity;
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
    return {
      records: await this.getMany(recordKeys, nowSeconds),
      buckets: this.#buckets.read(bucketKeys.map(anchorOfKey), nowSeconds),
    };
  }

  async claim(record: IndexRecord, nowSeconds: number, replacing?: string): Promise<IndexRecord | undefined> {
    const holder = this.#live(record.pk, nowSeconds);
    if (holder && holder.claimant !== record.claimant && holder.claimant !== replacing) return holder;
    this.#records.set(record.pk, record);
    return undefined;
  }

  async putVersion(record: IndexRecord, nowSeconds: number): Promise<boolean> {
    const current = this.#live(record.pk, nowSeconds);
    if (current && current.claimant !== record.claimant) {
      if (current.version >= record.version) return false;
      if (current.lastArrival && record.lastArrival && current.lastArrival > record.lastArrival) return false;
    }
    this.#records.set(record.pk, record);
    return true;
  }

  async noteArrival(record: IndexRecord, nowSeconds: number): Promise<boolean> {
    const current = this.#live(record.pk, nowSeconds);
    if (!current || current.version !== record.version) return false;
    if (current.lastArrival && record.lastArrival && current.lastArrival > record.lastArrival) return false;
    this.#records.set(record.pk, {
      ...current,
      ...(record.lastArrival ? { lastArrival: record.lastArrival } : {}),
    });
    return true;
  }

  async appendToBuckets(
    pks: readonly string[],
    entry: BucketEntry,
    _seen: ReadonlyMap<string, AnchorBucket>,
    nowSeconds: number,
  ): Promise<Map<string, AnchorBucket>> {
    const anchors = pks.map(anchorOfKey);
    this.#buckets.append(anchors, entry, nowSeconds);
    return this.#buckets.read(anchors, nowSeconds);
  }

  /** Nothing to make durable: this index lives and dies with its process. */
  async flush(): Promise<void> {}

  /** Loads a bucket as it is, for benchmarks that fill the index synthetically. */
  preloadBucket(bucket: AnchorBucket): void {
    this.#buckets.preload(bucket);
  }

  /** Loads a record as it is, for benchmarks that fill the index synthetically. */
  preloadRecord(record: IndexRecord): void {
    this.#records.set(record.pk, record);
  }
}
