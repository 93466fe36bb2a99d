import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { settle } from "../../test/fake-clock.ts";
import type { Hit } from "../../test/fixtures.ts";
import { baseUrl, client, failed, ok, recorder, route, send } from "../../test/fixtures.ts";
import { isConnectionError } from "./errors/connection-error.ts";

// 2026-01-01T00:00:00Z: whole seconds, so epoch-second headers convert exactly.
const NOW = Date.UTC(2026, 0, 1);
const mock = setupServer();

beforeAll(() => mock.listen({ onUnhandledFrame: "error" }));
afterAll(() => mock.close());
beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ["setTimeout", "clearTimeout", "Date"] });
});
afterEach(() => {
  mock.resetHandlers();
  vi.useRealTimers();
});

/** Answers `failures` in turn (status and headers), then 200. */
function answer(failures: Array<{ status: number; headers?: Record<string, string> } | "network">) {
  const rec = recorder();
  mock.use(
    http.all(`${baseUrl}/*`, async ({ request }) => {
      await rec.record(request);
      const next = failures[rec.hits.length - 1];
      if (next === "network") return HttpResponse.error();
      if (next)
        return HttpResponse.json(failed("SRV_001", `failure ${rec.hits.length}`), {
          status: next.status,
          headers: next.headers ?? {},
        });
      return HttpResponse.json(ok({ attempt: rec.hits.length }));
    }),
  );
  return rec.hits;
}

/**
 * The same answers from a `fetch` function instead of msw: msw's request ids come from `Math.random`, so
 * tests that pin the jitter by stubbing it cannot go through msw.
 */
function scripted(failures: Array<{ status: number; headers?: Record<string, string> }>) {
  const rec = recorder();
  const fetch = async (input: Request | URL | string, init?: RequestInit) => {
    await rec.record(new Request(input, init));
    const next = failures[rec.hits.length - 1];
    const body = next ? failed("SRV_001", `failure ${rec.hits.length}`) : ok({ attempt: rec.hits.length });
    return Response.json(body, { status: next?.status ?? 200, headers: next?.headers ?? {} });
  };
  return { hits: rec.hits, fetch };
}

const times = (hits: Hit[]) => hits.map((h) => h.at);

describe("retry schedule", () => {
  it("backs off exponentially with full jitter under the maxDelay cap", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const { hits, fetch } = scripted(Array(5).fill({ status: 503 }));
    const http = client({ fetch, retry: { limit: 5, baseDelay: 100, maxDelay: 1000 } });
    const { value } = await settle(send(http, route("GET")));
    expect(value).toEqual({ attempt: 6 });
    // Delays are random × min(1000, 100·2^(n-1)): 50, 100, 200, 400, then 500 (the cap, not 800).
    expect(times(hits)).toEqual([0, 50, 150, 350, 750, 1250]);
  });

  it("draws each delay at random between zero and the backoff", async () => {
    const random = vi.spyOn(Math, "random").mockReturnValueOnce(0).mockReturnValueOnce(0.75);
    const { hits, fetch } = scripted([{ status: 500 }, { status: 502 }]);
    await settle(send(client({ fetch, retry: { baseDelay: 1000 } }), route("GET")));
    expect(random).toHaveBeenCalledTimes(2);
    expect(times(hits)).toEqual([0, 0, 1500]);
  });

  it("gives up after `limit` retries with the last error", async () => {
    const hits = answer(Array(10).fill({ status: 503 }));
    const { error } = await settle(send(client({ retry: { limit: 2, baseDelay: 0 } }), route("GET")));
    expect(hits).toHaveLength(3);
    expect(error).toMatchObject({ name: "InternalServerError", status: 503, message: "503 SRV_001: failure 3" });
  });

  it("does not retry when the limit is 0, for the client or one call", async () => {
    let hits = answer([{ status: 503 }]);
    await settle(send(client({ retry: 0 }), route("GET")));
    expect(hits).toHaveLength(1);
    mock.resetHandlers();
    hits = answer([{ status: 503 }]);
    await settle(send(client(), route("GET"), undefined, { retry: 0 }));
    expect(hits).toHaveLength(1);
  });

  it.each([408, 429, 500, 502, 503, 504])("retries a %i", async (status) => {
    const hits = answer([{ status }]);
    const { value } = await settle(send(client(), route("GET")));
    expect(value).toEqual({ attempt: 2 });
    expect(hits).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 409, 410, 422, 501])("does not retry a %i", async (status) => {
    const hits = answer([{ status }]);
    const { error } = await settle(send(client(), route("GET")));
    expect(error).toMatchObject({ status });
    expect(hits).toHaveLength(1);
  });

  it("retries the statuses the caller lists", async () => {
    const hits = answer([{ status: 409 }, { status: 409 }]);
    const { value } = await settle(send(client({ retry: { statusCodes: [409] } }), route("GET")));
    expect(value).toEqual({ attempt: 3 });
    expect(hits).toHaveLength(3);
  });

  it("retries a network error of an idempotent request", async () => {
    const hits = answer(["network", "network"]);
    const { value } = await settle(send(client(), route("GET")));
    expect(value).toEqual({ attempt: 3 });
    expect(hits).toHaveLength(3);
  });
});

