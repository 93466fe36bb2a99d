/**
 * @module
 * The server's clock. Expiry (pairing codes, tokens, locks, rate-limit windows) reads it, so a test moves
 * time with `advance()` instead of sleeping.
 */
export class Clock {
  #offset = 0;
  #frozen: number | undefined;
  readonly #listeners = new Set<() => void>();

  /**
   * Calls `listener` after every `advance()`: what waits for a time on this clock (a retry, a job's next step)
   * looks again. Returns the function that stops listening.
   */
  onAdvance(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Milliseconds since the epoch, as the server sees them. */
  now(): number {
    return this.#frozen ?? Date.now() + this.#offset;
  }

  iso(at = this.now()): string {
    return new Date(at).toISOString();
  }

  /** Moves the clock forward (never back: stored expiries stay consistent). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError("advance() takes a non-negative number of milliseconds");
    if (this.#frozen !== undefined) this.#frozen += ms;
    else this.#offset += ms;
    for (const listener of [...this.#listeners]) listener();
  }

  /** Stops the clock at its current time (or at `at`); `advance()` still moves it. */
  freeze(at = this.now()): void {
    this.#frozen = at;
  }

  unfreeze(): void {
    if (this.#frozen !== undefined) this.#offset = this.#frozen - Date.now();
    this.#frozen = undefined;
  }
}
