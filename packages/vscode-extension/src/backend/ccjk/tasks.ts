/**
 * @module
 * CCJK Cloud's agent tasks in the Tasks view: each agent role is a project; a task is created for a role and
 * runs on the platform's agents (this editor does not claim it), so the view offers create and cancel only.
 * CCJK Cloud has no push channel and no task list: a role's tasks are those this editor created or saw running
 * on the account's agents (`KnownTasks`), polled by one shared `TaskFeed` while the view follows them; a
 * finished task is read no more.
 */
import { isAPIError } from "@agentlane/sdk";
import type { AgentTask, CCJKCloud } from "@agentlane/sdk/ccjk";
import type { RequestStatus } from "../request-status.ts";
import type { Disposable, ProjectItem, TaskChange, TaskDraft, TaskItem, TasksBackend } from "../types.ts";
import type { KnownTasks } from "./known-tasks.ts";
import { isFinal, toTask } from "./map.ts";
import { TaskFeed } from "./task-feed.ts";

/** CCJK Cloud's agent tasks as the Tasks view's projects (roles) and tasks. */
export class CCJKTasks implements TasksBackend {
  readonly #ccjk: CCJKCloud;
  readonly #known: KnownTasks;
  readonly #status: RequestStatus;
  readonly #feed: TaskFeed;
  /** The last reading of each finished task, so it is not read again. */
  readonly #finished = new Map<string, TaskItem>();

  constructor(ccjk: CCJKCloud, known: KnownTasks, status: RequestStatus, pollInterval: number) {
    this.#ccjk = ccjk;
    this.#known = known;
    this.#status = status;
    this.#feed = new TaskFeed(
      ccjk,
      known,
      status,
      (role, id, signal) => Promise.resolve(this.#finished.get(id) ?? this.#read(role, id, signal)),
      pollInterval,
    );
  }

  async projects(): Promise<ProjectItem[]> {
    const pools = new Map<string, number>();
    await this.#status.track(async () => {
      for await (const agent of this.#ccjk.agents.list({ limit: 100 }))
        pools.set(agent.role, (pools.get(agent.role) ?? 0) + 1);
    });
    return [...pools].map(([role, agents]) => ({
      id: role,
      name: role,
      path: null,
      location: agents === 1 ? "1 agent" : `${agents} agents`,
    }));
  }

  async create(role: string, draft: TaskDraft): Promise<TaskItem> {
    const created = await this.#ccjk.agents.tasks.create({
      agentRole: role,
      task: {
        name: draft.title,
        ...(draft.description ? { description: draft.description } : {}),
        ...(draft.priority ? { priority: draft.priority } : {}),
        ...(draft.files?.length ? { input: { files: draft.files } } : {}),
      },
    });
    this.#known.remember({
      id: created.taskId,
      role,
      title: draft.title,
      ...(draft.description ? { description: draft.description } : {}),
    });
    return this.#read(role, created.taskId);
  }

  async cancel(taskId: string): Promise<TaskItem> {
    const known = this.#known.get(taskId);
    await this.#ccjk.agents.tasks.cancel({ id: taskId });
    return this.#read(known?.role ?? "", taskId);
  }

  watch(role: string, listener: (change: TaskChange) => void): Disposable {
    return this.#feed.follow(role, listener);
  }

  /** Stops following every role. */
  dispose(): void {
    this.#feed.close();
  }

  /** One task; a task the platform no longer has is forgotten (answered undefined only while following). */
  #read(role: string, taskId: string): Promise<TaskItem>;
  #read(role: string, taskId: string, signal: AbortSignal): Promise<TaskItem | undefined>;
  async #read(role: string, taskId: string, signal?: AbortSignal): Promise<TaskItem | undefined> {
    let task: AgentTask;
    try {
      task = await this.#ccjk.agents.tasks.get({ id: taskId }, signal ? { signal } : undefined);
    } catch (error) {
      if (!signal || !(isAPIError(error) && error.status === 404)) throw error;
      this.#known.forget(taskId);
      return undefined;
    }
    const known = this.#known.get(taskId);
    const item = toTask(task, role, known?.title ? { title: known.title, description: known.description } : undefined);
    if (isFinal(task)) {
      this.#finished.set(taskId, item);
      this.#known.remember({ id: taskId, role: item.projectId, finished: true });
    }
    return item;
  }
}
