/**
 * @module
 * CCJK Cloud's agent tasks in the Tasks view: each agent role is a project; a task is created for a role and
 * runs on the platform's agents (this editor does not claim it), so the view offers create and cancel only.
 * CCJK Cloud has no push channel and no task list: a role's tasks are those this editor created or saw running
 * on the account's agents (`KnownTasks`), polled while the view follows them; a finished task is read no more.
 */
import { isAPIError } from "@agentlane/sdk";
import type { AgentTask, CCJKCloud } from "@agentlane/sdk/ccjk";
import type { RequestStatus } from "../request-status.ts";
import type { Disposable, ProjectItem, TaskChange, TaskDraft, TaskItem, TasksBackend } from "../types.ts";
import type { KnownTasks } from "./known-tasks.ts";
import { isFinal, toTask } from "./map.ts";

/** How a task changed, in the view's words. */
const eventOf = (task: TaskItem) =>
  task.status === "completed" ? "completed" : task.status === "in_progress" ? "claimed" : "released";

export class CCJKTasks implements TasksBackend {
  readonly #ccjk: CCJKCloud;
  readonly #known: KnownTasks;
  readonly #status: RequestStatus;
  readonly #interval: number;
  /** The last reading of each finished task, so it is not read again. */
  readonly #finished = new Map<string, TaskItem>();

  constructor(ccjk: CCJKCloud, known: KnownTasks, status: RequestStatus, pollInterval: number) {
    this.#ccjk = ccjk;
    this.#known = known;
    this.#status = status;
    this.#interval = pollInterval;
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
    const abort = new AbortController();
    let shown: Map<string, string> | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const tasks = await this.#readRole(role, abort.signal);
        if (abort.signal.aborted) return;
        this.#status.succeeded();
        const before = shown;
        shown = new Map(tasks.map((task) => [task.id, JSON.stringify(task)]));
        if (!before) listener({ kind: "resync", tasks });
        else
          for (const task of tasks)
            if (before.get(task.id) !== shown.get(task.id))
              listener({
                kind: "changed",
                task,
                event: eventOf(task),
                ...(task.assignee ? { by: task.assignee } : {}),
              });
      } catch (error) {
        if (abort.signal.aborted) return;
        this.#status.failed(error);
        shown = undefined; // the next success starts over with a whole list
      }
      timer = setTimeout(poll, this.#interval);
    };
    void poll();
    return {
      dispose: () => {
        abort.abort();
        clearTimeout(timer);
      },
    };
  }

  /** A role's tasks: those running on its agents joined to the known ones, each read unless finished. */
  async #readRole(role: string, signal: AbortSignal): Promise<TaskItem[]> {
    for await (const agent of this.#ccjk.agents.list({ role, limit: 100 }, { signal }))
      if (agent.currentTask) this.#known.remember({ id: agent.currentTask, role });
    const tasks = await Promise.all(
      this.#known.of(role).map((known) => this.#finished.get(known.id) ?? this.#read(role, known.id, signal)),
    );
    return tasks.filter((task): task is TaskItem => task !== undefined);
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
