/**
 * @module
 * Tasks and file locks on ClaudeNest: projects live on machines; tasks and locks follow the project's
 * channel through the SDK's resyncing watchers, all on the adapter's one shared connection.
 */
import type { LiveTransport } from "@agentlane/sdk";
import { type ClaudeNest, lockTaskFiles } from "@agentlane/sdk/claudenest";
import type {
  Disposable,
  LockChange,
  LocksBackend,
  ProjectItem,
  TaskChange,
  TaskDraft,
  TaskItem,
  TasksBackend,
} from "../types.ts";
import type { MachineDirectory } from "./machines.ts";
import { toLock, toProject, toTask } from "./map.ts";

class ClaudeNestLocks implements LocksBackend {
  readonly #nest: ClaudeNest;
  readonly #transport: () => LiveTransport;

  constructor(nest: ClaudeNest, transport: () => LiveTransport) {
    this.#nest = nest;
    this.#transport = transport;
  }

  watch(projectId: string, listener: (change: LockChange) => void): Disposable {
    const watcher = this.#nest.locks.watch(projectId, { transport: this.#transport() });
    watcher.on("resync", (locks) => listener({ kind: "resync", locks: locks.map(toLock) }));
    watcher.on("file:locked", ({ path, lockedBy, reason }) =>
      listener({ kind: "locked", lock: { path, lockedBy, reason, expiresAt: null } }),
    );
    watcher.on("file:unlocked", ({ path }) => listener({ kind: "unlocked", path }));
    return { dispose: () => watcher.close() };
  }

  async lockFiles(projectId: string, instanceId: string, paths: string[], reason: string): Promise<void> {
    const task = { files: paths, title: reason } as Parameters<typeof lockTaskFiles>[3];
    await lockTaskFiles(this.#nest, projectId, instanceId, task);
  }

  async unlockFiles(projectId: string, instanceId: string, paths: string[]): Promise<void> {
    await Promise.all(
      paths.map((path) => this.#nest.locks.release({ project: projectId, path, instance_id: instanceId })),
    );
  }
}

export class ClaudeNestTasks implements TasksBackend {
  readonly locks: LocksBackend;
  readonly #nest: ClaudeNest;
  readonly #machines: MachineDirectory;
  readonly #transport: () => LiveTransport;

  constructor(nest: ClaudeNest, machines: MachineDirectory, transport: () => LiveTransport) {
    this.#nest = nest;
    this.#machines = machines;
    this.#transport = transport;
    this.locks = new ClaudeNestLocks(nest, transport);
  }

  async projects(): Promise<ProjectItem[]> {
    const machines = await this.#machines.list();
    const lists = await Promise.all(
      machines.map(async (machine) =>
        (await this.#nest.projects.list({ machine: machine.id })).map((p) => toProject(p, machine)),
      ),
    );
    return lists.flat();
  }

  async create(projectId: string, draft: TaskDraft): Promise<TaskItem> {
    return toTask(await this.#nest.tasks.create({ project: projectId, ...draft }));
  }

  async claim(taskId: string, instanceId: string): Promise<TaskItem> {
    const { task } = await this.#nest.tasks.claim({ id: taskId, instance_id: instanceId });
    return toTask(task);
  }

  async release(taskId: string, instanceId: string, reason?: string): Promise<TaskItem> {
    const { task } = await this.#nest.tasks.release({
      id: taskId,
      instance_id: instanceId,
      ...(reason ? { reason } : {}),
    });
    return toTask(task);
  }

  async complete(taskId: string, instanceId: string, summary: string, filesModified: string[]): Promise<TaskItem> {
    const { task } = await this.#nest.tasks.complete({
      id: taskId,
      instance_id: instanceId,
      summary,
      files_modified: filesModified,
    });
    return toTask(task);
  }

  async nextAvailable(projectId: string): Promise<TaskItem | null> {
    const task = await this.#nest.tasks.nextAvailable({ project: projectId });
    return task ? toTask(task) : null;
  }

  watch(projectId: string, listener: (change: TaskChange) => void): Disposable {
    const watcher = this.#nest.tasks.watch(projectId, { transport: this.#transport() });
    watcher.on("resync", (tasks) => listener({ kind: "resync", tasks: tasks.map(toTask) }));
    watcher.on("task:claimed", ({ task, instanceId }) =>
      listener({ kind: "changed", event: "claimed", task: toTask(task), by: instanceId }),
    );
    watcher.on("task:released", ({ task }) => listener({ kind: "changed", event: "released", task: toTask(task) }));
    watcher.on("task:completed", ({ task }) => listener({ kind: "changed", event: "completed", task: toTask(task) }));
    return { dispose: () => watcher.close() };
  }
}
