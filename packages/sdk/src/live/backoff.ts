/**
 * @module
 * Reconnection delays: they grow by a factor from a minimum to a maximum, and each one is drawn at random
 * within a fraction below its nominal value, so that clients dropped together do not return together.
 */

/** Reconnection delays: exponential from `minDelay` to `maxDelay`, with jitter. */
export interface BackoffOptions {
  /**
   * Nominal delay before the first reconnection, in milliseconds.
   * @default 1000
   */
  minDelay?: number;
  /**
   * Largest nominal delay, in milliseconds.
   * @default 10000
   */
  maxDelay?: number;
  /**
   * Growth of the nominal delay per failed attempt.
   * @default 1.3
   */
  factor?: number;
  /**
   * Fraction of each delay drawn at random: a delay is between `(1 - jitter) × nominal` and `nominal`.
   * @default 0.5
   */
  jitter?: number;
  /**
   * A connection that stayed up this long, in milliseconds, resets the delays to the minimum.
   * @default 5000
   */
  minUptime?: number;
}

/** Reconnection delays that grow while connections fail and start over once one has lasted `minUptime`. */
export class Backoff {
  readonly minDelay: number;
  readonly maxDelay: number;
  readonly factor: number;
  readonly jitter: number;
  readonly minUptime: number;
  readonly #random: () => number;
  #attempt = 0;

  constructor(options: BackoffOptions = {}, random: () => number = Math.random) {
    this.minDelay = nonNegative(options.minDelay ?? 1000, "minDelay");
    this.maxDelay = Math.max(this.minDelay, nonNegative(options.maxDelay ?? 10_000, "maxDelay"));
    this.factor = Math.max(1, options.factor ?? 1.3);
    this.jitter = Math.min(1, nonNegative(options.jitter ?? 0.5, "jitter"));
    this.minUptime = nonNegative(options.minUptime ?? 5000, "minUptime");
    this.#random = random;
  }

  /** How many delays were drawn since the last reset. */
  get attempt(): number {
    return this.#attempt;
  }

  /** The delay before the next attempt, in milliseconds; each call counts one attempt. */
  next(): number {
    const nominal = Math.min(this.maxDelay, this.minDelay * this.factor ** this.#attempt);
    this.#attempt++;
    return nominal * (1 - this.jitter * this.#random());
  }

  /** Starts again from the first delay, after a success. */
  reset(): void {
    this.#attempt = 0;
  }
}

/** Waits `ms` milliseconds, or less when `signal` aborts; either way no timer is left behind. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

function nonNegative(value: number, name: string): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`backoff.${name} must be a non-negative number`);
  return value;
}
