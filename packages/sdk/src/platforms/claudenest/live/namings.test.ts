import { type LiteServer, startNest } from "@agentlane/testing/claudenest-loopback";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ClaudeNest } from "../client.ts";
import type { ChannelNaming } from "./namings.ts";
import type { LockWatcher, TaskWatcher } from "./project-watchers.ts";

/** Live conditions wait this long: a subscription authorizes every channel naming first, on a loaded machine. */
const LIVE = { timeout: 10_000, interval: 10 };

// The live helpers under each `realtime.channels` naming against server-lite, which publishes every event in both
// namings: the document's (`private-project.{id}`, `task:claimed`) and ClaudeNest's own server's
// (`private-projects.{id}`, `task.claimed`, payloads of app/Events/*.php).
const servers: LiteServer[] = [];
const closers: Array<{ close(): void }> = [];

afterEach(async () => {
  for (const closer of closers.splice(0)) closer.close();
  for (const server of servers.splice(0)) await server.close();
});

async function start(options: Parameters<typeof startNest>[0] = {}) {
  const loopback = await startNest(options);
  servers.push(loopback.server);
  return loopback;
}

/** Records a watcher's events in order. */
function record<W extends TaskWatcher | LockWatcher>(watcher: W, events: readonly string[]) {
  closers.push(watcher);
  const seen: Array<{ event: string; data: any }> = [];
  for (const event of ["resync", ...events]) (watcher as any).on(event, (data: unknown) => seen.push({ event, data }));
  return seen;
}

describe("realtime.channels against a server that publishes both namings", () => {
  it.each<ChannelNaming>(["document", "real", "both"])(
    "%s: hears each task and lock event once, typed alike",
    async (channels) => {
      const loopback = await start();
      const nest = loopback.client({ realtime: { channels, backoff: { minDelay: 20, maxDelay: 200 } } });
      const project = await nest.projects.create({
        machine: loopback.machine.id,
        name: "Web",
        project_path: "/srv/web",
      });
      const task = await nest.tasks.create({ project: project.id, title: "Schema" });
      const tasks = record(nest.tasks.watch(project.id), ["task:claimed", "task:released", "task:completed"]);
      const locks = record(nest.locks.watch(project.id), ["file:locked", "file:unlocked"]);
      await vi.waitFor(() => expect(tasks.length + locks.length).toBe(2), LIVE);

      await nest.tasks.claim({ id: task.id, instance_id: "claude-1" });
      await nest.locks.acquire({ project: project.id, path: "db/schema.sql", instance_id: "claude-1", reason: "x" });
      await nest.tasks.release({ id: task.id, instance_id: "claude-1", reason: "later" });
      await nest.tasks.claim({ id: task.id, instance_id: "claude-2" });
      await nest.tasks.complete({ id: task.id, instance_id: "claude-2", summary: "done" });
      await nest.locks.release({ project: project.id, path: "db/schema.sql", instance_id: "claude-1" });
      // A last event on each watcher: once it is heard, any copy of an earlier one would have been heard too.
      const marker = await nest.tasks.create({ project: project.id, title: "Marker" });
      await nest.tasks.claim({ id: marker.id, instance_id: "claude-3" });
      await nest.locks.acquire({ project: project.id, path: "marker", instance_id: "claude-3" });
      await vi.waitFor(() => expect(tasks.at(-1)?.data.task?.id).toBe(marker.id), LIVE);
      await vi.waitFor(() => expect(locks.at(-1)?.data.path).toBe("marker"), LIVE);

      expect(tasks.slice(1)).toEqual([
        { event: "task:claimed", data: { task: expect.objectContaining({ id: task.id }), instanceId: "claude-1" } },
        { event: "task:released", data: { task: expect.objectContaining({ status: "pending" }), reason: "later" } },
        { event: "task:claimed", data: { task: expect.objectContaining({ id: task.id }), instanceId: "claude-2" } },
        { event: "task:completed", data: { task: expect.objectContaining({ status: "completed" }), summary: "done" } },
        { event: "task:claimed", data: { task: expect.objectContaining({ id: marker.id }), instanceId: "claude-3" } },
      ]);
      expect(locks.slice(1)).toEqual([
        { event: "file:locked", data: { path: "db/schema.sql", lockedBy: "claude-1", reason: "x" } },
        { event: "file:unlocked", data: { path: "db/schema.sql" } },
        { event: "file:locked", data: { path: "marker", lockedBy: "claude-3", reason: null } },
      ]);
    },
  );

  it("real: follows a terminal on private-sessions.{id}, typing over HTTP as the web UI falls back to", async () => {
    const loopback = await start({ exec: ["bash"] });
    const nest: ClaudeNest = loopback.client({ realtime: { channels: "real" } });
    const { session } = await nest.sessions.create({ machine: loopback.machine.id });
    // server-lite announces `.session.input` only for input that came over HTTP (as SessionController::input does).
    const inputs: unknown[] = [];
    const listener = nest.realtimeTransport();
    closers.push(listener);
    const subscribed = new Promise<void>((resolve) =>
      listener.subscribe(`private-sessions.${session.id}`, {
        event: (event, data) => event === "session.input" && inputs.push(data),
        subscribed: resolve,
      }),
    );
    await subscribed;
    const terminal = nest.sessions.attach(session.id);
    closers.push(terminal);
    let text = "";
    terminal.on("output", (chunk) => {
      text += chunk;
    });
    await vi.waitFor(() => expect(terminal.status).toBe("connected"), { timeout: 10_000 });
    expect(terminal.write("echo real-$((6*7))\n")).toBe(true);
    await vi.waitFor(() => expect(text).toContain("real-42"), { timeout: 10_000, interval: 10 });
    expect(inputs).toEqual([expect.objectContaining({ session_id: session.id, data: "echo real-$((6*7))\n" })]);
    expect(terminal.terminate()).toBe(true);
    const exit = await terminal.exited;
    expect(exit?.session.status).toBe("terminated");
    expect(terminal.status).toBe("closed");
  });
});
