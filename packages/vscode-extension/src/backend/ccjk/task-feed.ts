/**
 * @module
 * One poll for every followed role. CCJK Cloud has no push channel and no task list, so each tick lists the
 * account's agents once (a task running on one is found even when made elsewhere), then reads each followed
 * role's unfinished tasks; a role's first reading is a resync, later ones report the tasks that changed. One
 * shared tick keeps the request rate within a Free plan's budget (60 a minute, 1,000 an hour) whatever the number
 * of roles the view shows.
 */
import type { CCJKCloud } from "@agentlane/sdk/ccjk";
import type { RequestStatus } from "../request-status.ts";
import type { Disposable, TaskChange, TaskItem } from "../types.ts";
import type { KnownTasks } from "./known-tasks.ts";

/** Reads one task (undefined when the platform no longer has it). */
export type ReadTask = (role: string, taskId: string, signal: AbortSignal) => Promise<TaskItem | undefined>;

interface Follower {
  role: string;
  listener: (change: TaskChange) => void;
  /** What was last reported of each task, as JSON; undefined until the first reading. */
  shown?: Map<string, string>;
}

const eventOf = (task: TaskItem) =>
  task.status === "completed" ? "completed" : task.status === "in_progress" ? "claimed" : "released";

/** The shared poll of the followed roles' agent tasks. */
export class TaskFeed {
  readonly #ccjk: CCJKCloud;
  readonly #known: KnownTasks;
  readonly #status: RequestStatus;
  readonly #read: ReadTask;
  readonly #interval: number;
  readonly #followers = new Set<Follower>();
  /** Aborted when the last follower leaves; a later follower starts a new one. */
  #abort: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running = false;
  /** A follower arrived during the running tick: the next one comes at once. */
  #soon = false;

  constructor(ccjk: CCJKCloud, known: KnownTasks, status: RequestStatus, read: ReadTask, interval: number) {
    this.#ccjk = ccjk;
    this.#known = known;
    this.#status = status;
    this.#read = read;
    this.#interval = interval;
  }

  /** Follows a role; its first reading comes with the next tick, which is brought forward. */
  follow(role: string, listener: (change: TaskChange) => void): Disposable {
    const follower: Follower = { role, listener };
    this.#followers.add(follower);
    this.#abort ??= new AbortController();
    this.#schedule(0);
    return {
      dispose: () => {
        this.#followers.delete(follower);
        if (this.#followers.size === 0) this.close();
      },
    };
  }

  /** Stops every follower's polling. */
  close(): void {
    this.#followers.clear();
    this.#abort?.abort();
    this.#abort = undefined;
    clearTimeout(this.#timer);
  }

  /**
   * The next tick in `delay` ms. Followers added together share one tick; one added while a tick runs gets the
   * tick right after it.
   */
  #schedule(delay: number): void {
    if (this.#running) {
      if (delay === 0) this.#soon = true;
      return;
    }
    clearTimeout(this.#timer);
    const signal = this.#abort?.signal;
    if (signal) this.#timer = setTimeout(() => void this.#tick(signal), delay);
  }

  async #tick(signal: AbortSignal): Promise<void> {
    this.#running = true;
    this.#soon = false;
    try {
      for await (const agent of this.#ccjk.agents.list({ limit: 100 }, { signal }))
        if (agent.currentTask) this.#known.remember({ id: agent.currentTask, role: agent.role });
      const followers = [...this.#followers];
      const roles = [...new Set(followers.map((f) => f.role))];
      const readings = await Promise.all(roles.map((role) => this.#readRole(role, signal)));
      if (!signal.aborted) {
        this.#status.succeeded();
        const byRole = new Map(roles.map((role, i) => [role, readings[i]!]));
        for (const follower of followers) this.#report(follower, byRole.get(follower.role)!);
      }
    } catch (error) {
      if (!signal.aborted) {
        this.#status.failed(error);
        // The next success starts each follower over with a whole list.
        for (const follower of this.#followers) follower.shown = undefined;
      }
    }
    this.#running = false;
    // Followers that came after a close are served by the current controller's ticks.
    if (this.#abort) this.#schedule(this.#soon ? 0 : this.#interval);
  }

  async #readRole(role: string, signal: AbortSignal): Promise<TaskItem[]> {
    const tasks = await Promise.all(this.#known.of(role).map((known) => this.#read(role, known.id, signal)));
    return tasks.filter((task): task is TaskItem => task !== undefined);
  }

  #report(follower: Follower, tasks: TaskItem[]): void {
    const before = follower.shown;
    follower.shown = new Map(tasks.map((task) => [task.id, JSON.stringify(task)]));
    if (!before) {
      follower.listener({ kind: "resync", tasks });
      return;
    }
    for (const task of tasks) {
      if (before.get(task.id) === follower.shown.get(task.id)) continue;
      follower.listener({
        kind: "changed",
        task,
        event: eventOf(task),
        ...(task.assignee ? { by: task.assignee } : {}),
      });
    }
  }
}
