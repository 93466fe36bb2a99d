/**
 * CoordinAItor with a reset between cases that keeps the seeded admin: each case logs in as the admin and finds
 * none of the agents an earlier case made.
 *
 * Run it: `npx vitest run examples/testing/coordinaitor.test.ts`.
 */
import { CoordinAItor } from "@agentlane/sdk/coordinaitor";
import { createServer } from "@agentlane/server-lite";
import { afterAll, beforeEach, expect, it } from "vitest";

const server = await createServer({ platform: "coordinaitor", seed: true });
afterAll(() => server.close());
beforeEach(() => server.reset({ keepSeed: true }));

async function admin(): Promise<CoordinAItor> {
  const client = new CoordinAItor({
    baseUrl: "http://lite.test",
    fetch: (input, init) => server.fetch(new Request(input, init)),
  });
  const { email, password } = server.seedInfo.coordinaitor!;
  await client.login({ email: email!, password: password! });
  return client;
}

it.each(["first", "second"])("the %s case starts with no agents", async (name) => {
  const client = await admin();
  expect(await client.agents.list()).toHaveLength(0);
  await client.agents.create({ name: `${name} bot`, type: "coding", maxConcurrentTasks: 1 });
  expect(await client.agents.list()).toHaveLength(1);
});
