import { afterEach, describe, expect, it, vi } from "vitest";
import { Backoff, sleep } from "./backoff.ts";

afterEach(() => {
  vi.useRealTimers();
});

describe("Backoff", () => {
  it("grows by the factor from the minimum up to the maximum", () => {
    const backoff = new Backoff({ minDelay: 100, maxDelay: 250, factor: 2, jitter: 0 });
    expect([backoff.next(), backoff.next(), backoff.next(), backoff.next()]).toEqual([100, 200, 250, 250]);
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });

  it("draws every delay at random within the jitter fraction below its nominal value", () => {
    const draws = [0, 1, 0.5];
    const backoff = new Backoff({ minDelay: 1000, factor: 1, jitter: 0.5 }, () => draws.shift()!);
    expect([backoff.next(), backoff.next(), backoff.next()]).toEqual([1000, 500, 750]);
  });

  it("gives different delays to clients dropped together", () => {
    const delays = new Set(Array.from({ length: 20 }, () => new Backoff({ minDelay: 1000 }).next()));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(500);
  });

  it("refuses negative settings", () => {
    expect(() => new Backoff({ minDelay: -1 })).toThrow(RangeError);
  });
});

describe("sleep", () => {
  it("resolves after the delay", async () => {
    vi.useFakeTimers();
    let done = false;
    const waiting = sleep(1000).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);
  });

  it("resolves at once on abort and leaves no timer", async () => {
    vi.useFakeTimers();
    const abort = new AbortController();
    const waiting = sleep(60_000, abort.signal);
    expect(vi.getTimerCount()).toBe(1);
    abort.abort();
    await waiting;
    expect(vi.getTimerCount()).toBe(0);
  });
});
