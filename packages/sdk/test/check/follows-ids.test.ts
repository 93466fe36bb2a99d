/**
 * The check follows the ids lists answer into the reads that need them, nested (a machine's projects, a project's
 * tasks and locks): against a ClaudeNest world with a machine, a project, a task and a lock, those reads are made
 * and match the contract, and the project's private channel is authorized over the realtime connection.
 */
import { newUser, onlineMachine } from "@agentlane/testing/claudenest-in-process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type LiteWorld, startLiteWorld } from "./lite-world.ts";
import { mutatingProxy } from "./mutating-proxy.ts";

let world: LiteWorld;
beforeAll(async () => {
  world = await startLiteWorld({ listen: true });
});
afterAll(() => world.server.close());

it("reads a machine's projects, a project's tasks and locks, and a task, from ids it was answered", async () => {
  const { nest, token } = await newUser(world.server);
  const machine = await onlineMachine(world.server, nest);
  const project = await nest.projects.create({ machine: machine.id, name: "Checked", project_path: "/srv/checked" });
  await nest.tasks.create({ project: project.id, title: "Write the report", priority: "high" });
  await nest.locks.acquire({ project: project.id, path: "src/report.ts", instance_id: "instance_1" });

  const proxy = mutatingProxy(world.fetch);
  const report = await world.check("claudenest", { credentials: { token }, fetch: proxy.fetch });

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
  // The realtime handshake authorized the project's private channel.
  expect(statusOf(`Pusher WebSocket (§13): subscribe private-project.${project.id}`)).toBe("ok");
  expect(proxy.requests.some((r) => r.path === `/claudenest/api/projects/${project.id}/tasks`)).toBe(true);
  expect(proxy.writes).toEqual([]);
});
