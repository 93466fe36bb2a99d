import { EventEmitter } from "eventemitter3";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { NormalizedOptions } from "../../../core/options.ts";
import { LiveSubscriptionError } from "../../../live/errors.ts";
import type { ChannelHandlers, LiveTransport, TransportStatus } from "../../../live/transport.ts";
import type { Task } from "../contract/tasks.ts";
import { type LockWatcher, type TaskWatcher, watchLocks, watchTasks } from "./project-watchers.ts";
import { readRealEvent } from "./real-events.ts";
import { RealtimeSettings } from "./realtime.ts";

// The live helpers against events exactly as ClaudeNest's own server broadcasts them: the payloads are each event
// class's broadcastWith() in packages/server/app/Events/ of QrCommunication/claudenest, on the channels its
// broadcastOn() names (`new PrivateChannel('projects.' . $id)`, which Reverb calls `private-projects.{id}`). Laravel
// serves no `private-project.{id}`: the document's channel is refused, as `/api/broadcasting/auth` (404) refuses it.

/** A Reverb server as the SDK's transport sees it: channels the real server knows, events published on them. */
class FakeReverb extends EventEmitter implements LiveTransport {
  status: TransportStatus = "connected";
  closeError: Error | undefined;
  readonly #channels = new Map<string, ChannelHandlers>();
  readonly #refuse: number | undefined;

  /** `refuse`: the status the real channel is refused with (the caller may not see the project). */
  constructor(options: { refuse?: number } = {}) {
    super();
    this.#refuse = options.refuse;
  }

  subscribe(channel: string, handlers: ChannelHandlers): () => void {
    queueMicrotask(() => {
      const refusal = channel.startsWith("private-projects.") ? this.#refuse : 404;
      if (refusal !== undefined) {
        handlers.error?.(new LiveSubscriptionError(channel, "refused", { status: refusal }));
        return;
      }
      this.#channels.set(channel, handlers);
      handlers.subscribed?.();
    });
    return () => this.#channels.delete(channel);
  }

  publish(channel: string, event: string, data: unknown): void {
    this.#channels.get(channel)?.event(event, data);
  }

  subscribed(channel: string): boolean {
    return this.#channels.has(channel);
  }

  close(): void {
    this.status = "closed";
  }
}

const PROJECT = "7c9e6679-7425-40de-944b-e07fc1f66afe";
const CHANNEL = `private-projects.${PROJECT}`;

function task(id: string, fields: Partial<Task> = {}): Task {
  return { id, project_id: PROJECT, title: `Task ${id}`, status: "pending", assigned_to: null, ...fields } as Task;
}

/** The part of a client the watchers use: tasks read one by one (each read held until `answer`), no locks. */
function nestStub() {
  const pending = new Map<string, (task: Task) => void>();
  const nest = {
    tasks: {
      list: () => (async function* () {})(),
      get: ({ id }: { id: string }) => new Promise<Task>((resolve) => pending.set(id, resolve)),
    },
    locks: { list: async () => [] },
  };
  const answer = (id: string, fields: Partial<Task>) => {
    pending.get(id)!(task(id, fields));
    pending.delete(id);
  };
  return { nest: nest as any, pending, answer };
}

const settings = new RealtimeSettings({ baseUrl: "http://nest.test/api" } as NormalizedOptions, {});
const watchers: Array<TaskWatcher | LockWatcher> = [];
afterEach(() => {
  for (const watcher of watchers.splice(0)) watcher.close();
});

