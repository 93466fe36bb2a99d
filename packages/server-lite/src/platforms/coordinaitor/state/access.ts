/**
 * @module
 * Who sees and changes what, as SQL conditions (so lists filter in the query) and as checks of one row.
 *
 * - Tasks: their creator, the creator and members of their project, and administrators of the organization.
 *   Changing one needs, beside that, `tasks:write` among a member's project permissions.
 * - Projects: their creator, their members and administrators; managing one (changes, members, deletion) their
 *   creator, administrators and members with the role `project-manager`.
 * - Agents: everybody in the organization; changing one its creator and administrators.
 * Anything of another organization does not exist for the caller (404).
 */
import { Failure } from "../../../core/failure.ts";
import type { CoUser } from "../caller.ts";
import type { CoServices } from "../services.ts";
import { parseJson } from "./json.ts";

/** SQL condition (on alias `t`) for the tasks a caller sees, and its arguments. */
export function visibleTasks(caller: CoUser): { sql: string; args: unknown[] } {
  if (caller.role === "admin") return { sql: "t.org_id = ?", args: [caller.orgId] };
  return {
    sql: `t.org_id = ? AND (t.created_by = ? OR t.project_id IN (SELECT id FROM co_projects WHERE created_by = ?)
      OR t.project_id IN (SELECT project_id FROM co_project_members WHERE user_id = ?))`,
    args: [caller.orgId, caller.userId, caller.userId, caller.userId],
  };
}

/** SQL condition (on alias `p`) for the projects a caller sees. */
export function visibleProjects(caller: CoUser): { sql: string; args: unknown[] } {
  if (caller.role === "admin") return { sql: "p.org_id = ?", args: [caller.orgId] };
  return {
    sql: "p.org_id = ? AND (p.created_by = ? OR p.id IN (SELECT project_id FROM co_project_members WHERE user_id = ?))",
    args: [caller.orgId, caller.userId, caller.userId],
  };
}

/** The row of a task the caller sees, or 404. */
export function seenTask<T = Record<string, unknown>>(services: CoServices, caller: CoUser, taskId: string): T {
  const { sql, args } = visibleTasks(caller);
  const row = services.db.get<T>(`SELECT t.* FROM co_tasks t WHERE t.id = ? AND ${sql}`, taskId, ...args);
  if (!row) throw new Failure("NOT_FOUND", "Task not found");
  return row;
}

/** Whether a caller may change a task it sees. */
export function mayChangeTask(
  services: CoServices,
  caller: CoUser,
  task: { created_by: string; project_id: string | null },
): boolean {
  if (caller.role === "admin" || task.created_by === caller.userId || task.project_id === null) return true;
  const project = services.db.get<{ created_by: string }>(
    "SELECT created_by FROM co_projects WHERE id = ?",
    task.project_id,
  );
  if (project?.created_by === caller.userId) return true;
  const member = services.db.get<{ role: string; permissions: string }>(
    "SELECT role, permissions FROM co_project_members WHERE project_id = ? AND user_id = ?",
    task.project_id,
    caller.userId,
  );
  return member !== undefined && parseJson<string[]>(member.permissions, []).includes("tasks:write");
}

/** The row of a task the caller sees and may change: 404 when unseen, 403 when only seen. */
export function changeableTask<T extends { created_by: string; project_id: string | null }>(
  services: CoServices,
  caller: CoUser,
  taskId: string,
): T {
  const row = seenTask<T>(services, caller, taskId);
  if (!mayChangeTask(services, caller, row))
    throw new Failure("AUTHORIZATION_ERROR", "Your project permissions do not include tasks:write");
  return row;
}

/** The row of a project the caller sees, or 404. */
export function seenProject<T = Record<string, unknown>>(services: CoServices, caller: CoUser, projectId: string): T {
  const { sql, args } = visibleProjects(caller);
  const row = services.db.get<T>(`SELECT p.* FROM co_projects p WHERE p.id = ? AND ${sql}`, projectId, ...args);
  if (!row) throw new Failure("NOT_FOUND", "Project not found");
  return row;
}

/** The row of a project the caller may manage: 404 when unseen, 403 when only seen. */
export function managedProject<T extends { created_by: string; id: string }>(
  services: CoServices,
  caller: CoUser,
  projectId: string,
): T {
  const row = seenProject<T>(services, caller, projectId);
  if (caller.role === "admin" || row.created_by === caller.userId) return row;
  const member = services.db.get<{ role: string }>(
    "SELECT role FROM co_project_members WHERE project_id = ? AND user_id = ?",
    projectId,
    caller.userId,
  );
  if (member?.role !== "project-manager")
    throw new Failure("AUTHORIZATION_ERROR", "Only the project's creator or a project-manager may do this");
  return row;
}

/** The row of an agent of the caller's organization, or 404. */
export function seenAgent<T = Record<string, unknown>>(services: CoServices, caller: CoUser, agentId: string): T {
  const row = services.db.get<T>("SELECT * FROM co_agents WHERE id = ? AND org_id = ?", agentId, caller.orgId);
  if (!row) throw new Failure("NOT_FOUND", "Agent not found");
  return row;
}

/** The row of an agent the caller may change: 404 when unseen, 403 when not its creator or an administrator. */
export function changeableAgent<T extends { created_by: string }>(
  services: CoServices,
  caller: CoUser,
  agentId: string,
): T {
  const row = seenAgent<T>(services, caller, agentId);
  if (caller.role !== "admin" && row.created_by !== caller.userId)
    throw new Failure("AUTHORIZATION_ERROR", "Only the agent's creator or an administrator may change it");
  return row;
}

/** Whether a user (with a role) is in an event's audience. */
export function inAudience(
  audience: { orgId: string; users: readonly string[] | "org" },
  user: { userId: string; orgId: string; role: string },
): boolean {
  if (audience.orgId !== user.orgId) return false;
  return user.role === "admin" || audience.users === "org" || audience.users.includes(user.userId);
}

/** Who sees a task: its creator and its project's creator and members (administrators always). */
export function taskAudience(
  services: CoServices,
  task: { org_id: string; created_by: string; project_id: string | null },
): { orgId: string; users: string[] } {
  const users = new Set([task.created_by]);
  if (task.project_id) {
    const project = services.db.get<{ created_by: string }>(
      "SELECT created_by FROM co_projects WHERE id = ?",
      task.project_id,
    );
    if (project) users.add(project.created_by);
    for (const m of services.db.all<{ user_id: string }>(
      "SELECT user_id FROM co_project_members WHERE project_id = ?",
      task.project_id,
    ))
      users.add(m.user_id);
  }
  return { orgId: task.org_id, users: [...users] };
}

/** Who sees a project: its creator and members (administrators always). */
export function projectAudience(services: CoServices, project: { id: string; org_id: string; created_by: string }) {
  const users = new Set([project.created_by]);
  for (const m of services.db.all<{ user_id: string }>(
    "SELECT user_id FROM co_project_members WHERE project_id = ?",
    project.id,
  ))
    users.add(m.user_id);
  return { orgId: project.org_id, users: [...users] };
}
