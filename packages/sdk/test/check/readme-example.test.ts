/**
 * The SDK README's "Is my server compatible?" example, as written there, run against server-lite on loopback:
 * the typecheck catches an example that no longer compiles, and the run one that no longer works.
 */
import { checkServer, renderReport } from "@agentlane/sdk/check";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { type LiteWorld, startLiteWorld } from "./lite-world.ts";

let world: LiteWorld;
beforeAll(async () => {
  world = await startLiteWorld({ listen: true });
});
afterAll(() => {
  vi.unstubAllEnvs();
  return world.server.close();
});

/** README "Is my server compatible?". */
async function readmeExample() {
  const report = await checkServer({
    platform: "claudenest",
    baseUrl: process.env.CLAUDENEST_URL!,
    credentials: { token: process.env.CLAUDENEST_TOKEN },
  });
  if (report.breaking) throw new Error(renderReport(report, { verbose: false }));
  return report;
}

it("runs the README's example against a server that matches", async () => {
  vi.stubEnv("CLAUDENEST_URL", world.baseUrl("claudenest"));
  vi.stubEnv("CLAUDENEST_TOKEN", world.credentials("claudenest").token!);
  const report = await readmeExample();
  expect(report.summary.ok).toBeGreaterThan(10);
});
