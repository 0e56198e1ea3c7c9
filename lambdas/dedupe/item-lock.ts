/**
 * Runs the tasks of one key one after another, in the order they were asked
 * for; tasks of other keys run alongside. The records of one batch are decided
 * in parallel, and two arrivals of one item decided at once would each read the
 * other's version as not yet written: one would lose its conditional write and
 * come back a visibility timeout later. Decided in turn, the second sees the
 * first (and an older arrival after a newer one is told so, item-identity.ts).
 * Hand-written: a map of promise tails is all it takes, no library needed.
 */
export class KeyedSerializer {
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Keys with a task running or waiting. */
  get size(): number {
    return this.#tails.size;
  }

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const before = this.#tails.get(key) ?? Promise.resolve();
    const result = before.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    // The last task of a key removes the key, so the map holds only keys in use.
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
