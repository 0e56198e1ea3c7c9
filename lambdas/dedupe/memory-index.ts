import type { DedupeIndex, IndexRecord } from './index-store.ts';

/** The same contract in memory: for `syndicate parse`, unit tests and benchmarks at scale. */
export class MemoryDedupeIndex implements DedupeIndex {
  readonly #records = new Map<string, IndexRecord>();

  get size(): number {
    return this.#records.size;
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

  async claim(record: IndexRecord, nowSeconds: number): Promise<IndexRecord | undefined> {
    const holder = this.#live(record.pk, nowSeconds);
    if (holder && holder.claimant !== record.claimant) return holder;
    this.#records.set(record.pk, record);
    return undefined;
  }

  async putVersion(record: IndexRecord, nowSeconds: number): Promise<boolean> {
    const current = this.#live(record.pk, nowSeconds);
    if (current && current.version >= record.version && current.claimant !== record.claimant) return false;
    this.#records.set(record.pk, record);
    return true;
  }
}
