import { AnchorBuckets } from './anchor-buckets.ts';
import type { AnchorLog, LoggedStory } from './anchor-log.ts';
import { anchorOfKey } from './anchors.ts';
import {
  type AnchorBucket,
  type BucketEntry,
  DEFAULT_BUCKET_CAPACITY,
  type DedupeIndex,
  type IndexRecord,
  type Lookup,
  type RecordStore,
} from './index-store.ts';

export interface LoggedDedupeIndexOptions {
  /** Exact-body and item records: claimed one at a time, conditionally. */
  readonly records: RecordStore;
  /** Where every instance's new stories meet. */
  readonly log: AnchorLog;
  /** How far back a cold start reads the log: the look-back window. */
  readonly lookbackDays: number;
  /** @default DEFAULT_BUCKET_CAPACITY */
  readonly bucketCapacity?: number;
  /** Milliseconds; injected in tests. @default Date.now */
  readonly clock?: () => number;
}

/**
 * How far back a pass over the overlap reads. A segment is keyed by its
 * writer's clock just before its write, and lands within the write's time
 * (bounded by the function timeout, 30 s by default) plus the writer's clock
 * lag: a segment that lands up to this much after its key is still read.
 */
export const LOG_OVERLAP_MS = 60_000;
/**
 * How often a look-up reads the whole overlap again; in between it reads only
 * what is keyed since the previous read, so the log's read cost follows what
 * was written, not the look-ups times the overlap.
 */
export const LOG_RESCAN_MS = 10_000;
const PRUNE_EVERY_MS = 3_600_000;

/**
 * The dedupe index as deployed: records on DynamoDB, anchor buckets in this
 * instance's memory, kept in step with every other instance through a shared
 * log. A cold start reads the look-back window of the log; each look-up first
 * reads what was logged since (one query, shared by a batch's concurrent
 * look-ups); a batch's new stories are logged in one write when it is
 * decided (`flush`), before anything is passed on.
 *
 * Two similar stories decided at once by two instances: each sees the other
 * only once the other's batch is logged, and a story yields only to one that
 * was in its bucket before its own entry (near-search.ts), so at most one of
 * them yields; if neither has been logged yet when the other looks, both are
 * published as new. That, a missed near copy, is the price of the saved
 * writes; exact copies and versions are still settled by conditional writes.
 */
export class LoggedDedupeIndex implements DedupeIndex {
  readonly #records: RecordStore;
  readonly #log: AnchorLog;
  readonly #buckets: AnchorBuckets;
  readonly #lookbackMs: number;
  readonly #clock: () => number;
  /** Segments already applied here (this instance's own included) that a later read may return again. */
  readonly #applied = new Set<string>();
  #pending: LoggedStory[] = [];
  /** When the last read, and the last pass over the overlap (or the cold start's read), began. */
  #readAt: number | undefined;
  #rescannedAt: number | undefined;
  #reading: Promise<void> | undefined;
  #prunedAt = 0;

  constructor(options: LoggedDedupeIndexOptions) {
    this.#records = options.records;
    this.#log = options.log;
    this.#buckets = new AnchorBuckets(options.bucketCapacity ?? DEFAULT_BUCKET_CAPACITY);
    this.#lookbackMs = options.lookbackDays * 86_400_000;
    this.#clock = options.clock ?? Date.now;
  }

  get bucketCapacity(): number {
    return this.#buckets.capacity;
  }

  /** Anchor values with a bucket in this instance's memory. */
  get bucketCount(): number {
    return this.#buckets.size;
  }

  getMany(pks: readonly string[], nowSeconds: number): Promise<Map<string, IndexRecord>> {
    return this.#records.getMany(pks, nowSeconds);
  }

  claim(record: IndexRecord, nowSeconds: number, replacing?: string): Promise<IndexRecord | undefined> {
    return this.#records.claim(record, nowSeconds, replacing);
  }

  putVersion(record: IndexRecord, nowSeconds: number): Promise<boolean> {
    return this.#records.putVersion(record, nowSeconds);
  }

  noteArrival(record: IndexRecord, nowSeconds: number): Promise<boolean> {
    return this.#records.noteArrival(record, nowSeconds);
  }

  async lookup(
    recordKeys: readonly string[],
    bucketKeys: readonly string[],
    nowSeconds: number,
  ): Promise<Lookup> {
    const [records] = await Promise.all([
      this.#records.getMany(recordKeys, nowSeconds),
      bucketKeys.length > 0 ? this.#catchUp(nowSeconds) : undefined,
    ]);
    return { records, buckets: this.#buckets.read(bucketKeys.map(anchorOfKey), nowSeconds) };
  }

  async appendToBuckets(
    pks: readonly string[],
    entry: BucketEntry,
    _seen: ReadonlyMap<string, AnchorBucket>,
    nowSeconds: number,
  ): Promise<Map<string, AnchorBucket>> {
    const anchors = Uint32Array.from(pks, anchorOfKey);
    // Unchanged: already logged (read from the log) or already pending (a redelivery in this instance).
    if (this.#buckets.append(anchors, entry, nowSeconds)) {
      this.#pending.push({ fingerprint: entry.fingerprint, expiresAt: entry.expiresAt, anchors });
    }
    return this.#buckets.read(anchors, nowSeconds);
  }

  async flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const stories = this.#pending;
    this.#pending = [];
    try {
      // Already in this instance's buckets: read back, an evicted entry would come back as the newest.
      for (const id of await this.#log.write(stories, this.#clock())) this.#applied.add(id);
    } catch (error) {
      // Kept for the next flush: their batch fails and is retried, but another batch may have appended too.
      this.#pending = [...stories, ...this.#pending];
      throw error;
    }
  }

  /** One read of the log at a time; concurrent look-ups share it. */
  #catchUp(nowSeconds: number): Promise<void> {
    this.#reading ??= this.#read(nowSeconds).finally(() => {
      this.#reading = undefined;
    });
    return this.#reading;
  }

  async #read(nowSeconds: number): Promise<void> {
    const started = this.#clock();
    const rescan = this.#rescannedAt === undefined || started - this.#rescannedAt >= LOG_RESCAN_MS;
    const from =
      this.#rescannedAt === undefined
        ? started - this.#lookbackMs
        : rescan
          ? this.#rescannedAt - LOG_OVERLAP_MS
          : (this.#readAt ?? started) - 1_000;
    const segments = await this.#log.readSince(from, started);
    for (const segment of segments) {
      if (this.#applied.has(segment.id)) continue;
      this.#applied.add(segment.id);
      for (const story of segment.stories) {
        this.#buckets.append(
          story.anchors,
          { fingerprint: story.fingerprint, expiresAt: story.expiresAt },
          nowSeconds,
        );
      }
    }
    this.#readAt = started;
    if (rescan) this.#rescannedAt = started;
    // Segment ids start with their time, and no later read starts before the last pass's start minus the
    // overlap: an id older than that is never returned again.
    const earliest = new Date((this.#rescannedAt ?? started) - LOG_OVERLAP_MS).toISOString();
    for (const id of this.#applied) if (id < earliest) this.#applied.delete(id);
    if (started - this.#prunedAt >= PRUNE_EVERY_MS) {
      this.#buckets.prune(nowSeconds);
      this.#prunedAt = started;
    }
  }
}
