/**
 * ClaudeNest in-process: a scenario (a machine and a project) is built once and restored before each case, and
 * a keyed task creation is checked to happen once through seeded faults.
 *
 * Run it: `npx vitest run examples/testing/claudenest.test.ts`.
 */
import { ClaudeNest } from "@agentlane/sdk/claudenest";
import { createServer, type LiteSnapshot } from "@agentlane/server-lite";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";

const server = await createServer({ platform: "claudenest", seed: true });
const nest = new ClaudeNest({
  baseUrl: "http://lite.test/api",
  token: server.seedInfo.claudenest!.token!,
  fetch: (input, init) => server.fetch(new Request(input, init)),
  retry: { limit: 5, baseDelay: 0 },
});

let scenario: LiteSnapshot;
let projectId: string;
beforeAll(async () => {
  const { machine } = await nest.machines.register({ name: "ci", platform: "linux", hostname: "ci.local" });
  projectId = (await nest.projects.create({ machine: machine.id, name: "App", project_path: "/srv/app" })).id;
  scenario = server.snapshot();
});
beforeEach(() => server.restore(scenario));
afterAll(() => server.close());

it("starts each case from the scenario", async () => {
  await nest.tasks.create({ project: projectId, title: "Write the docs" });
  expect(await nest.tasks.list({ project: projectId })).toHaveLength(1);
});

it("does not see what another case made", async () => {
  expect(await nest.tasks.list({ project: projectId })).toHaveLength(0);
});

it("creates each task once through dropped and lost answers, thanks to idempotency keys", async () => {
  const titles = ["Plan", "Build", "Test", "Ship", "Celebrate"];
  server.chaos.configure({ rate: 0.5, seed: 3, kinds: ["drop", "lost"] });
  try {
    for (const title of titles) await nest.tasks.create({ project: projectId, title }, { idempotencyKey: true });
  } finally {
    server.chaos.configure({ rate: 0 });
  }
  expect(server.chaos.state().counts.lost).toBeGreaterThan(0);
  const stored = await nest.tasks.list({ project: projectId, per_page: 50 });
  expect(stored.map((task) => task.title).sort()).toEqual([...titles].sort());
});
