/**
 * Every platform answers injected `429`, `500`, `502` and `503` faults in its own envelope, with its own codes
 * and headers, on a public endpoint of its contract: the faults are written once, in the pipeline, for all five.
 */
import type { Contract, EndpointSpec } from "@agentlane/sdk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformIds } from "../../platforms/index.ts";
import { createServer, type LiteServer, loadPlatform } from "../../server.ts";

let server: LiteServer;
beforeAll(async () => {
  server = await createServer({});
  server.clock.freeze(Date.parse("2026-03-01T12:00:00Z"));
});
afterAll(() => server.close());

/** A GET of the contract that needs no credentials and no path parameters. */
function publicGet(contract: Contract): EndpointSpec {
  for (const resource of Object.values(contract))
    for (const { spec } of Object.values(resource))
      if (
        spec.method === "GET" &&
        (spec.auth === "none" || spec.auth === "optional") &&
        !spec.path.includes("{") &&
        !spec.stream
      )
        return spec;
  throw new Error("no public GET without parameters");
}

describe.each(platformIds)("%s", (id) => {
  it.each(["429", "500", "502", "503"] as const)('answers "%s" in its envelope', async (kind) => {
    const platform = await loadPlatform(id);
    const spec = publicGet(platform.contract as Contract);
    server.chaos.configure({ rate: 1, kinds: [kind], retryAfter: 3 });
    const requestId = `req-${id}-${kind}`;
    const response = await server.fetch(
      new Request(`http://lite.test${server.bases[id]}${spec.path}`, { headers: { "x-request-id": requestId } }),
    );
    server.chaos.configure({ rate: 0 });
    const { codes } = platform.envelope;
    const code = kind === "429" ? codes.rateLimited : codes.internal;
    expect(response.status).toBe(kind === "429" ? platform.envelope.statusOf(code) : Number(kind));
    const meta = { requestId, timestamp: server.clock.iso() };
    expect(await response.json()).toEqual(platform.envelope.failure(code, expect.any(String), undefined, meta));
    if (kind === "429" || kind === "503") expect(response.headers.get("retry-after")).toBe("3");
    if (kind === "429") {
      const decision = { limit: platform.rateLimits.authenticated, remaining: 0, reset: 0, retryAfter: 3 };
      for (const name of Object.keys(platform.rateLimits.headers?.(decision) ?? {}))
        expect(response.headers.has(name)).toBe(true);
    }
  });
});
