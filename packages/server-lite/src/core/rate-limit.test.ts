import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type NestHarness, START, startNest } from "../platforms/claudenest/testing/test-nest.ts";
import { Clock } from "./clock.ts";
import { RateLimiter } from "./rate-limit.ts";

/** A login that fails validation: rate limits are counted before anything else runs. */
const cheapLogin = { body: { email: "not-an-email", password: "x" } };

describe("rate limits (§15), with createServer({ rateLimit: true })", () => {
  let h: NestHarness;
  beforeEach(async () => {
    h = await startNest({ rateLimit: true });
  });
  afterEach(() => h.close());

  const limitHeaders = (response: Response) => ({
    limit: response.headers.get("x-ratelimit-limit"),
    remaining: response.headers.get("x-ratelimit-remaining"),
    reset: response.headers.get("x-ratelimit-reset"),
    retryAfter: response.headers.get("retry-after"),
  });

  it("counts logins down in X-RateLimit-* headers and refuses the 11th in a minute with 429 RTE_001", async () => {
    const reset = String((START + 60_000) / 1000);
    for (let i = 1; i <= 10; i++) {
      const response = await h.request("POST", "/auth/login", cheapLogin);
      expect(response.status).toBe(422);
      expect(limitHeaders(response)).toEqual({ limit: "10", remaining: String(10 - i), reset, retryAfter: null });
    }
    h.server.clock.advance(45_000);
    const refused = await h.request("POST", "/auth/login", cheapLogin);
    expect(refused.status).toBe(429);
    expect(limitHeaders(refused)).toEqual({ limit: "10", remaining: "0", reset, retryAfter: "15" });
    expect((await refused.json()).error).toEqual({ code: "RTE_001", message: "Rate limit exceeded" });

    // The SDK sees a RateLimitError (the test clients do not retry).
    await expect(h.client().auth.login({ email: "demo@agentlane.dev", password: "x" })).rejects.toMatchObject({
      name: "RateLimitError",
      status: 429,
      code: "RTE_001",
    });

    h.server.clock.advance(15_000);
    const again = await h.request("POST", "/auth/login", cheapLogin);
    expect(again.status).toBe(422);
    expect(limitHeaders(again)).toMatchObject({ limit: "10", remaining: "9", reset: String((START + 120_000) / 1000) });
  });

  it("shares the auth budget across auth endpoints, apart from pairing's", async () => {
    for (let i = 0; i < 4; i++) await h.request("POST", "/auth/login", cheapLogin);
    for (let i = 0; i < 3; i++) await h.request("POST", "/auth/magic-link", { body: { email: "a@b.co" } });
    for (let i = 0; i < 3; i++) await h.request("GET", "/auth/google/redirect");
    expect((await h.request("POST", "/auth/register", { body: {} })).status).toBe(429);
    expect((await h.request("GET", "/auth/google/callback?code=x")).status).toBe(429);

    const pairing = await h.request("POST", "/pairing/initiate", { body: {} });
    expect(pairing.status).toBe(422);
    expect(limitHeaders(pairing)).toMatchObject({ limit: "10", remaining: "9" });
  });

  it("gives authenticated calls 1000 a minute per user, apart from the auth budget", async () => {
    for (let i = 0; i < 10; i++) await h.request("POST", "/auth/login", cheapLogin);
    const me = await h.request("GET", "/auth/me", { token: h.token });
    expect(me.status).toBe(200);
    expect(limitHeaders(me)).toMatchObject({ limit: "1000", remaining: "999" });
    // A second token of the same user draws on the same budget.
    const second = await h.nest.auth.createToken({ name: "second" });
    const other = await h.request("GET", "/auth/me", { token: second.token });
    expect(limitHeaders(other)).toMatchObject({ limit: "1000", remaining: "997" });
  });

  it("refuses the 1001st authenticated call of a minute", async () => {
    for (let i = 0; i < 1000; i++) {
      const response = await h.request("GET", "/auth/me", { token: h.token });
      if (response.status !== 200) throw new Error(`call ${i + 1} answered ${response.status}`);
    }
    const refused = await h.request("GET", "/auth/me", { token: h.token });
    expect(refused.status).toBe(429);
    expect(limitHeaders(refused)).toMatchObject({ limit: "1000", remaining: "0", retryAfter: "60" });
  });

  it("counts calls with made-up tokens against the address's anonymous budget", async () => {
    for (let i = 0; i < 60; i++) {
      const response = await h.request("GET", "/auth/me", { token: `cn_made_up_${i}` });
      expect(response.status).toBe(401);
    }
    const refused = await h.request("GET", "/auth/me", { token: "cn_made_up_again" });
    expect(refused.status).toBe(429);
    expect(limitHeaders(refused)).toMatchObject({ limit: "60", remaining: "0" });
  });

  it("gives anonymous calls outside the auth and pairing groups 60 a minute", async () => {
    for (let i = 0; i < 60; i++) expect((await h.request("GET", "/health")).status).toBe(200);
    const refused = await h.request("GET", "/health");
    expect(refused.status).toBe(429);
    expect(limitHeaders(refused)).toMatchObject({ limit: "60", remaining: "0" });
  });

  it("is forgotten by reset()", async () => {
    for (let i = 0; i < 10; i++) await h.request("POST", "/auth/login", cheapLogin);
    await h.server.reset();
    expect((await h.request("POST", "/auth/login", cheapLogin)).status).toBe(422);
  });
});

describe("without rateLimit", () => {
  it("sends no rate-limit headers and refuses nothing", async () => {
    const h = await startNest();
    try {
      for (let i = 0; i < 11; i++) {
        const response = await h.request("POST", "/auth/login", cheapLogin);
        expect(response.status).toBe(422);
        expect(response.headers.get("x-ratelimit-limit")).toBeNull();
      }
    } finally {
      await h.close();
    }
  });
});

describe("RateLimiter", () => {
  it("keeps one fixed window per key", () => {
    const clock = new Clock();
    clock.freeze(START);
    const limiter = new RateLimiter(clock, 1000);
    expect(limiter.take("a", 1)).toMatchObject({ allowed: true, remaining: 0 });
    expect(limiter.take("a", 1)).toMatchObject({ allowed: false, remaining: 0, retryAfter: 1 });
    expect(limiter.take("b", 1)).toMatchObject({ allowed: true });
    clock.advance(1000);
    expect(limiter.take("a", 1)).toMatchObject({ allowed: true, reset: (START + 2000) / 1000 });
  });
});
