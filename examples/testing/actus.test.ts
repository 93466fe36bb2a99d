/**
 * Actus through msw: code that calls `https://actus.example/api` with the global `fetch` is answered by
 * server-lite in-process, and keeps working when the status endpoint fails now and then.
 *
 * Run it: `npx vitest run examples/testing/actus.test.ts`.
 */
import { Actus } from "@agentlane/sdk/actus";
import { createServer } from "@agentlane/server-lite";
import { toMswHandlers } from "@agentlane/server-lite/msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, expect, it } from "vitest";

const server = await createServer({ platform: "actus", seed: true });
const network = setupServer(...toMswHandlers(server, "https://actus.example/api"));
beforeAll(() => network.listen());
afterAll(async () => {
  network.close();
  await server.close();
});

it("signs in and reads the status through 503s and dropped connections", async () => {
  const actus = new Actus({ baseUrl: "https://actus.example/api", retry: { limit: 5, baseDelay: 0 } });
  const { username, password } = server.seedInfo.actus!;
  await actus.auth.signIn({ username: username!, password: password! });
  server.chaos.configure({ rate: 0.5, seed: 2, kinds: ["503", "drop"], routes: ["GET /api/status"] });
  for (let i = 0; i < 5; i++) await expect(actus.status.health()).resolves.toBeDefined();
  expect(server.chaos.state().log.every((fault) => fault.path === "/api/status")).toBe(true);
  expect(server.chaos.state().log.length).toBeGreaterThan(0);
});
