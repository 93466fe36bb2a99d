import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "@agentlane/testing/claudenest-in-process";
import { handlesBackTo, type LiteServer, settledHandles, startNest } from "@agentlane/testing/claudenest-loopback";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ClaudeNest } from "../client.ts";
import { contract } from "../contract/index.ts";
import type { Lock } from "../contract/locks.ts";
import type { Task } from "../contract/tasks.ts";
import type { LockWatcher, TaskWatcher } from "./project-watchers.ts";

/** Live conditions wait this long: a subscription authorizes every channel naming first, on a loaded machine. */
const LIVE = { timeout: 10_000, interval: 10 };

const servers: LiteServer[] = [];
const closers: Array<{ close(): void }> = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const closer of closers.splice(0)) closer.close();
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startNest>[0] = {}, port = 0) {
  const loopback = await startNest(options, port);
  servers.push(loopback.server);
  const nest = loopback.client();
  const project = await nest.projects.create({ machine: loopback.machine.id, name: "Web", project_path: "/srv/web" });
  return { loopback, nest, project };
}

/** Records a watcher's events in order. */
function record<W extends TaskWatcher | LockWatcher>(watcher: W, events: readonly string[]) {
  closers.push(watcher);
  const seen: Array<{ event: string; data: any }> = [];
  for (const event of ["resync", ...events]) (watcher as any).on(event, (data: unknown) => seen.push({ event, data }));
  return seen;
}

const TASK_EVENTS = ["task:claimed", "task:released", "task:completed"];
const LOCK_EVENTS = ["file:locked", "file:unlocked"];