describe("server-directed delays", () => {
  it("waits the seconds of Retry-After, without jitter", async () => {
    const hits = answer([
      { status: 429, headers: { "retry-after": "2" } },
      { status: 503, headers: { "retry-after": "0" } },
    ]);
    await settle(send(client(), route("GET")));
    expect(times(hits)).toEqual([0, 2000, 2000]);
  });

  it("waits until the HTTP-date of Retry-After", async () => {
    const at = new Date(NOW + 3000).toUTCString();
    const hits = answer([{ status: 503, headers: { "retry-after": at } }]);
    await settle(send(client(), route("GET")));
    expect(times(hits)).toEqual([0, 3000]);
  });

  it("waits until X-RateLimit-Reset (epoch seconds) when there is no Retry-After", async () => {
    const reset = String(NOW / 1000 + 4);
    const hits = answer([{ status: 429, headers: { "x-ratelimit-reset": reset, "x-ratelimit-remaining": "0" } }]);
    await settle(send(client(), route("GET")));
    expect(times(hits)).toEqual([0, 4000]);
  });

  it("prefers Retry-After over X-RateLimit-Reset", async () => {
    const reset = String(NOW / 1000 + 30);
    const hits = answer([{ status: 429, headers: { "retry-after": "1", "x-ratelimit-reset": reset } }]);
    await settle(send(client(), route("GET")));
    expect(times(hits)).toEqual([0, 1000]);
  });

  it("clamps a server-directed delay to maxRetryAfter", async () => {
    const hits = answer([
      { status: 429, headers: { "retry-after": "120" } },
      { status: 503, headers: { "retry-after": new Date(NOW + 3_600_000).toUTCString() } },
    ]);
    await settle(send(client({ retry: { maxRetryAfter: 5000 } }), route("GET")));
    expect(times(hits)).toEqual([0, 5000, 10_000]);
  });

  it("ignores Retry-After on a status other than 429 and 503 and backs off instead", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const { hits, fetch } = scripted([{ status: 500, headers: { "retry-after": "30" } }]);
    await settle(send(client({ fetch, retry: { baseDelay: 100 } }), route("GET")));
    expect(times(hits)).toEqual([0, 50]);
  });

  it("falls back to backoff when Retry-After cannot be read", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const { hits, fetch } = scripted([{ status: 503, headers: { "retry-after": "soon" } }]);
    await settle(send(client({ fetch, retry: { baseDelay: 100 } }), route("GET")));
    expect(times(hits)).toEqual([0, 50]);
  });
});

describe("which methods are retried", () => {
  it.each(["GET", "PUT", "DELETE"] as const)("retries %s", async (method) => {
    const hits = answer([{ status: 503 }, "network"]);
    await settle(send(client(), route(method), { name: "x" }));
    expect(hits.map((h) => h.method)).toEqual([method, method, method]);
  });

  it.each(["POST", "PATCH"] as const)("does not retry a %s without an Idempotency-Key", async (method) => {
    const hits = answer([{ status: 503 }]);
    const { error } = await settle(send(client(), route(method), { name: "x" }));
    expect(error).toMatchObject({ status: 503 });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.headers.get("idempotency-key")).toBeNull();
  });

  it("does not retry a network error of a POST without an Idempotency-Key", async () => {
    const hits = answer(["network"]);
    const { error } = await settle(send(client(), route("POST"), { name: "x" }));
    expect(isConnectionError(error)).toBe(true);
    expect(hits).toHaveLength(1);
  });

  it.each(["POST", "PATCH"] as const)(
    "retries a %s that sends an Idempotency-Key, with the same key",
    async (method) => {
      const hits = answer([{ status: 503 }, "network"]);
      const { value } = await settle(
        send(client({ retry: { baseDelay: 0 } }), route(method), { name: "x" }, { idempotencyKey: "key-1" }),
      );
      expect(value).toEqual({ attempt: 3 });
      expect(hits.map((h) => [h.method, h.headers.get("idempotency-key"), h.body])).toEqual(
        Array(3).fill([method, "key-1", '{"name":"x"}']),
      );
    },
  );

  it("generates one key for `idempotencyKey: true` and sends it on every attempt", async () => {
    const hits = answer([{ status: 502 }, { status: 502 }]);
    await settle(send(client(), route("POST"), { name: "x" }, { idempotencyKey: true }));
    const keys = hits.map((h) => h.headers.get("idempotency-key"));
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it("gives every POST a key with `idempotencyKeys: true`, one per call, and retries it", async () => {
    const hits = answer([{ status: 503 }]);
    const http = client({ idempotencyKeys: true });
    await settle(send(http, route("POST"), { name: "x" }));
    await settle(send(http, route("POST"), { name: "y" }));
    const keys = hits.map((h) => h.headers.get("idempotency-key"));
    expect(keys).toHaveLength(3);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("does not add keys to PATCH with `idempotencyKeys: true` (only POSTs)", async () => {
    const hits = answer([{ status: 503 }]);
    await settle(send(client({ idempotencyKeys: true }), route("PATCH"), { name: "x" }));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.headers.get("idempotency-key")).toBeNull();
  });
});
