import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CCJKHarness, START, startCCJK } from "../testing/harness.ts";

let h: CCJKHarness;
beforeEach(async () => {
  h = await startCCJK({ rateLimit: true });
});
afterEach(async () => {
  await h.close();
  expect(h.unexpected).toEqual([]);
});

const limits = (r: Response) => ({
  limit: r.headers.get("x-ratelimit-limit"),
  remaining: r.headers.get("x-ratelimit-remaining"),
  reset: r.headers.get("x-ratelimit-reset"),
  resetIn: r.headers.get("x-ratelimit-reset-inseconds"),
  retryAfter: r.headers.get("retry-after"),
  ccjkRetryAfter: r.headers.get("x-ratelimit-retry-after"),
});

describe("§3 rate limits by plan", () => {
  it("Free: the hourly quota in the headers, 60 a minute, then 429 with both Retry-After headers", async () => {
    const { key } = h.account("free");
    const first = await h.request("GET", "/skills/categories", { token: key });
    expect(limits(first)).toEqual({
      limit: "1000",
      remaining: "999",
      reset: String((START + 3_600_000) / 1000),
      resetIn: "3600",
      retryAfter: null,
      ccjkRetryAfter: null,
    });
    h.server.clock.advance(300_000);
    for (let i = 1; i <= 60; i++) await h.request("GET", "/skills/categories", { token: key });
    h.server.clock.advance(15_000);
    const refused = await h.request("GET", "/skills/categories", { token: key });
    expect(refused.status).toBe(429);
    expect(limits(refused)).toMatchObject({ limit: "60", remaining: "0", retryAfter: "45", ccjkRetryAfter: "45" });
    expect((await refused.json()).error).toMatchObject({
      code: "RATE_LIMITED",
      messageZh: expect.stringContaining("速率限制"),
    });

    h.server.clock.advance(45_000);
    const again = await h.request("GET", "/skills/categories", { token: key });
    expect(again.status).toBe(200);
    // The refused request counted in the hour too (62 so far).
    expect(limits(again)).toMatchObject({ limit: "1000", remaining: "937", resetIn: "3240" });
  });

  it("Pro and Enterprise: their own quotas, apart from other accounts'", async () => {
    const pro = await h.request("GET", "/agents", { token: h.account("pro").key });
    expect(limits(pro)).toMatchObject({ limit: "10000", remaining: "9999" });
    const enterprise = await h.request("GET", "/agents", { token: h.account("enterprise").key });
    expect(limits(enterprise)).toMatchObject({ limit: "1000", remaining: "999", resetIn: "60" });
  });

  it("anonymous browsing: 100 an hour per address", async () => {
    for (let i = 0; i < 100; i++) expect((await h.request("GET", "/plugins")).status).toBe(200);
    const refused = await h.request("GET", "/mcp/services");
    expect(refused.status).toBe(429);
    expect(limits(refused)).toMatchObject({ limit: "100", retryAfter: "3600", ccjkRetryAfter: "3600" });
    // A key has a budget of its own.
    expect((await h.request("GET", "/plugins", { token: h.account().key })).status).toBe(200);
  });

  it("the SDK waits for Retry-After on 429 and repeats the call, as the document's retry snippet does", async () => {
    const { key } = h.account("free");
    for (let i = 0; i < 60; i++) await h.request("GET", "/skills/categories", { token: key });
    h.server.clock.advance(59_000); // one second left in the minute
    const statuses: number[] = [];
    const ccjk = h.client(key, {
      retry: { limit: 2 },
      fetch: async (input, init) => {
        const response = await h.server.fetch(new Request(input, init));
        statuses.push(response.status);
        // While the client waits the second it was told to, the server's minute passes.
        if (response.status === 429) setTimeout(() => h.server.clock.advance(1000), 50);
        return response;
      },
    });
    const { categories } = await ccjk.skills.categories();
    expect(categories.length).toBeGreaterThan(0);
    expect(statuses).toEqual([429, 200]);
  });
});
