/**
 * @module
 * The payloads of ClaudeNest's live events (§13.3), as server-lite publishes them; channel choices and
 * additions are documented in the contract modules of sessions, tasks and locks.
 */
import type { Task } from "../contract/tasks.ts";

/** The channel of a session's terminal. */
export const sessionChannel = (sessionId: string): string => `private-session.${sessionId}`;
/** The channel of a project's task and lock events. */
export const projectChannel = (projectId: string): string => `private-project.${projectId}`;

/** `session:output`: a chunk of terminal output, with the id of the log entry it was stored as. */
export interface SessionOutputEvent {
  data: string;
  /** Not in the document; servers that do not send it cannot be caught up without gaps after a reconnection. */
  id?: string;
}

/** The task events of `private-project.{id}`. */
export interface TaskEvents {
  "task:claimed": { task: Task; instanceId: string };
  /** `reason` is `null` when the instance gave none. */
  "task:released": { task: Task; reason: string | null };
  "task:completed": { task: Task; summary: string };
}

/** The file lock events of `private-project.{id}`. */
export interface LockEvents {
  "file:locked": { path: string; lockedBy: string; reason: string | null };
  "file:unlocked": { path: string };
}
