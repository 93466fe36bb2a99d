/**
 * @module
 * A real-time timer that settles time-driven state (sync jobs, agent tasks, automatic syncs) a few times a
 * second, so that webhooks fire when a job ends even if nobody reads it. It reads the server clock, so it follows
 * `clock.advance()` too; the timer is unref'd and never keeps a process alive.
 */

/** Calls `tick` every `intervalMs` while started. */
export class Ticker {
  readonly #tick: () => void;
  readonly #intervalMs: number;
  #timer: ReturnType<typeof setInterval> | undefined;
  #onError: (error: unknown) => void = () => {};

  constructor(tick: () => void, intervalMs = 250) {
    this.#tick = tick;
    this.#intervalMs = intervalMs;
  }

  /** Starts ticking; errors go to `onError` (the server's) and never stop the timer. */
  start(onError?: (error: unknown) => void): void {
    if (onError) this.#onError = onError;
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      try {
        this.#tick();
      } catch (error) {
        this.#onError(error);
      }
    }, this.#intervalMs);
    this.#timer.unref?.();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
