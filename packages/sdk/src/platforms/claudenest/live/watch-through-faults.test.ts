/**
 * `nest.tasks.watch()` across streams that server-lite's seeded faults cut mid-way or drop at the upgrade: after
 * every reconnection the watcher re-reads the tasks, so each task's final state is delivered whatever was missed.
 */
import { type LiteServer, startNest } from "@agentlane/testing/claudenest-loopback";
import { afterEach, expect, it, vi } from "vitest";
import type { Task } from "../contract/tasks.ts";
import type { TaskWatcher } from "./project-watchers.ts";

let server: LiteServer | undefined;
let watcher: TaskWatcher | undefined;
afterEach(async () => {
  watcher?.close();
  await server?.close();
});

// Reconnections wait on the transport's backoff (20 to 200 ms here); on a busy machine the whole run can take a
// while, so the bound is wide. The test waits on what the watcher saw, never on a time.
it("delivers every task's final state across cut and dropped WebSocket streams", { timeout: 60_000 }, async () => {
  const loopback = await startNest({ platform: "claudenest" });
  server = loopback.server;
  const nest = loopback.client();
  const project = await nest.projects.create({ machine: loopback.machine.id, name: "Web", project_path: "/srv/web" });
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) ids.push((await nest.tasks.create({ project: project.id, title: `Task ${i}` })).id);

  // Only the live connection fails: REST calls go through, so every change happens.
  server.chaos.configure({ rate: 0.5, seed: 5, kinds: ["stream", "drop"], routes: ["/app/**"] });
  const status = new Map<string, string>();
  watcher = nest.tasks.watch(project.id);
  watcher.on("resync", (tasks) => {
    for (const task of tasks) status.set(task.id, task.status);
  });
  const track = ({ task }: { task: Task }) => {
    status.set(task.id, task.status);
  };
  watcher.on("task:claimed", track);
  watcher.on("task:released", track);
  watcher.on("task:completed", track);

  for (const id of ids) {
    await nest.tasks.claim({ id, instance_id: "claude-1" });
    await nest.tasks.complete({ id, instance_id: "claude-1", summary: "done" });
  }
  await vi.waitFor(() => expect(ids.map((id) => status.get(id))).toEqual(ids.map(() => "completed")), {
    timeout: 45_000,
  });
  const { counts } = server.chaos.state();
  expect(counts.stream + counts.drop).toBeGreaterThan(0);
});
