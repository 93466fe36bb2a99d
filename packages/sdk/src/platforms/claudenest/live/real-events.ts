/**
 * @module
 * ClaudeNest's own server's live events read into the document's (§13.3), so a helper types one set of events.
 * Each payload is `broadcastWith()` of the event class in `app/Events/` of QrCommunication/claudenest; server-lite's
 * copies also carry the document's keys, which are read first.
 *
 * - `session.output` `{session_id, data, chunk_id, timestamp}` is `session:output` `{data, id}`: the real server
 *   sends `chunk_id: null`, so its chunks cannot be joined with the logs by id (the terminal then shows live
 *   chunks as they come after its first read).
 * - `session.terminated` is `session:terminated`.
 * - `task.claimed`, `task.released`, `task.completed` carry the task's id and a few of its fields, not the task: the
 *   task is read (`GET /tasks/{id}`) when the event arrives, so it is the task as it is then. `instanceId` is
 *   `assigned_to`, `summary` `completion_summary`; `task.released` has no reason (its `previous_owner` is the
 *   task's `blocked_by`), so `reason` is `null`.
 * - `file.locked` `{path, locked_by, reason}` and `file.unlocked` `{path}` are `file:locked` and `file:unlocked`.
 * - Events the document has no name for (`session.status`, `session.input`, `task.created`) are not passed on.
 */
import type { Task } from "../contract/tasks.ts";
import type { Reading } from "./namings.ts";

type Payload = Record<string, unknown>;

/** Reads one task by id: `nest.tasks.get`. */
export type TaskReader = (id: string) => Promise<Task>;

const TASK_EVENTS: Readonly<Record<string, (data: Payload, task: Task) => Payload>> = {
  "task.claimed": (data, task) => ({ task, instanceId: data.instanceId ?? data.assigned_to ?? task.assigned_to }),
  "task.released": (data, task) => ({ task, reason: typeof data.reason === "string" ? data.reason : null }),
  "task.completed": (data, task) => ({
    task,
    summary: data.summary ?? data.completion_summary ?? task.completion_summary ?? "",
  }),
};

/**
 * The document's event for a real-server event, or `undefined` when the document has none; a task event without
 * its task waits for `readTask` (and is not passed on without one).
 * @example readRealEvent("session.output", { session_id, data: "hi", chunk_id: null }, read) // ["session:output", { data: "hi" }]
 */
export function readRealEvent(event: string, value: unknown, readTask?: TaskReader): Reading | Promise<Reading> {
  const data = (typeof value === "object" && value !== null ? value : {}) as Payload;
  const name = event.replace(".", ":");
  switch (event) {
    case "session.output": {
      if (typeof data.data !== "string") return undefined;
      const id = data.id ?? data.chunk_id;
      return [name, typeof id === "string" ? { data: data.data, id } : { data: data.data }];
    }
    case "session.terminated":
      return [name, {}];
    case "file.locked":
      return [name, { path: data.path, lockedBy: data.lockedBy ?? data.locked_by, reason: data.reason ?? null }];
    case "file.unlocked":
      return [name, { path: data.path }];
  }
  const shape = TASK_EVENTS[event];
  if (!shape) return undefined;
  const embedded = data.task as Task | undefined;
  if (typeof embedded === "object" && embedded !== null) return [name, shape(data, embedded)];
  if (typeof data.task_id !== "string" || !readTask) return undefined;
  return readTask(data.task_id).then((task) => [name, shape(data, task)] as const);
}
