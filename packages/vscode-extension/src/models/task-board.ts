/**
 * @module
 * The Tasks tree as data: projects, each with its tasks grouped by status and its file locks. Live changes
 * are applied in place and answer only the nodes whose children or look changed, so the view refreshes those
 * and never the whole tree (a claim elsewhere moves one task between two groups). Nodes are stable objects:
 * VS Code identifies tree elements by reference.
 */
import type { FileLockItem, LockChange, ProjectItem, TaskChange, TaskItem, TaskStatus } from "../backend/types.ts";

export const STATUS_ORDER: readonly TaskStatus[] = ["in_progress", "pending", "completed"];
const PRIORITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

export interface ProjectNode {
  kind: "project";
  project: ProjectItem;
}
export interface StatusNode {
  kind: "status";
  projectId: string;
  status: TaskStatus;
}
export interface TaskNode {
  kind: "task";
  task: TaskItem;
  /** Order of first appearance, for a stable order among equal priorities (the platform lists oldest first). */
  seq: number;
}
export interface LocksNode {
  kind: "locks";
  projectId: string;
}
export interface LockNode {
  kind: "lock";
  projectId: string;
  lock: FileLockItem;
}
export type TaskTreeNode = ProjectNode | StatusNode | TaskNode | LocksNode | LockNode;

interface StatusGroup {
  node: StatusNode;
  members: Set<TaskNode>;
  sorted: TaskNode[] | undefined;
}

interface ProjectState {
  node: ProjectNode;
  loaded: boolean;
  tasks: Map<string, TaskNode>;
  groups: Map<TaskStatus, StatusGroup>;
  locksNode: LocksNode;
  locks: Map<string, LockNode>;
}

const byPriorityThenAge = (a: TaskNode, b: TaskNode) =>
  PRIORITY_RANK[a.task.priority] - PRIORITY_RANK[b.task.priority] || a.seq - b.seq;

/** Inserts a node into a sorted group at its place (a binary search; no re-sort per event). */
function insertSorted(sorted: TaskNode[], node: TaskNode): void {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (byPriorityThenAge(sorted[mid]!, node) <= 0) low = mid + 1;
    else high = mid;
  }
  sorted.splice(low, 0, node);
}

export class TaskBoard {
  readonly #projects = new Map<string, ProjectState>();
  #seq = 0;
  /** Show locks under each project. */
  showLocks = true;

