/**
 * @module
 * Reading tasks and keeping their claims honest: the task as the API shows it, who may reach it, dependency
 * checks, expiry of old claims and each instance's current task. Choices are documented in the SDK's
 * `contract/tasks.ts`.
 */

import type { Task } from "@agentlane/sdk/claudenest/contract";
import { Failure } from "../../../core/failure.ts";
import { type NestCaller, userOf } from "../caller.ts";
import { PRIORITY_RANK } from "../db/tasks.ts";
import type { NestServices } from "../services.ts";
import { broadcast } from "./broadcast.ts";
import { logActivity, type ProjectRow, touchInstance } from "./projects.ts";

export const DEFAULT_TASK_TIMEOUT_MINUTES = 60;

export interface TaskRow {
  seq: number;
  id: string;
  project_id: string;
  title: string;
  description: string | null;
  priority: Task["priority"];
  status: Task["status"];
  assigned_to: string | null;
  claimed_at: number | null;
  completed_at: number | null;
  files: string;
  estimated_tokens: number | null;
  completion_summary: string | null;
  files_modified: string | null;
  created_at: string;
  updated_at: string;
  /** JSON array of the ids the task depends on, in the order they were given. */
  dependencies: string;
  /** 1 while some dependency is not completed. */
  blocked: number;
}

/** Every task column plus its dependencies and whether it is blocked, from `cn_tasks t`. */
export const TASK_COLUMNS = `t.*,
  (SELECT json_group_array(depends_on ORDER BY rowid) FROM cn_task_dependencies WHERE task_id = t.id) AS dependencies,
  EXISTS (SELECT 1 FROM cn_task_dependencies d JOIN cn_tasks p ON p.id = d.depends_on
          WHERE d.task_id = t.id AND p.status <> 'completed') AS blocked`;

/** `TASK_COLUMNS` of `cn_tasks t`; add `WHERE`/`ORDER BY` after it. */
export const TASK_SELECT = `SELECT ${TASK_COLUMNS} FROM cn_tasks t`;

/**
 * The status a stored status is answered as: a completed task is `completed` (the document's) or, with
 * `compat: "real"`, `done` (ClaudeNest's own server's).
 */
export function answeredStatus(services: NestServices, status: Task["status"]): Task["status"] {
  return status === "completed" && services.settings.compat === "real" ? "done" : status;
}

/** The stored status a status filter names: `done` is the real server's word for `completed`. */
export function storedStatus(status: Task["status"]): Task["status"] {
  return status === "done" ? "completed" : status;
}

/** How many tasks a project has (with `status`, in that stored status), from the counter table. */
export function countTasks(services: NestServices, projectId: string, status?: Task["status"]): number {
  const row = status
    ? services.db.get<{ n: number }>(
        "SELECT coalesce(sum(n), 0) AS n FROM cn_task_counts WHERE project_id = ? AND status = ?",
        projectId,
        status,
      )
    : services.db.get<{ n: number }>(
        "SELECT coalesce(sum(n), 0) AS n FROM cn_task_counts WHERE project_id = ?",
        projectId,
      );
  return row!.n;
}

