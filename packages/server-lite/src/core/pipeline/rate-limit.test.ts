import { describe, expect, it } from "vitest";
import { Clock } from "../clock.ts";
import { Failure } from "../failure.ts";
import { RateLimiter } from "../rate-limit.ts";
import { rateLimit } from "./rate-limit.ts";
import type { RequestState } from "./state.ts";

/** The parts of a request's state the rate-limit step reads. */
function stateFor(limiter: RateLimiter, caller: { key: string; plan?: string; anonymous?: boolean }): RequestState {
  return {
    route: {
      rateLimiter: limiter,
      spec: { auth: "user" },
      platform: {
        id: "acme",
        envelope: { codes: { rateLimited: "SLOW_DOWN" } },
        rateLimits: {
          groups: {},
          authenticated: 5,
          anonymous: 1,
          windowMs: 60_000,
          callerLimit: (c: { plan?: string }) =>
            c.plan === "pro"
              ? { limit: 2, windowMs: 3_600_000 }
              : c.plan === "free"
                ? [
                    { limit: 3, windowMs: 3_600_000 },
                    { limit: 1, windowMs: 60_000 },
                  ]
                : undefined,
        },
      },
    },
    credentials: { address: "10.0.0.1" },
    caller,
    refused: undefined,
    headers: undefined,
  } as unknown as RequestState;
}

const ok = async () => new Response(null, { status: 204 });

describe("the rate-limit step", () => {
  it("counts a caller in its own limit and window when the platform's callerLimit gives one", async () => {
    const clock = new Clock();
    clock.freeze(1_700_000_000_000);
    const limiter = new RateLimiter(clock, 60_000);
    const pro = { key: "account:1", plan: "pro" };
    const first = stateFor(limiter, pro);
    await rateLimit(first, ok);
    expect(first.headers).toMatchObject({ "x-ratelimit-limit": "2", "x-ratelimit-remaining": "1" });
    expect(first.headers!["x-ratelimit-reset"]).toBe(String((1_700_000_000_000 + 3_600_000) / 1000));
    await rateLimit(stateFor(limiter, pro), ok);
    expect(() => rateLimit(stateFor(limiter, pro), ok)).toThrow(Failure);

    // A caller the hook leaves alone keeps the platform's `authenticated` limit and window.
    const other = stateFor(limiter, { key: "account:2" });
    await rateLimit(other, ok);
    expect(other.headers).toMatchObject({ "x-ratelimit-limit": "5", "x-ratelimit-remaining": "4" });
    expect(other.headers!["x-ratelimit-reset"]).toBe(String((1_700_000_000_000 + 60_000) / 1000));
  });

  it("with several windows, describes the first and refuses with the one that is spent", async () => {
    const clock = new Clock();
    clock.freeze(1_700_000_000_000);
    const limiter = new RateLimiter(clock, 60_000);
    const free = { key: "account:3", plan: "free" };
    const first = stateFor(limiter, free);
    await rateLimit(first, ok);
    expect(first.headers).toMatchObject({ "x-ratelimit-limit": "3", "x-ratelimit-remaining": "2" });

    clock.advance(20_000);
    const refused = stateFor(limiter, free);
    expect(() => rateLimit(refused, ok)).toThrow(Failure);
    expect(refused.headers).toMatchObject({
      "x-ratelimit-limit": "1",
      "x-ratelimit-remaining": "0",
      "retry-after": "40",
    });

    clock.advance(40_000);
    const next = stateFor(limiter, free);
    await rateLimit(next, ok);
    expect(next.headers).toMatchObject({ "x-ratelimit-limit": "3", "x-ratelimit-remaining": "0" });
  });

  it("counts a caller without credentials per address, in the anonymous budget", async () => {
    const clock = new Clock();
    const limiter = new RateLimiter(clock, 60_000);
    const first = stateFor(limiter, { key: "ip:10.0.0.1", anonymous: true });
    await rateLimit(first, ok);
    expect(first.headers).toMatchObject({ "x-ratelimit-limit": "1" });
    expect(() => rateLimit(stateFor(limiter, { key: "ip:10.0.0.1", anonymous: true }), ok)).toThrow(Failure);
  });
});