  /** Replaces the project list, keeping the state of projects that remain; answers whether it changed. */
  setProjects(projects: readonly ProjectItem[]): void {
    const next = new Map<string, ProjectState>();
    for (const project of projects) {
      const existing = this.#projects.get(project.id);
      if (existing) {
        existing.node.project = project;
        next.set(project.id, existing);
      } else {
        next.set(project.id, this.#newProject(project));
      }
    }
    this.#projects.clear();
    for (const [id, state] of next) this.#projects.set(id, state);
  }

  get projectIds(): string[] {
    return [...this.#projects.keys()];
  }

  project(projectId: string): ProjectItem | undefined {
    return this.#projects.get(projectId)?.node.project;
  }

  task(taskId: string): TaskItem | undefined {
    for (const state of this.#projects.values()) {
      const node = state.tasks.get(taskId);
      if (node) return node.task;
    }
    return undefined;
  }

  /** Every task of a project, in no particular order. */
  tasks(projectId: string): TaskItem[] {
    return [...(this.#projects.get(projectId)?.tasks.values() ?? [])].map((node) => node.task);
  }

  /** Applies a watcher's report; answers the nodes to refresh (`undefined` for the root). */
  applyTasks(projectId: string, change: TaskChange): Array<TaskTreeNode | undefined> {
    const state = this.#projects.get(projectId);
    if (!state) return [];
    if (change.kind === "resync") return this.#resync(state, change.tasks);
    return this.#upsert(state, change.task);
  }

  applyLocks(projectId: string, change: LockChange): Array<TaskTreeNode | undefined> {
    const state = this.#projects.get(projectId);
    if (!state) return [];
    if (change.kind === "resync") {
      state.locks.clear();
      for (const lock of change.locks) state.locks.set(lock.path, { kind: "lock", projectId, lock });
    } else if (change.kind === "locked") {
      state.locks.set(change.lock.path, { kind: "lock", projectId, lock: change.lock });
    } else {
      state.locks.delete(change.path);
    }
    return [state.node];
  }

  children(node?: TaskTreeNode): TaskTreeNode[] {
    if (node === undefined) return [...this.#projects.values()].map((state) => state.node);
    switch (node.kind) {
      case "project": {
        const state = this.#projects.get(node.project.id);
        if (!state) return [];
        const groups: TaskTreeNode[] = STATUS_ORDER.map((status) => state.groups.get(status)!)
          .filter((group) => group.members.size > 0)
          .map((group) => group.node);
        if (this.showLocks && state.locks.size > 0) groups.push(state.locksNode);
        return groups;
      }
      case "status": {
        const group = this.#projects.get(node.projectId)?.groups.get(node.status);
        if (!group) return [];
        group.sorted ??= [...group.members].sort(byPriorityThenAge);
        return group.sorted;
      }
      case "locks":
        return [...(this.#projects.get(node.projectId)?.locks.values() ?? [])].sort((a, b) =>
          a.lock.path.localeCompare(b.lock.path),
        );
      default:
        return [];
    }
  }

  /** How many tasks a status group holds. */
  count(node: StatusNode | LocksNode): number {
    const state = this.#projects.get(node.projectId);
    if (!state) return 0;
    return node.kind === "locks" ? state.locks.size : state.groups.get(node.status)!.members.size;
  }

  isLoaded(projectId: string): boolean {
    return this.#projects.get(projectId)?.loaded ?? false;
  }

  /** The parent of a node, for `reveal`. */
  parent(node: TaskTreeNode): TaskTreeNode | undefined {
    switch (node.kind) {
      case "project":
        return undefined;
      case "status":
      case "locks":
        return this.#projects.get(node.projectId)?.node;
      case "task":
        return this.#projects.get(node.task.projectId)?.groups.get(node.task.status)?.node;
      case "lock":
        return this.#projects.get(node.projectId)?.locksNode;
    }
  }

  #newProject(project: ProjectItem): ProjectState {
    const groups = new Map<TaskStatus, StatusGroup>();
    for (const status of STATUS_ORDER) {
      groups.set(status, { node: { kind: "status", projectId: project.id, status }, members: new Set(), sorted: [] });
    }
    return {
      node: { kind: "project", project },
      loaded: false,
      tasks: new Map(),
      groups,
      locksNode: { kind: "locks", projectId: project.id },
      locks: new Map(),
    };
  }

  #resync(state: ProjectState, tasks: readonly TaskItem[]): Array<TaskTreeNode | undefined> {
    const seen = new Set<string>();
    for (const group of state.groups.values()) {
      group.members.clear();
      group.sorted = undefined;
    }
    for (const task of tasks) {
      seen.add(task.id);
      let node = state.tasks.get(task.id);
      if (node) node.task = task;
      else {
        node = { kind: "task", task, seq: this.#seq++ };
        state.tasks.set(task.id, node);
      }
      state.groups.get(task.status)!.members.add(node);
    }
    for (const id of state.tasks.keys()) if (!seen.has(id)) state.tasks.delete(id);
    state.loaded = true;
    return [state.node];
  }

  #upsert(state: ProjectState, task: TaskItem): Array<TaskTreeNode | undefined> {
    const node = state.tasks.get(task.id);
    if (!node) {
      const added: TaskNode = { kind: "task", task, seq: this.#seq++ };
      state.tasks.set(task.id, added);
      const group = state.groups.get(task.status)!;
      const wasEmpty = group.members.size === 0;
      group.members.add(added);
      if (group.sorted) insertSorted(group.sorted, added);
      return wasEmpty ? [state.node] : [group.node];
    }
    const before = node.task;
    node.task = task;
    if (before.status === task.status) {
      if (before.priority !== task.priority) {
        const group = state.groups.get(task.status)!;
        group.sorted = undefined;
        return [group.node];
      }
      return [node];
    }
    const from = state.groups.get(before.status)!;
    const to = state.groups.get(task.status)!;
    from.members.delete(node);
    if (from.sorted) from.sorted.splice(from.sorted.indexOf(node), 1);
    const appeared = to.members.size === 0;
    to.members.add(node);
    if (to.sorted) insertSorted(to.sorted, node);
    // A group that empties or appears changes the project's children; otherwise only the two groups change.
    if (from.members.size === 0 || appeared) return [state.node];
    return [from.node, to.node];
  }
}
