/**
 * @module
 * ClaudeNest's wire records (snake_case, as the document names them) mapped onto the backend's neutral
 * records, in one place, so the tree models never see a platform's field names.
 */
import type { Lock, Machine, Project, Session, SkillSummary, Task } from "@agentlane/sdk/claudenest";
import type { FileLockItem, HostItem, ProjectItem, SessionItem, SkillItem, TaskItem, TaskStatus } from "../types.ts";

/**
 * ClaudeNest's statuses on the board's three columns: the document's three as they are, and those of ClaudeNest's
 * own server (`done` is completed, a task under `review` is still in progress, a `blocked` one waits).
 */
const STATUS: Record<Task["status"], TaskStatus> = {
  pending: "pending",
  in_progress: "in_progress",
  completed: "completed",
  done: "completed",
  review: "in_progress",
  blocked: "pending",
};

export function toSkill(machineId: string, skill: SkillSummary): SkillItem {
  return {
    groupId: machineId,
    path: skill.path,
    name: skill.name,
    description: skill.description,
    enabled: skill.enabled,
    priority: skill.priority,
  };
}

export function toTask(task: Task): TaskItem {
  return {
    id: task.id,
    projectId: task.project_id,
    title: task.title,
    description: task.description,
    status: STATUS[task.status],
    priority: task.priority,
    assignee: task.assigned_to,
    blocked: task.is_blocked || task.status === "blocked",
    files: task.files,
  };
}

export function toProject(project: Project, machine?: Machine): ProjectItem {
  return {
    id: project.id,
    name: project.name,
    path: project.project_path,
    ...(machine ? { location: machine.name } : {}),
  };
}

export function toLock(lock: Lock): FileLockItem {
  return { path: lock.path, lockedBy: lock.locked_by, reason: lock.reason, expiresAt: lock.expires_at };
}

export function toHost(machine: Machine): HostItem {
  return {
    id: machine.id,
    name: machine.name,
    status: machine.status,
    detail: `${machine.platform} · ${machine.active_sessions_count}/${machine.max_sessions} sessions`,
  };
}

const RUNNING: ReadonlySet<string> = new Set(["created", "starting", "running", "waiting_input"]);

export function toSession(session: Session): SessionItem {
  const where = session.project_path ?? session.mode;
  return {
    id: session.id,
    hostId: session.machine_id,
    label: `${where} (${session.id.slice(0, 8)})`,
    status: session.status,
    running: RUNNING.has(session.status),
  };
}