export function toTask(services: NestServices, row: TaskRow): Task {
  return {
    id: row.id,
    project_id: row.project_id,
    title: row.title,
    description: row.description,
    priority: row.priority,
    status: answeredStatus(services, row.status),
    assigned_to: row.assigned_to,
    is_claimed: row.assigned_to !== null,
    is_completed: row.status === "completed",
    is_blocked: row.blocked === 1,
    blocked_by: null,
    files: JSON.parse(row.files) as string[],
    dependencies: JSON.parse(row.dependencies) as string[],
    estimated_tokens: row.estimated_tokens,
    claimed_at: services.iso(row.claimed_at),
    completed_at: services.iso(row.completed_at),
    completion_summary: row.completion_summary,
    files_modified: row.files_modified === null ? null : (JSON.parse(row.files_modified) as string[]),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function taskRow(services: NestServices, id: string): TaskRow | undefined {
  return services.db.get<TaskRow>(`${TASK_SELECT} WHERE t.id = ?`, id);
}

/** A task known to exist (read again after a write). */
export function taskById(services: NestServices, id: string): Task {
  return toTask(services, taskRow(services, id)!);
}

/**
 * The project of a task the caller may reach, or TSK_001: a stranger learns nothing of other users' tasks,
 * and a machine token reaches only the tasks of its machine's projects.
 */
export function projectOfTask(services: NestServices, caller: NestCaller, taskId: string): ProjectRow {
  const project = services.db.get<ProjectRow>(
    "SELECT p.* FROM cn_tasks t JOIN cn_projects p ON p.id = t.project_id WHERE t.id = ? AND p.user_id = ?",
    taskId,
    userOf(caller),
  );
  if (!project || (caller.kind === "machine" && caller.machineId !== project.machine_id)) throw new Failure("TSK_001");
  return project;
}

/** The next available task: highest priority, pending, every dependency completed, oldest first. */
export function nextAvailableRow(services: NestServices, projectId: string): TaskRow | undefined {
  return services.db.get<TaskRow>(
    `${TASK_SELECT} WHERE t.project_id = ? AND t.status = 'pending' AND t.assigned_to IS NULL
     AND NOT EXISTS (SELECT 1 FROM cn_task_dependencies d JOIN cn_tasks p ON p.id = d.depends_on
                     WHERE d.task_id = t.id AND p.status <> 'completed')
     ORDER BY ${PRIORITY_RANK}, t.seq LIMIT 1`,
    projectId,
  );
}

/**
 * Claims a pending, unassigned task for an instance inside the caller's transaction: the conditional update, the
 * instance's current task and the activity log. Answers whether the task was taken (`false` when another claim
 * took it first).
 */
export function takeClaim(services: NestServices, projectId: string, row: TaskRow, instance: string): boolean {
  const { changes } = services.db.run(
    "UPDATE cn_tasks SET status = 'in_progress', assigned_to = ?, claimed_at = ?, updated_at = ? WHERE id = ? AND status = 'pending' AND assigned_to IS NULL",
    instance,
    services.now(),
    services.clock.iso(),
    row.id,
  );
  if (changes !== 1) return false;
  touchInstance(services, projectId, instance);
  services.db.run(
    "UPDATE cn_instances SET current_task_id = ? WHERE project_id = ? AND id = ?",
    row.id,
    projectId,
    instance,
  );
  logActivity(services, projectId, instance, "task_claimed", { task_id: row.id, task_title: row.title });
  return true;
}

/**
 * The distinct dependencies of a task, or VAL_001 naming each bad one: not a task of the project, the task
 * itself, or a task that already depends on it (which would make a cycle).
 */
export function checkDependencies(
  services: NestServices,
  projectId: string,
  taskId: string | null,
  dependencies: readonly string[],
): string[] {
  const unique = [...new Set(dependencies)];
  const dependents = taskId
    ? new Set(
        services.db
          .all<{ id: string }>(
            `WITH RECURSIVE dependents(id) AS (
               SELECT task_id FROM cn_task_dependencies WHERE depends_on = ?
               UNION SELECT d.task_id FROM cn_task_dependencies d JOIN dependents ON d.depends_on = dependents.id)
             SELECT id FROM dependents`,
            taskId,
          )
          .map((r) => r.id),
      )
    : new Set<string>();
  const errors: string[] = [];
  for (const id of unique) {
    if (id === taskId) errors.push("A task cannot depend on itself.");
    else if (!services.db.get("SELECT 1 FROM cn_tasks WHERE id = ? AND project_id = ?", id, projectId))
      errors.push(`The dependency ${id} is not a task of this project.`);
    else if (dependents.has(id)) errors.push(`The dependency ${id} already depends on this task.`);
  }
  if (errors.length > 0) throw new Failure("VAL_001", undefined, { dependencies: errors });
  return unique;
}

/** Points an instance at the task it claimed most recently and still holds, or at nothing. */
export function refreshCurrentTask(services: NestServices, projectId: string, instanceId: string): void {
  services.db.run(
    `UPDATE cn_instances SET current_task_id = (
       SELECT id FROM cn_tasks WHERE project_id = ? AND assigned_to = ? AND status = 'in_progress'
       ORDER BY claimed_at DESC, seq DESC LIMIT 1)
     WHERE project_id = ? AND id = ?`,
    projectId,
    instanceId,
    projectId,
    instanceId,
  );
}

export function taskTimeoutMinutes(project: Pick<ProjectRow, "settings">): number {
  const settings = JSON.parse(project.settings) as { taskTimeoutMinutes?: number };
  return settings.taskTimeoutMinutes ?? DEFAULT_TASK_TIMEOUT_MINUTES;
}

/**
 * Releases the project's claims older than its task timeout, logging and publishing each release. Called by
 * every task endpoint before it reads, so expiry follows the server clock without a background timer.
 */
export function releaseExpiredClaims(services: NestServices, project: ProjectRow): void {
  const minutes = taskTimeoutMinutes(project);
  const cutoff = services.now() - minutes * 60_000;
  const expired = services.db.all<{ id: string; title: string; assigned_to: string }>(
    "SELECT id, title, assigned_to FROM cn_tasks WHERE project_id = ? AND status = 'in_progress' AND claimed_at <= ?",
    project.id,
    cutoff,
  );
  if (expired.length === 0) return;
  const reason = `Claim timed out after ${minutes} minutes`;
  const updatedAt = services.clock.iso();
  services.db.tx(() => {
    for (const task of expired) {
      services.db.run(
        "UPDATE cn_tasks SET status = 'pending', assigned_to = NULL, claimed_at = NULL, updated_at = ? WHERE id = ?",
        updatedAt,
        task.id,
      );
      refreshCurrentTask(services, project.id, task.assigned_to);
      logActivity(services, project.id, task.assigned_to, "task_released", {
        task_id: task.id,
        task_title: task.title,
        reason,
        timed_out: true,
      });
    }
  });
  for (const task of expired) {
    broadcast(services, `private-project.${project.id}`, "task:released", {
      task: taskById(services, task.id),
      reason,
    });
  }
}
