/**
 * The check against server-lite on loopback, every platform with its seeded credentials: server-lite implements
 * the contracts, so no answer may differ (nor a realtime handshake fail), nothing may break the SDK, and only
 * reads (and a login) are sent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkablePlatforms } from "../../src/check/index.ts";
import { platformRegistry } from "../../src/platforms/registry.ts";
import { type LiteWorld, startLiteWorld } from "./lite-world.ts";
import { mutatingProxy } from "./mutating-proxy.ts";

let world: LiteWorld;
beforeAll(async () => {
  world = await startLiteWorld({ listen: true });
});
afterAll(() => world.server.close());

/** The realtime steps each platform's check makes in the seeded world (ClaudeNest's seed has no project to subscribe to). */
const realtimeSteps: Record<string, [string, string][]> = {
  claudenest: [["connect", "ok"]],
  coordinaitor: [
    ["connect", "ok"],
    ["subscribe tasks", "ok"],
  ],
};

describe("checkServer against server-lite", () => {
  it("has a profile for every registered platform", () => {
    expect([...checkablePlatforms].sort()).toEqual(platformRegistry.map((p) => p.id).sort());
  });

  it.each(platformRegistry.map((p) => p.id))("%s: every read matches the contract, read-only", async (platform) => {
    const proxy = mutatingProxy(world.fetch);
    const report = await world.check(platform, { fetch: proxy.fetch });
    expect(report.stopped).toBeUndefined();
    expect(report.outcomes.filter((o) => o.differences.length > 0)).toEqual([]);
    expect(report.breaking).toBe(false);
    expect(report.summary.ok).toBeGreaterThan(3);
    // The two deliberate misses were made and answered as documented.
    expect(report.outcomes.find((o) => o.endpoint.endsWith("(no credentials)"))?.status).toBe("ok");
    expect(report.outcomes.find((o) => o.endpoint.endsWith("(unknown id)"))?.status).toBe("ok");
    const realtime = report.outcomes.filter((o) => o.method === "WS").map((o) => [o.path, o.status]);
    expect(realtime).toEqual(realtimeSteps[platform] ?? []);
    expect(proxy.writes).toEqual([]);
    expect(proxy.requests.filter((r) => r.method !== "GET").length).toBeLessThanOrEqual(1);
  });
});
