/**
 * The check follows the ids lists answer into the reads that need them, nested (a machine's projects, a project's
 * tasks and locks): against a ClaudeNest world with a machine, a project, a task and a lock, those reads are made
 * and match the contract.
 */
import {
  BASE_URL,
  type LiteServer,
  newUser,
  onlineMachine,
  startServer,
} from "@agentlane/testing/claudenest-in-process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { checkServer } from "../../src/check/index.ts";
import { mutatingProxy } from "./mutating-proxy.ts";

let server: LiteServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

it("reads a machine's projects, a project's tasks and locks, and a task, from ids it was answered", async () => {
  const { nest, token } = await newUser(server);
  const machine = await onlineMachine(server, nest);
  const project = await nest.projects.create({ machine: machine.id, name: "Checked", project_path: "/srv/checked" });
  await nest.tasks.create({ project: project.id, title: "Write the report", priority: "high" });
  await nest.locks.acquire({ project: project.id, path: "src/report.ts", instance_id: "instance_1" });

  const proxy = mutatingProxy((input, init) => server.fetch(new Request(input, init)));
  const report = await checkServer({
    platform: "claudenest",
    baseUrl: BASE_URL,
    credentials: { token },
    fetch: proxy.fetch,
  });

  const statusOf = (endpoint: string) => report.outcomes.find((o) => o.endpoint === endpoint)?.status;
  for (const endpoint of [
    "machines.get",
    "projects.list",
    "projects.get",
    "projects.stats",
    "projects.instances",
    "tasks.list",
    "tasks.get",
    "locks.list",
    "context.get",
  ])
    expect([endpoint, statusOf(endpoint)]).toEqual([endpoint, "ok"]);
  expect(report.outcomes.filter((o) => o.differences.length > 0)).toEqual([]);
  expect(proxy.requests.some((r) => r.path === `/claudenest/api/projects/${project.id}/tasks`)).toBe(true);
  expect(proxy.writes).toEqual([]);
});
