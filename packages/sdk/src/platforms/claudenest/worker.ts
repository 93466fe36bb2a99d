/**
 * @module
 * `nest.tasks.work()`: the loop a Claude instance runs on a shared project. It asks for the next available
 * task and claims it, locks the task's files, runs the handler, and completes the task with the handler's
 * summary or releases it with the error.
 *
 * Where the server has `claim-next` (beyond the document), the next task is claimed in one call and no race is
 * lost. Otherwise many instances started together would all ask for the same next task and all but one would lose
 * the claim,
 * round after round. So after a lost race the worker lists the claimable tasks of the top priority once and
 * tries a few of them in an order spread by its instance id, and it keeps claiming from such a list for its
 * next few tasks; it still asks for the next available task first, so the highest priority goes first, and a
 * worker that loses no race claims exactly what `next-available` names. `task-claims.ts` has the details.
 */
import { isAbortError } from "../../core/errors/abort-error.ts";
import type { APIError } from "../../core/errors/api-error.ts";
import type { Task } from "./contract/tasks.ts";
import type { ClaudeNestMethods } from "./routes.generated.ts";
import { type ClaimAttempt, isCode, taskClaimer } from "./task-claims.ts";

/** The part of a ClaudeNest client this module uses. */
type Nest = Pick<ClaudeNestMethods, "tasks" | "locks">;

/** What a handler reports for a task it finished. */
export interface TaskOutcome {
  summary: string;
  files_modified?: string[];
}

/** What a task handler gets besides the task. */
export interface TaskContext {
  /** Aborted when the worker is asked to stop: finish quickly or throw to release the task. */
  signal: AbortSignal;
}

/** Does a task's work and reports it; throwing releases the task with the error's message. */
export type TaskHandler = (task: Task, context: TaskContext) => Promise<TaskOutcome> | TaskOutcome;

/** What the worker did, one step at a time. */
export type WorkerEvent =
  | { type: "claimed"; task: Task }
  /** Another instance claimed the task first; the worker tries another one. */
  | { type: "conflict"; task: Task }
  | { type: "completed"; task: Task; summary: string }
  | { type: "released"; task: Task; reason: string }
  /** The claim was lost before the worker finished (it timed out and the task was released or taken). */
  | { type: "lost"; task: Task; error: APIError }
  /** The function returned by `lockFiles` failed; the task was completed or released regardless. */
  | { type: "unlock_failed"; task: Task; error: unknown }
  | { type: "idle"; delay: number };

/** Options of `nest.tasks.work()`. */
export interface WorkOptions {
  /** Stops the worker: it finishes or releases the task in hand, then resolves. */
  signal?: AbortSignal;
  /**
   * First wait when no task is available (and after a task failed), in milliseconds; it doubles while the
   * worker stays idle, up to `maxIdleDelay`, and starts over once a task is claimed.
   * @default 1000
   */
  idleDelay?: number;
  /** @default 30000 */
  maxIdleDelay?: number;
  /**
   * Locks the task's files before the handler runs, and answers the function that unlocks them; the worker
   * calls it when the handler is done, before completing or releasing the task. If locking throws, the task is
   * released with the error's message. `false` locks nothing.
   * @default locks the task's `files` for this instance with `locks.bulk`, all or none (see `lockTaskFiles`)
   */
  lockFiles?: ((task: Task) => Promise<() => Promise<void>>) | false;
  /**
   * How long the default `lockFiles` holds a lock, in minutes; a handler that runs longer should extend it.
   * @default 30
   */
  lockMinutes?: number;
  /** Called at each step, for logs and progress displays. */
  onEvent?: (event: WorkerEvent) => void;
}

/** What a worker did before it stopped. */
export interface WorkResult {
  /** Tasks claimed by this worker. */
  claimed: number;
  completed: number;
  /** Tasks released because the handler or `lockFiles` threw, or the worker stopped before running them. */
  released: number;
  /** Claims lost to another instance in a race. */
  conflicts: number;
  /** Claims that expired before the worker could complete or release them. */
  lost: number;
}

const STOPPED = "Worker stopped";

/**
 * Locks every file of a task for an instance, or none: when another instance holds one of them, the locks
 * just taken are released and the error names the holders. Answers the function that releases them.
 */
