/**
 * @module
 * `client.tasks.watch(taskId)`, as the document's SDK example uses it: `update` with the task at every change,
 * `completed` once it is completed, `error` for anything that goes wrong (plus `failed` when the task fails,
 * and `deleted`, which ends the watcher). It is list-then-watch on the `/ws` channel `tasks` filtered by the
 * task: after every (re)connection the task is read again over REST, so a completion that happened while the
 * connection was down is still delivered, and nothing already seen is delivered twice.
 */
import { createResyncingWatcher } from "../../../live/channel-watcher.ts";
import { LiveError } from "../../../live/errors.ts";
import type { LiveTransport } from "../../../live/transport.ts";
import { Watcher, type WatcherOptions } from "../../../live/watcher.ts";
import type { Task } from "../contract/tasks.ts";
import type { CoordinAItorMethods } from "../routes.generated.ts";

/** What `client.tasks.watch()` emits (besides `status` and `error`). */
export interface TaskWatchEvents {
  /** The task changed (or was read after a (re)connection and differs from what was last delivered). */
  update: Task;
  /** The task is completed; emitted once. */
  completed: Task;
  /** The task failed; emitted once (an `error` with a {@link TaskFailedError} follows). */
  failed: Task;
  /** The task was deleted; the watcher then closes. */
  deleted: { id: string };
}

/** A watcher of one task. */
export type TaskWatcher = Watcher<TaskWatchEvents>;

/** Options of `client.tasks.watch()`. */
export interface TaskWatchOptions extends WatcherOptions {
  /** A connection to share (it stays open when the watcher closes); by default the watcher opens its own. */
  transport?: LiveTransport;
}

/** The `error` a watcher reports when its task fails. */
export class TaskFailedError extends LiveError {
  override name = "TaskFailedError";
  /** The failed task. */
  readonly task: Task;
  constructor(task: Task) {
    super(`Task ${task.id} failed`);
    this.task = task;
  }
}

const TASK_EVENTS = new Set(["task.created", "task.updated", "task.completed", "task.failed", "task.assigned"]);

/** Watches one task; see the module comment. */
export function watchTask(
  client: Pick<CoordinAItorMethods, "tasks">,
  open: () => LiveTransport,
  taskId: string,
  options: TaskWatchOptions = {},
): TaskWatcher {
  const { transport, ...watcherOptions } = options;
  return new Watcher<TaskWatchEvents>((sink) => {
    let last: Task | undefined;
    let completed = false;
    let failed = false;
    const deliver = (task: Task) => {
      if (task.id !== taskId) return;
      // A re-read after a reconnection may repeat what a live event already delivered, or be older than it.
      if (last && (task.updatedAt < last.updatedAt || JSON.stringify(task) === JSON.stringify(last))) return;
      last = task;
      sink.event("update", task, "tasks");
      if (task.status === "completed" && !completed) {
        completed = true;
        sink.event("completed", task, "tasks");
      }
      if (task.status === "failed" && !failed) {
        failed = true;
        sink.event("failed", task, "tasks");
        sink.error(new TaskFailedError(task));
      }
    };
    const inner = createResyncingWatcher<Record<string, unknown>, Task | undefined>({
      ...watcherOptions,
      transport: transport ?? open,
      channels: [{ name: "tasks", filters: { taskId } }],
      resync: async (signal) => {
        try {
          return await client.tasks.get({ taskId }, { signal });
        } catch (error) {
          if ((error as { status?: number }).status === 404) return undefined;
          throw error;
        }
      },
    });
    inner.on("resync", (task) => {
      if (task) deliver(task as Task);
      else {
        sink.event("deleted", { id: taskId }, "tasks");
        sink.end();
      }
    });
    for (const name of TASK_EVENTS) inner.on(name, (data) => deliver(data as Task));
    inner.on("task.deleted", () => {
      sink.event("deleted", { id: taskId }, "tasks");
      sink.end();
    });
    // Errors (a refusal that closes the connection included) are reported as `error` events as they come.
    inner.on("error", (error) => sink.error(error));
    inner.on("status", (status) => (status === "closed" ? sink.end() : sink.status(status)));
    return () => inner.close();
  }, watcherOptions);
}
