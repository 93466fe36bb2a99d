/**
 * @module
 * CoordinAItor's tasks and projects mapped onto the backend's neutral records, in one place.
 *
 * CoordinAItor has five statuses where the views know three: `pending` stays pending, `active` is in progress,
 * and the finished ones (`completed`, `failed`, `cancelled`) are completed. Its priorities have no `critical`,
 * so a critical draft is created `high`. The assignee is the agent while the task is taken up or finished, and
 * nobody while it is pending (CoordinAItor keeps an assignment when a task goes back to pending).
 */
import type { Project, Task } from "@agentlane/sdk/coordinaitor";
import type { ProjectItem, TaskItem, TaskPriority, TaskStatus } from "../types.ts";

const STATUS: Record<Task["status"], TaskStatus> = {
  pending: "pending",
  active: "in_progress",
  completed: "completed",
  failed: "completed",
  cancelled: "completed",
};

export function toTask(task: Task): TaskItem {
  return {
    id: task.id,
    projectId: task.projectId ?? "",
    title: task.title,
    description: task.description || null,
    status: STATUS[task.status],
    priority: task.priority,
    assignee: task.status === "pending" ? null : (task.assignedAgent?.name ?? null),
    blocked: false,
    files: [],
  };
}

export function toProject(project: Project): ProjectItem {
  return { id: project.id, name: project.name, path: null };
}

/** The platform's priority for a draft's. */
export function toPriority(priority: TaskPriority | undefined): Task["priority"] | undefined {
  return priority === "critical" ? "high" : priority;
}