describe("nest.tasks.watch and nest.locks.watch", () => {
  it("emit the current list, then the events REST calls cause, each watcher only its own", async () => {
    const { nest, project } = await start();
    const first = await nest.tasks.create({ project: project.id, title: "Schema" });
    const tasks = record(nest.tasks.watch(project.id), TASK_EVENTS);
    const locks = record(nest.locks.watch(project.id), LOCK_EVENTS);
    await vi.waitFor(() => expect(tasks.length + locks.length).toBe(2), LIVE);
    expect(tasks).toEqual([{ event: "resync", data: [expect.objectContaining({ id: first.id, status: "pending" })] }]);
    expect(locks).toEqual([{ event: "resync", data: [] }]);

    await nest.tasks.claim({ id: first.id, instance_id: "claude-1" });
    await nest.locks.acquire({ project: project.id, path: "db/schema.sql", instance_id: "claude-1", reason: "x" });
    await nest.tasks.release({ id: first.id, instance_id: "claude-1", reason: "later" });
    await nest.tasks.claim({ id: first.id, instance_id: "claude-2" });
    await nest.tasks.complete({ id: first.id, instance_id: "claude-2", summary: "done" });
    await nest.locks.release({ project: project.id, path: "db/schema.sql", instance_id: "claude-1" });
    await nest.projects.broadcast({ id: project.id, type: "note", content: "hello" });

    await vi.waitFor(() => expect(tasks).toHaveLength(5), LIVE);
    await vi.waitFor(() => expect(locks).toHaveLength(3), LIVE);
    expect(tasks.slice(1)).toEqual([
      { event: "task:claimed", data: { task: expect.objectContaining({ id: first.id }), instanceId: "claude-1" } },
      { event: "task:released", data: { task: expect.objectContaining({ status: "pending" }), reason: "later" } },
      { event: "task:claimed", data: { task: expect.objectContaining({ id: first.id }), instanceId: "claude-2" } },
      { event: "task:completed", data: { task: expect.objectContaining({ status: "completed" }), summary: "done" } },
    ]);
    expect(locks.slice(1)).toEqual([
      { event: "file:locked", data: { path: "db/schema.sql", lockedBy: "claude-1", reason: "x" } },
      { event: "file:unlocked", data: { path: "db/schema.sql" } },
    ]);
  });

  it("reads every page of tasks on resync", async () => {
    const { nest, project } = await start();
    for (let i = 0; i < 130; i++) await nest.tasks.create({ project: project.id, title: `Task ${i}` });
    const watcher = nest.tasks.watch(project.id);
    closers.push(watcher);
    const all = await new Promise<Task[]>((resolve) => watcher.once("resync", resolve));
    expect(all.map((t) => t.title)).toEqual(Array.from({ length: 130 }, (_, i) => `Task ${i}`));
  });

  it("show the final state after a server restart on the same SQLite file, changed while they were away", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nest-watch-"));
    dirs.push(dir);
    const db = join(dir, "nest.db");
    const { loopback, nest, project } = await start({ db });
    const port = Number(new URL(loopback.url).port);
    const task = await nest.tasks.create({ project: project.id, title: "Ship" });
    // Over the socket (not in-process): its REST calls must reach whichever server listens on the port.
    const remote = new ClaudeNest({
      baseUrl: loopback.baseUrl,
      token: loopback.token,
      validate: { contract },
      retry: 0,
      realtime: { backoff: { minDelay: 20, maxDelay: 200 } },
    });
    const tasks = remote.tasks.watch(project.id);
    const locks = remote.locks.watch(project.id);
    const taskLog = record(tasks, TASK_EVENTS);
    const lockLog = record(locks, LOCK_EVENTS);
    await vi.waitFor(() => expect(taskLog.length + lockLog.length).toBe(2), LIVE);
    await nest.tasks.claim({ id: task.id, instance_id: "claude-1" });
    await vi.waitFor(() => expect(taskLog.at(-1)?.event).toBe("task:claimed"), LIVE);

    await loopback.server.close();
    servers.splice(servers.indexOf(loopback.server), 1);
    await vi.waitFor(() => expect([tasks.status, locks.status]).toEqual(["reconnecting", "reconnecting"]), LIVE);

    // A second server on the same file changes the state before it listens: no event will tell.
    const second = await createServer({ db });
    servers.push(second);
    const offline = new ClaudeNest({
      baseUrl: `http://lite.test${second.bases.claudenest}`,
      token: loopback.token,
      fetch: (input, init) => second.fetch(new Request(input, init)),
      validate: { contract },
      retry: 0,
    });
    await offline.tasks.complete({ id: task.id, instance_id: "claude-1", summary: "shipped" });
    await offline.locks.acquire({ project: project.id, path: "README.md", instance_id: "claude-2" });
    await second.listen(port);

    await vi.waitFor(() => expect([tasks.status, locks.status]).toEqual(["connected", "connected"]), {
      timeout: 10_000,
    });
    const lastTasks = taskLog.at(-1)!;
    expect(lastTasks.event).toBe("resync");
    expect(lastTasks.data as Task[]).toEqual([
      expect.objectContaining({ id: task.id, status: "completed", completion_summary: "shipped" }),
    ]);
    const lastLocks = lockLog.at(-1)!;
    expect(lastLocks.event).toBe("resync");
    expect((lastLocks.data as Lock[]).map((l) => [l.path, l.locked_by])).toEqual([["README.md", "claude-2"]]);

    // And live again afterwards.
    await offline.locks.release({ project: project.id, path: "README.md", instance_id: "claude-2" });
    await vi.waitFor(
      () => expect(lockLog.at(-1)).toEqual({ event: "file:unlocked", data: { path: "README.md" } }),
      LIVE,
    );
  });

  it("share one connection when given one, and close() leaves no socket or timer", async () => {
    const { loopback, nest, project } = await start();
    const before = await settledHandles();
    const transport = nest.realtimeTransport();
    const tasks = nest.tasks.watch(project.id, { transport });
    const locks = nest.locks.watch(project.id, { transport });
    const channel = `private-project.${project.id}`;
    await vi.waitFor(() => expect([tasks.status, locks.status]).toEqual(["connected", "connected"]), LIVE);
    expect(loopback.server.events.listenerCount(channel)).toBe(1);
    tasks.close();
    locks.close();
    // The shared connection stays open for its owner.
    expect(transport.status).toBe("connected");
    transport.close();

    const own = nest.tasks.watch(project.id);
    await vi.waitFor(() => expect(own.status).toBe("connected"), LIVE);
    own.close();
    expect(await handlesBackTo(before)).toBe(true);
    await vi.waitFor(() => expect(loopback.server.events.listenerCount(channel)).toBe(0), LIVE);
  });

  it("end with the refusal on another user's project", async () => {
    const { loopback, project } = await start();
    // Bob is a user of the first server who does not own the project.
    const bob = await registerOn(loopback.client({ token: "" }));
    const watcher = loopback.client({ token: bob }).tasks.watch(project.id);
    closers.push(watcher);
    const errors: Error[] = [];
    watcher.on("error", (error) => errors.push(error));
    await vi.waitFor(() => expect(watcher.status).toBe("closed"), LIVE);
    expect(errors.at(-1)).toMatchObject({ status: 403 });
  });
});

async function registerOn(anonymous: ClaudeNest): Promise<string> {
  const { token } = await anonymous.auth.register({
    name: "Bob",
    email: `bob-${Date.now()}@example.test`,
    password: "correct horse battery",
    password_confirmation: "correct horse battery",
  });
  return token;
}
