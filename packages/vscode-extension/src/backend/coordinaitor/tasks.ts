/**
 * @module
 * Tasks on CoordinAItor, in the views' terms. An instance (this editor) works as an agent of its own name, made
 * on its first claim: claiming assigns the task to it and takes it up (`active`), releasing puts it back to
 * `pending`, completing records the summary and the files changed as a comment and completes the task. The
 * live view is the `/ws` channel `tasks` (one subscription on the shared connection, filtered here by
 * project), re-read over REST after every (re)connection.
 */
import type { LiveTransport } from "@agentlane/sdk";
import type { CoordinAItor, Task } from "@agentlane/sdk/coordinaitor";
import { createResyncingWatcher } from "@agentlane/sdk/live";
import type { Disposable, ProjectItem, TaskChange, TaskDraft, TaskItem, TasksBackend } from "../types.ts";
import { toPriority, toProject, toTask } from "./map.ts";

const RANK = { high: 3, medium: 2, low: 1 } as const;

const EVENTS = ["task.created", "task.updated", "task.assigned", "task.completed", "task.failed"] as const;
/** The `/ws` task events this view follows, each carrying the task. */
type TaskEvents = Record<(typeof EVENTS)[number], Task>;

export class CoordinAItorTasks implements TasksBackend {
  readonly #client: CoordinAItor;
  readonly #transport: () => LiveTransport;
  readonly #agents = new Map<string, Promise<string>>();

  constructor(client: CoordinAItor, transport: () => LiveTransport) {
    this.#client = client;
    this.#transport = transport;
  }

  async projects(): Promise<ProjectItem[]> {
    const projects: ProjectItem[] = [];
    for await (const project of this.#client.projects.list({ limit: 100 })) projects.push(toProject(project));
    return projects;
  }

  async create(projectId: string, draft: TaskDraft): Promise<TaskItem> {
    const priority = toPriority(draft.priority);
    return toTask(
      await this.#client.tasks.create({
        projectId,
        title: draft.title,
        ...(draft.description ? { description: draft.description } : {}),
        ...(priority ? { priority } : {}),
      }),
    );
  }

  /** The agent this instance works as, made on first use. */
  #agentFor(instanceId: string): Promise<string> {
    let agent = this.#agents.get(instanceId);
    if (!agent) {
      agent = (async () => {
        for await (const existing of this.#client.agents.list({ limit: 100 }))
          if (existing.name === instanceId) return existing.id;
        const created = await this.#client.agents.create({ name: instanceId, type: "coding", maxConcurrentTasks: 20 });
        return created.id;
      })();
      agent.catch(() => this.#agents.delete(instanceId));
      this.#agents.set(instanceId, agent);
    }
    return agent;
  }

  async claim(taskId: string, instanceId: string): Promise<TaskItem> {
    const agentId = await this.#agentFor(instanceId);
    const task = await this.#client.tasks.get({ taskId });
    if (task.status === "active" && task.agentId !== agentId)
      throw new Error(`The task is already taken by ${task.assignedAgent?.name ?? "another agent"}`);
    if (task.agentId !== agentId) await this.#client.tasks.assign({ taskId, agentId });
    return toTask(await this.#client.tasks.patch({ taskId, status: "active" }));
  }

  async release(taskId: string, _instanceId: string, reason?: string): Promise<TaskItem> {
    return toTask(await this.#client.tasks.patch({ taskId, status: "pending", ...(reason ? { reason } : {}) }));
  }

  async complete(taskId: string, instanceId: string, summary: string, filesModified: string[]): Promise<TaskItem> {
    const files =
      filesModified.length > 0 ? `\n\nFiles changed:\n${filesModified.map((f) => `- ${f}`).join("\n")}` : "";
    await this.#client.tasks.addComment({ taskId, content: `${summary || `Completed by ${instanceId}`}${files}` });
    return toTask(await this.#client.tasks.patch({ taskId, status: "completed" }));
  }

  async nextAvailable(projectId: string): Promise<TaskItem | null> {
    const pending = await this.#client.tasks.list({
      projectId,
      status: "pending",
      sortBy: "createdAt",
      sortOrder: "asc",
      limit: 100,
    });
    const best = pending.reduce<Task | undefined>(
      (a, b) => (!a || RANK[b.priority] > RANK[a.priority] ? b : a),
      undefined,
    );
    return best ? toTask(best) : null;
  }

  watch(projectId: string, listener: (change: TaskChange) => void): Disposable {
    const watcher = createResyncingWatcher<TaskEvents, Task[]>({
      transport: this.#transport(),
      channels: ["tasks"],
      resync: async (signal) => {
        const tasks: Task[] = [];
        for await (const task of this.#client.tasks.list({ projectId, limit: 100 }, { signal })) tasks.push(task);
        return tasks;
      },
    });
    watcher.on("resync", (tasks) => listener({ kind: "resync", tasks: tasks.map(toTask) }));
    for (const name of EVENTS) {
      watcher.on(name, (task: Task) => {
        if (task.projectId !== projectId) return;
        const item = toTask(task);
        const event =
          item.status === "completed" ? "completed" : item.status === "in_progress" ? "claimed" : "released";
        listener({ kind: "changed", task: item, event, ...(item.assignee ? { by: item.assignee } : {}) });
      });
    }
    return { dispose: () => watcher.close() };
  }
}
