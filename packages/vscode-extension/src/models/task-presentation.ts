/**
 * @module
 * How the Tasks tree's nodes look: priority icons and colors, the assignee, the blocked state, and the
 * context values the menus use (`task:pending`, `task:mine`, `task:blocked`, ...).
 */
import type { TaskPriority, TaskStatus } from "../backend/types.ts";
import type { Presentation } from "./presentation.ts";
import type { TaskBoard, TaskTreeNode } from "./task-board.ts";

const STATUS_LABEL: Record<TaskStatus, string> = {
  in_progress: "In progress",
  pending: "Pending",
  completed: "Completed",
};
const STATUS_ICON: Record<TaskStatus, string> = {
  in_progress: "sync",
  pending: "circle-large-outline",
  completed: "pass",
};
const PRIORITY_ICON: Record<TaskPriority, { icon: string; color: string }> = {
  critical: { icon: "flame", color: "charts.red" },
  high: { icon: "arrow-up", color: "charts.orange" },
  medium: { icon: "dash", color: "charts.yellow" },
  low: { icon: "arrow-down", color: "charts.blue" },
};

/** The context value of a task: its status, and whether this window holds it or it is blocked. */
export function taskContext(status: TaskStatus, assignee: string | null, blocked: boolean, me: string): string {
  if (status === "completed") return "task:completed";
  if (status === "in_progress") return assignee === me ? "task:mine" : "task:theirs";
  return blocked ? "task:blocked" : "task:pending";
}

/**
 * The looks of one view's nodes, for one instance id. A task's look is kept until the task changes (its
 * node then holds a new record), so a refresh of a large group computes only the changed task's look.
 */
export class TaskLooks {
  readonly #board: TaskBoard;
  readonly #me: string;
  readonly #cache = new WeakMap<object, { task: object; look: Presentation }>();
  /** How many task looks were computed (not taken from the cache). */
  computed = 0;

  constructor(board: TaskBoard, me: string) {
    this.#board = board;
    this.#me = me;
  }

  present(node: TaskTreeNode): Presentation {
    if (node.kind !== "task") return presentTaskNode(this.#board, node, this.#me);
    const cached = this.#cache.get(node);
    if (cached && cached.task === node.task) return cached.look;
    const look = presentTaskNode(this.#board, node, this.#me);
    this.computed++;
    this.#cache.set(node, { task: node.task, look });
    return look;
  }
}

export function presentTaskNode(board: TaskBoard, node: TaskTreeNode, me: string): Presentation {
  switch (node.kind) {
    case "project": {
      const { project } = node;
      return {
        label: project.name,
        ...(project.location ? { description: project.location } : {}),
        tooltip: project.path ?? project.name,
        icon: "project",
        contextValue: "project",
        collapsible: "expanded",
      };
    }
    case "status":
      return {
        label: STATUS_LABEL[node.status],
        description: String(board.count(node)),
        icon: STATUS_ICON[node.status],
        contextValue: `status:${node.status}`,
        collapsible: node.status === "completed" ? "collapsed" : "expanded",
      };
    case "locks":
      return {
        label: "File locks",
        description: String(board.count(node)),
        icon: "lock",
        contextValue: "locks",
        collapsible: "collapsed",
      };
    case "lock":
      return {
        label: node.lock.path,
        description: node.lock.lockedBy === me ? "locked by you" : `locked by ${node.lock.lockedBy}`,
        tooltip: [node.lock.path, node.lock.reason, node.lock.expiresAt && `until ${node.lock.expiresAt}`]
          .filter(Boolean)
          .join("\n"),
        icon: "lock",
        contextValue: node.lock.lockedBy === me ? "lock:mine" : "lock",
        collapsible: "none",
        command: "agentlane.locks.open",
      };
    case "task": {
      const { task } = node;
      const priority = PRIORITY_ICON[task.priority];
      const who = task.assignee === null ? undefined : task.assignee === me ? "you" : task.assignee;
      const progress = task.progress !== undefined && task.status === "in_progress" ? `${task.progress}%` : undefined;
      const description = [
        task.blocked && task.status === "pending" ? "blocked" : undefined,
        who && `@${who}`,
        progress,
      ]
        .filter(Boolean)
        .join(" · ");
      const tooltip = [
        task.title,
        `Priority: ${task.priority}`,
        `Status: ${STATUS_LABEL[task.status]}${task.blocked ? " (blocked by a dependency)" : ""}`,
        task.assignee ? `Assignee: ${task.assignee}` : undefined,
        task.progress !== undefined ? `Progress: ${task.progress}%` : undefined,
        task.files.length > 0 ? `Files: ${task.files.join(", ")}` : undefined,
        task.description ?? undefined,
      ]
        .filter(Boolean)
        .join("\n");
      return {
        label: task.title,
        ...(description ? { description } : {}),
        tooltip,
        icon: task.blocked && task.status === "pending" ? "lock" : priority.icon,
        iconColor: task.blocked && task.status === "pending" ? "disabledForeground" : priority.color,
        contextValue: taskContext(task.status, task.assignee, task.blocked, me),
        collapsible: "none",
        command: "agentlane.tasks.show",
      };
    }
  }
}
