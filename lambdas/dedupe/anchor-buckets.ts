import { anchorKey, anchorOfKey } from './anchors.ts';
import type { AnchorBucket, BucketEntry } from './index-store.ts';

/** Most anchors hold one story: kept bare instead of in an array of one, which halves the memory. */
type Slot = BucketEntry | BucketEntry[];

const entriesOf = (slot: Slot): BucketEntry[] => (Array.isArray(slot) ? slot : [slot]);

/**
 * Anchor buckets in memory: for each anchor value, the latest few stories
 * filed under it, in the order this process learned of them. That order is
 * what settles two similar stories decided at once (near-search.ts,
 * `precedesInFirstSharedAnchor`): a story is in a bucket before another only if
 * it was there when the other was appended. A cold start files every story of
 * the look-back window, so buckets are keyed by the anchor's number (not its
 * index key) and changed in place; readers get copies, so what they hold never
 * changes under them.
 */
export class AnchorBuckets {
  readonly #slots = new Map<number, Slot>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.#slots.size;
  }

  /** The live buckets of these anchors, by index key, as copies; an anchor with no live entry is left out. */
  read(anchors: Iterable<number>, nowSeconds: number): Map<string, AnchorBucket> {
    const found = new Map<string, AnchorBucket>();
    for (const anchor of anchors) {
      const slot = this.#slots.get(anchor);
      if (!slot) continue;
      const entries = entriesOf(slot).filter((e) => e.expiresAt > nowSeconds);
      if (entries.length > 0) found.set(anchorKey(anchor), { pk: anchorKey(anchor), entries });
    }
    return found;
  }

  /**
   * Files the entry under each anchor, last, dropping expired entries and,
   * past capacity, the oldest. False when every bucket already held it (a
   * redelivery, or a story this process has already read from the log): it
   * keeps its place, so the order of arrivals stays stable.
   */
  append(anchors: Iterable<number>, entry: BucketEntry, nowSeconds: number): boolean {
    let changed = false;
    for (const anchor of anchors) {
      const slot = this.#slots.get(anchor);
      if (slot === undefined) {
        this.#slots.set(anchor, entry);
        changed = true;
        continue;
      }
      const entries = entriesOf(slot);
      if (entries.some((e) => e.fingerprint === entry.fingerprint)) continue;
      const kept = entries.filter((e) => e.expiresAt > nowSeconds);
      kept.push(entry);
      if (kept.length > this.capacity) kept.splice(0, kept.length - this.capacity);
      this.#slots.set(anchor, kept.length === 1 ? entry : kept);
      changed = true;
    }
    return changed;
  }

  /** Loads a bucket as it is, for benchmarks that fill the index synthetically. */
  preload(bucket: AnchorBucket): void {
    this.#slots.set(anchorOfKey(bucket.pk), [...bucket.entries]);
  }

  /** Forgets expired entries and the buckets they leave empty, so memory follows the look-back window. */
  prune(nowSeconds: number): void {
    for (const [anchor, slot] of this.#slots) {
      const entries = entriesOf(slot);
      const live = entries.filter((e) => e.expiresAt > nowSeconds);
      if (live.length === 0) this.#slots.delete(anchor);
      else if (live.length < entries.length)
        this.#slots.set(anchor, live.length === 1 ? (live[0] as BucketEntry) : live);
    }
  }
}
