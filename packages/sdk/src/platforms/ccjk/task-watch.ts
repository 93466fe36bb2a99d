/**
 * @module
 * `ccjk.agents.tasks.watch(id)`: a task followed until it ends. CCJK Cloud has no push channel, so the task is
 * polled: the poll interval starts short and grows while nothing changes (reset by any change), failed polls
 * back off, and the watcher ends by itself on the task's final state (`completed`, `failed` or `cancelled`)
 * after emitting it. A task that does not exist (or is not the caller's) ends the watcher with its 404.
 */
import type { RequestOptions } from "../../core/options.ts";
import type { BackoffOptions } from "../../live/backoff.ts";
import { createWatcher } from "../../live/channel-watcher.ts";
import { type PolledEvent, PollingTransport } from "../../live/polling.ts";
import type { Watcher, WatcherOptions } from "../../live/watcher.ts";
import type { AgentTask, TaskStatus } from "./contract/agents.ts";
import type { CCJKCloudMethods } from "./routes.generated.ts";

/** The events of a task watcher: every change, then the final state under its own name. */
export interface TaskWatchEvents {
  /** The task changed (status, progress, agent or output); sent for the first read too. */
  update: AgentTask;
  /** The task completed; the watcher ends after this event. */
  completed: AgentTask;
  /** The task failed (its deadline passed); the watcher ends after this event. */
  failed: AgentTask;
  /** The task was cancelled; the watcher ends after this event. */
  cancelled: AgentTask;
}

/** A watcher of one task. */
export type TaskWatcher = Watcher<TaskWatchEvents>;

/** Options of `agents.tasks.watch`. */
export interface TaskWatchOptions extends WatcherOptions {
  /**
   * Milliseconds between polls right after a change.
   * @default 1000
   */
  interval?: number;
  /**
   * Longest wait between polls while nothing changes, in milliseconds.
   * @default 10000
   */
  maxInterval?: number;
  /** Delays after failed polls. */
  backoff?: BackoffOptions;
  /** Options of each poll's request (headers, timeout). */
  request?: RequestOptions;
}

const FINAL: ReadonlySet<TaskStatus> = new Set(["completed", "failed", "cancelled"]);

/** Polling whose pause grows by half while polls find nothing new. */
class TaskPolling extends PollingTransport {
  readonly #min: number;
  readonly #max: number;
  #next: number;

  constructor(poll: (signal: AbortSignal) => Promise<PolledEvent[]>, options: TaskWatchOptions) {
    super({
      poll: (_channel, signal) => poll(signal),
      final: (event) => event.event !== "update",
      ...(options.backoff ? { backoff: options.backoff } : {}),
    });
    this.#min = options.interval ?? 1000;
    this.#max = Math.max(this.#min, options.maxInterval ?? 10_000);
    this.#next = this.#min;
  }

  /** A poll saw a change: poll again soon. */
  changed(): void {
    this.#next = this.#min;
  }

  protected override pause(): number {
    const pause = this.#next;
    this.#next = Math.min(this.#max, Math.ceil(this.#next * 1.5));
    return pause;
  }
}

/** What makes two reads of a task differ for a watcher. */
function fingerprint(task: AgentTask): string {
  return JSON.stringify([task.status, task.progress, task.agentId, task.output.messages.length, task.error]);
}

/** Follows one task until its final state; see the module comment. */
export function watchTask(
  client: Pick<CCJKCloudMethods, "agents">,
  taskId: string,
  options: TaskWatchOptions = {},
): TaskWatcher {
  let last: string | undefined;
  let transport: TaskPolling | undefined;
  const poll = async (signal: AbortSignal): Promise<PolledEvent[]> => {
    const task = await client.agents.getTask({ id: taskId }, { ...options.request, signal });
    const print = fingerprint(task);
    if (print === last) return [];
    last = print;
    transport?.changed();
    const events: PolledEvent[] = [{ event: "update", data: task }];
    if (FINAL.has(task.status)) events.push({ event: task.status, data: task });
    return events;
  };
  const watcher = createWatcher<TaskWatchEvents>({
    ...options,
    channels: [`task:${taskId}`],
    transport: () => {
      transport = new TaskPolling(poll, options);
      return transport;
    },
  });
  // Ends the watcher once the final event has reached every listener and iterator.
  const end = () => queueMicrotask(() => watcher.close());
  watcher.once("completed", end);
  watcher.once("failed", end);
  watcher.once("cancelled", end);
  return watcher;
}