export async function lockTaskFiles(
  nest: Nest,
  projectId: string,
  instanceId: string,
  task: Task,
  minutes = 30,
): Promise<() => Promise<void>> {
  if (task.files.length === 0) return async () => {};
  const releaseAll = async (paths: readonly string[]) => {
    await Promise.all(paths.map((path) => nest.locks.release({ project: projectId, path, instance_id: instanceId })));
  };
  const result = await nest.locks.bulk({
    project: projectId,
    paths: task.files,
    instance_id: instanceId,
    reason: `Task: ${task.title}`,
    duration_minutes: minutes,
  });
  if (result.failed.length > 0) {
    await releaseAll(result.acquired);
    const holders = result.failed.map(
      (path) => `${path} (${result.failed_details[path]?.locked_by ?? "another instance"})`,
    );
    throw new Error(`Files locked by other instances: ${holders.join(", ")}`);
  }
  return () => releaseAll(result.acquired);
}

/** Resolves after `ms`, or at once when the signal aborts; leaves no timer behind. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text || "Task failed").slice(0, 1000);
}

export async function work(
  nest: Nest,
  projectId: string,
  instanceId: string,
  handler: TaskHandler,
  options: WorkOptions = {},
): Promise<WorkResult> {
  const signal = options.signal ?? new AbortController().signal;
  const firstDelay = options.idleDelay ?? 1000;
  const maxDelay = options.maxIdleDelay ?? 30_000;
  const emit = options.onEvent ?? (() => {});
  const result: WorkResult = { claimed: 0, completed: 0, released: 0, conflicts: 0, lost: 0 };
  let delay = firstDelay;

  const idle = async () => {
    emit({ type: "idle", delay });
    await pause(delay, signal);
    delay = Math.min(maxDelay, delay * 2);
  };

  /** Completes or releases a held task; a claim that expired meanwhile is counted as lost. */
  const finish = async (task: Task, outcome: { ok: true; value: TaskOutcome } | { ok: false; reason: string }) => {
    try {
      if (outcome.ok) {
        const { summary, files_modified } = outcome.value;
        const done = await nest.tasks.complete({ id: task.id, instance_id: instanceId, summary, files_modified });
        result.completed++;
        emit({ type: "completed", task: done.task, summary });
      } else {
        const released = await nest.tasks.release({ id: task.id, instance_id: instanceId, reason: outcome.reason });
        result.released++;
        emit({ type: "released", task: released.task, reason: outcome.reason });
      }
    } catch (error) {
      if (!isCode(error, "TSK_003") && !isCode(error, "TSK_001")) throw error;
      result.lost++;
      emit({ type: "lost", task, error });
    }
  };

  const claimNext = taskClaimer(nest, projectId, instanceId, signal, (task) => {
    result.conflicts++;
    emit({ type: "conflict", task });
  });

  while (!signal.aborted) {
    let attempt: ClaimAttempt;
    try {
      attempt = await claimNext();
    } catch (error) {
      if (signal.aborted && isAbortError(error)) break;
      throw error;
    }
    if (attempt.type === "none") {
      await idle();
      continue;
    }
    // Every task tried was taken by another instance first: ask again.
    if (attempt.type === "lost") continue;
    const { task } = attempt;
    result.claimed++;
    delay = firstDelay;
    emit({ type: "claimed", task });
    if (signal.aborted) {
      await finish(task, { ok: false, reason: STOPPED });
      break;
    }

    let unlock: (() => Promise<void>) | undefined;
    let outcome: { ok: true; value: TaskOutcome } | { ok: false; reason: string };
    try {
      const lockFiles =
        options.lockFiles ?? ((t: Task) => lockTaskFiles(nest, projectId, instanceId, t, options.lockMinutes));
      if (lockFiles) unlock = await lockFiles(task);
      outcome = { ok: true, value: await handler(task, { signal }) };
    } catch (error) {
      outcome = { ok: false, reason: messageOf(error) };
    }
    if (unlock) {
      try {
        await unlock();
      } catch (error) {
        emit({ type: "unlock_failed", task, error });
      }
    }
    await finish(task, outcome);
    // A failing task stays the most available one: wait before trying again rather than spin on it.
    if (!outcome.ok && !signal.aborted) await idle();
  }
  return result;
}
