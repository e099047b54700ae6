/**
 * Values a `--watch` run keeps for the next one, by key: a value the next run uses is kept again,
 * and one it does not use is let go after it (two runs in memory at the most).
 */
export class RunMemo<V> {
  #current = new Map<string, V>();
  #previous = new Map<string, V>();

  /** The value kept under `key` by this run or the last one, kept for the next run too. */
  take(key: string): V | undefined {
    const value = this.#current.get(key) ?? this.#previous.get(key);
    if (value !== undefined) this.#current.set(key, value);
    return value;
  }

  keep(key: string, value: V): void {
    this.#current.set(key, value);
  }

  /** `take(key)`, or `make()`'s value, kept. */
  get(key: string, make: () => V): V {
    const value = this.take(key) ?? make();
    this.#current.set(key, value);
    return value;
  }

  /** Call when a run ends: what it did not use goes when the next one ends. */
  endRun(): void {
    this.#previous = this.#current;
    this.#current = new Map();
  }
}
