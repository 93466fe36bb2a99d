/**
 * CCJK Cloud on a socket, driven from outside by `liteClient`, as a server started with `agentlane-server --lite`
 * in CI would be: the code under test is shown a rate limit it cannot outwait.
 *
 * Run it: `npx vitest run examples/testing/ccjk.test.ts`.
 */

import { RateLimitError } from "@agentlane/sdk";
import { CCJKCloud } from "@agentlane/sdk/ccjk";
import { createServer } from "@agentlane/server-lite";
import { liteClient } from "@agentlane/server-lite/lite";
import { afterAll, expect, it } from "vitest";

const server = await createServer({ platform: "ccjk", seed: true, lite: true });
const origin = await server.listen(0);
const lite = liteClient(origin);
afterAll(() => server.close());

it("surfaces a rate limit that outlasts the retries as a typed error", async () => {
  const ccjk = new CCJKCloud({ baseUrl: `${origin}/api/v1`, retry: { limit: 2, baseDelay: 0 } });
  await lite.chaos({ rate: 1, kinds: ["429"], routes: ["GET /api/v1/skills"], retryAfter: 0 });
  const error = await ccjk.skills.list({ limit: 3 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RateLimitError);
  expect((await lite.faults()).counts["429"]).toBe(3);
  await lite.chaos({ rate: 0 });
  expect((await ccjk.skills.list({ limit: 3 })).skills).toHaveLength(3);
});
