/**
 * The realtime handshake as the check reports it, against server-lite on loopback: a connection the server
 * refuses (an unknown Pusher app key) and a channel it will not authorize are `realtime` differences that would
 * break the SDK's watchers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckReport } from "../../src/check/index.ts";
import { checkProfile } from "../../src/platforms/claudenest/check.ts";
import { type LiteWorld, startLiteWorld } from "./lite-world.ts";

let world: LiteWorld;
beforeAll(async () => {
  world = await startLiteWorld({ listen: true });
});
afterAll(() => world.server.close());

const realtimeOutcomes = (report: CheckReport) => report.outcomes.filter((o) => o.method === "WS");

describe("the realtime handshake", () => {
  it("reports a refused connection", async () => {
    const report = await world.check("claudenest", { realtime: { appKey: "not-the-app-key" } });
    const [connect] = realtimeOutcomes(report);
    expect(connect).toMatchObject({ path: "connect", status: "differs", sdk: "throws" });
    expect(connect!.differences).toEqual([
      expect.objectContaining({ kind: "realtime", documented: "a connection", sdk: "throws" }),
    ]);
    expect(report.breaking).toBe(true);
  });

  it("reports a channel the server does not authorize", async () => {
    const realtime = { ...checkProfile.realtime!, channel: () => "private-project.not-mine" };
    const report = await world.check("claudenest", { platform: { ...checkProfile, realtime } });
    expect(realtimeOutcomes(report).map((o) => [o.path, o.status])).toEqual([
      ["connect", "ok"],
      ["subscribe private-project.not-mine", "differs"],
    ]);
    expect(report.breaking).toBe(true);
  });
});