describe("the real server's project events", () => {
  it("read into the document's task events, each task read when its event arrives, in the order they came", async () => {
    const reverb = new FakeReverb();
    const { nest, pending, answer } = nestStub();
    const watcher = watchTasks(nest, settings, PROJECT, { transport: reverb });
    watchers.push(watcher);
    const seen: Array<[string, unknown]> = [];
    watcher.on("task:claimed", (data) => seen.push(["task:claimed", data]));
    watcher.on("task:released", (data) => seen.push(["task:released", data]));
    watcher.on("task:completed", (data) => seen.push(["task:completed", data]));
    await vi.waitFor(() => expect(watcher.status).toBe("connected"));
    expect(reverb.subscribed(CHANNEL)).toBe(true);

    // app/Events/TaskCreated.php: the document has no such event.
    reverb.publish(CHANNEL, "task.created", { task_id: "t0", project_id: PROJECT, title: "New", priority: "high" });
    // app/Events/TaskClaimed.php
    reverb.publish(CHANNEL, "task.claimed", {
      task_id: "t1",
      project_id: PROJECT,
      title: "Task t1",
      assigned_to: "claude-1",
      claimed_at: "2026-01-05T10:00:00+00:00",
    });
    // app/Events/TaskReleased.php: `previous_owner` is the task's blocked_by, not a reason.
    reverb.publish(CHANNEL, "task.released", {
      task_id: "t2",
      project_id: PROJECT,
      title: "Task t2",
      status: "pending",
      previous_owner: null,
    });
    // app/Events/TaskCompleted.php
    reverb.publish(CHANNEL, "task.completed", {
      task_id: "t3",
      project_id: PROJECT,
      title: "Task t3",
      assigned_to: "claude-2",
      completion_summary: "Migrated",
      files_modified: ["db/schema.sql"],
      completed_at: "2026-01-05T10:05:00+00:00",
    });
    await vi.waitFor(() => expect([...pending.keys()].sort()).toEqual(["t1", "t2", "t3"]));
    // The reads finish last to first; the events still come in the order they were published.
    answer("t3", { status: "done", assigned_to: "claude-2", completion_summary: "Migrated" });
    answer("t2", { status: "pending" });
    expect(seen).toEqual([]);
    answer("t1", { status: "in_progress", assigned_to: "claude-1" });
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    expect(seen).toEqual([
      [
        "task:claimed",
        { task: expect.objectContaining({ id: "t1", assigned_to: "claude-1" }), instanceId: "claude-1" },
      ],
      ["task:released", { task: expect.objectContaining({ id: "t2", status: "pending" }), reason: null }],
      ["task:completed", { task: expect.objectContaining({ id: "t3", status: "done" }), summary: "Migrated" }],
    ]);
  });

  it("read file.locked and file.unlocked into the document's lock events at once", async () => {
    const reverb = new FakeReverb();
    const watcher = watchLocks(nestStub().nest, settings, PROJECT, { transport: reverb });
    watchers.push(watcher);
    const seen: Array<[string, unknown]> = [];
    watcher.on("file:locked", (data) => seen.push(["file:locked", data]));
    watcher.on("file:unlocked", (data) => seen.push(["file:unlocked", data]));
    await vi.waitFor(() => expect(watcher.status).toBe("connected"));
    // app/Events/FileLocked.php
    reverb.publish(CHANNEL, "file.locked", {
      lock_id: "5f0c7b8e-0000-4000-8000-000000000001",
      project_id: PROJECT,
      path: "src/a.ts",
      locked_by: "claude-1",
      reason: "Refactoring",
      expires_at: "2026-01-05T10:30:00+00:00",
    });
    // app/Events/FileUnlocked.php
    reverb.publish(CHANNEL, "file.unlocked", {
      project_id: PROJECT,
      path: "src/a.ts",
      forced: false,
      timestamp: "2026-01-05T10:10:00+00:00",
    });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen).toEqual([
      ["file:locked", { path: "src/a.ts", lockedBy: "claude-1", reason: "Refactoring" }],
      ["file:unlocked", { path: "src/a.ts" }],
    ]);
  });

  it("end the watcher only when every naming is refused", async () => {
    // Another user's project: Laravel refuses the real channel too (routes/channels.php, `projects.{projectId}`).
    const reverb = new FakeReverb({ refuse: 403 });
    const watcher = watchTasks(nestStub().nest, settings, PROJECT, { transport: reverb });
    watchers.push(watcher);
    const errors: Error[] = [];
    watcher.on("error", (error) => errors.push(error));
    await new Promise<void>((resolve) => watcher.on("status", (status) => status === "closed" && resolve()));
    expect(errors.at(-1)).toMatchObject({ status: 403, channel: CHANNEL });
  });
});

describe("the real server's session events", () => {
  it("read session.output without a chunk id and session.terminated into the document's", () => {
    // app/Events/SessionOutput.php, as AgentServe::onSessionOutput broadcasts it (no chunk id).
    const output = { session_id: "s1", data: "$ ls\r\n", chunk_id: null, timestamp: "2026-01-05T10:00:00+00:00" };
    expect(readRealEvent("session.output", output)).toEqual(["session:output", { data: "$ ls\r\n" }]);
    // server-lite's copy names its log entry: the terminal joins its logs by it.
    expect(readRealEvent("session.output", { ...output, chunk_id: "log-1", id: "log-1" })).toEqual([
      "session:output",
      { data: "$ ls\r\n", id: "log-1" },
    ]);
    // app/Events/SessionTerminated.php
    const terminated = {
      session_id: "s1",
      machine_id: "m1",
      status: "completed",
      terminated_at: "2026-01-05T10:01:00+00:00",
    };
    expect(readRealEvent("session.terminated", terminated)).toEqual(["session:terminated", {}]);
    // app/Events/SessionInput.php and the web UI's `.session.status` have no document event.
    expect(readRealEvent("session.input", { session_id: "s1", data: "ls\n", timestamp: "t" })).toBeUndefined();
    expect(readRealEvent("session.status", { session_id: "s1", status: "running", timestamp: "t" })).toBeUndefined();
  });
});
