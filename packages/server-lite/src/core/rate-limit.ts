/**
 * @module
 * Fixed-window rate limits on the server clock, with the `X-RateLimit-*` headers the platforms document.
 */
import type { Clock } from "./clock.ts";

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch seconds when the window resets. */
  reset: number;
  /** Seconds until a refused caller may try again. */
  retryAfter: number;
}

export class RateLimiter {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();

  readonly clock: Clock;
  readonly windowMs: number;

  constructor(clock: Clock, windowMs: number) {
    this.clock = clock;
    this.windowMs = windowMs;
  }

  /** Counts one request against `key`'s window (of `windowMs`, else the limiter's default). */
  take(key: string, limit: number, windowMs = this.windowMs): RateDecision {
    const now = this.clock.now();
    let window = this.#windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.#windows.set(key, window);
      if (this.#windows.size > 50_000) this.#sweep(now);
    }
    const allowed = window.count < limit;
    if (allowed) window.count++;
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - window.count),
      reset: Math.ceil(window.resetAt / 1000),
      retryAfter: Math.max(1, Math.ceil((window.resetAt - now) / 1000)),
    };
  }

  #sweep(now: number): void {
    for (const [key, w] of this.#windows) if (w.resetAt <= now) this.#windows.delete(key);
  }

  clear(): void {
    this.#windows.clear();
  }
}

export function rateLimitHeaders(d: RateDecision): Record<string, string> {
  const headers: Record<string, string> = {
    "x-ratelimit-limit": String(d.limit),
    "x-ratelimit-remaining": String(d.remaining),
    "x-ratelimit-reset": String(d.reset),
  };
  if (!d.allowed) headers["retry-after"] = String(d.retryAfter);
  return headers;
}
