/**
 * Gathers one value from each record of an SQS batch and hands them to one
 * `flush` call once every record has either offered its value or finished
 * without one (failed, or had nothing to offer). Every offer settles with the
 * flush: a record that offered succeeds only if what it offered was written,
 * so a failed flush fails those records and SQS delivers them again.
 *
 * Why: a stage that records something per item (dedupe's decision reports)
 * would otherwise make one S3 PUT per item; gathered, it makes one per batch.
 */
export class BatchGather<T> {
  readonly #flush: (values: readonly T[]) => Promise<void>;
  readonly #values: T[] = [];
  #outstanding: number;
  #settle: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  readonly #flushed: Promise<void>;

  constructor(records: number, flush: (values: readonly T[]) => Promise<void>) {
    if (!Number.isInteger(records) || records < 0) throw new RangeError('records must be a whole number');
    this.#flush = flush;
    this.#outstanding = records;
    this.#flushed = new Promise<void>((resolve, reject) => {
      this.#settle = { resolve, reject };
    });
    // Offers attach their own handlers; this one only keeps an unobserved rejection from crashing the process.
    this.#flushed.catch(() => undefined);
  }

  /** Adds this record's value; resolves once it has been flushed with the others. */
  offer(value: T): Promise<void> {
    this.#values.push(value);
    this.#arrive();
    return this.#flushed;
  }

  /** This record will not offer a value: the others need not wait for it. */
  skip(): void {
    this.#arrive();
  }

  #arrive(): void {
    if (this.#outstanding <= 0) throw new Error('more records settled than the batch holds');
    this.#outstanding--;
    if (this.#outstanding > 0) return;
    const settle = this.#settle;
    if (this.#values.length === 0) {
      settle?.resolve();
      return;
    }
    this.#flush([...this.#values]).then(
      () => settle?.resolve(),
      (error: unknown) => settle?.reject(error),
    );
  }
}
