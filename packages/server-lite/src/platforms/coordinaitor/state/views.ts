/**
 * @module
 * Rows as the API answers them: tasks, agents (with figures computed from their tasks), projects and users.
 */
import type {
  Agent,
  AgentMetrics,
  Comment,
  HistoryEntry,
  Profile,
  Project,
  Task,
  TaskFile,
  User,
} from "@agentlane/sdk/coordinaitor/contract";
import type { CoServices } from "../services.ts";
import { isoOf, parseJson } from "./json.ts";

/** A task row as stored. */
export interface TaskRow {
  id: string;
  org_id: string;
  created_by: string;
  title: string;
  description: string;
  status: Task["status"];
  priority: Task["priority"];
  project_id: string | null;
  agent_id: string | null;
  tags: string;
  estimated_hours: number | null;
  actual_hours: number;
  progress: number;
  due_date: string | null;
  requirements: string;
  acceptance: string;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
  assigned_at: number | null;
  responded_at: number | null;
  active_since: number | null;
  active_ms: number;
  first_completed_at: number | null;
  change_requests: number;
}

/** The columns a task view reads: the task and the names of its agent and project. */
export const TASK_SELECT = `SELECT t.*, a.name AS agent_name, a.type AS agent_type, p.name AS project_name
  FROM co_tasks t LEFT JOIN co_agents a ON a.id = t.agent_id LEFT JOIN co_projects p ON p.id = t.project_id`;

/** A task row with the names {@link TASK_SELECT} joins. */
export interface TaskViewRow extends TaskRow {
  agent_name: string | null;
  agent_type: string | null;
  project_name: string | null;
}

/** What `include` may add to a task. */
export type TaskInclude = "comments" | "files" | "history" | "metrics";

/** The API's task. */
export function taskView(services: CoServices, row: TaskViewRow, include: ReadonlySet<TaskInclude> = new Set()): Task {
  const task: Task = {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: row.priority,
    projectId: row.project_id,
    agentId: row.agent_id,
    tags: parseJson<string[]>(row.tags, []),
    estimatedHours: row.estimated_hours,
    actualHours: row.actual_hours,
    progress: row.progress,
    dueDate: row.due_date,
    createdAt: isoOf(row.created_at)!,
    updatedAt: isoOf(row.updated_at)!,
    completedAt: isoOf(row.completed_at),
    createdBy: row.created_by,
    requirements: parseJson<string[]>(row.requirements, []),
    acceptanceCriteria: parseJson<string[]>(row.acceptance, []),
    assignedAgent:
      row.agent_id && row.agent_name !== null
        ? { id: row.agent_id, name: row.agent_name, type: row.agent_type ?? "coding" }
        : null,
    project: row.project_id && row.project_name !== null ? { id: row.project_id, name: row.project_name } : null,
  };
  if (include.has("comments")) task.comments = comments(services, row.id);
  if (include.has("files")) task.files = files(services, row.id);
  if (include.has("history")) task.history = history(services, row.id);
  if (include.has("metrics"))
    task.metrics = {
      timeSpent: row.actual_hours,
      completionRate: row.progress,
      qualityScore: null,
      changeRequests: row.change_requests,
    };
  return task;
}

/** One task by id, as the API answers it (the caller has checked access). */
export function taskById(services: CoServices, id: string, include?: ReadonlySet<TaskInclude>): Task {
  return taskView(services, services.db.get<TaskViewRow>(`${TASK_SELECT} WHERE t.id = ?`, id)!, include);
}

function comments(services: CoServices, taskId: string): Comment[] {
  return services.db
    .all<{ id: string; content: string; author: string; mentions: string; created_at: number }>(
      "SELECT id, content, author, mentions, created_at FROM co_comments WHERE task_id = ? ORDER BY rowid",
      taskId,
    )
    .map((c) => ({
      id: c.id,
      content: c.content,
      author: c.author,
      mentions: parseJson<string[]>(c.mentions, []),
      createdAt: isoOf(c.created_at)!,
    }));
}

/** A stored task file as the API answers it (without its bytes). */
export function fileView(f: {
  id: string;
  name: string;
  size: number;
  mime_type: string;
  description: string | null;
  uploaded_by: string;
  uploaded_at: number;
}): TaskFile {
  return {
    id: f.id,
    name: f.name,
    size: f.size,
    mimeType: f.mime_type,
    description: f.description,
    uploadedBy: f.uploaded_by,
    uploadedAt: isoOf(f.uploaded_at)!,
  };
}

function files(services: CoServices, taskId: string): TaskFile[] {
  return services.db
    .all<Parameters<typeof fileView>[0]>(
      "SELECT id, name, size, mime_type, description, uploaded_by, uploaded_at FROM co_files WHERE task_id = ? ORDER BY rowid",
      taskId,
    )
    .map(fileView);
}

function history(services: CoServices, taskId: string): HistoryEntry[] {
  return services.db
    .all<{
      id: string;
      action: string;
      from_value: string | null;
      to_value: string | null;
      user_id: string;
      reason: string | null;
      at: number;
    }>("SELECT * FROM co_task_history WHERE task_id = ? ORDER BY rowid", taskId)
    .map((h) => ({
      id: h.id,
      action: h.action,
      ...(h.from_value === null ? {} : { from: parseJson<unknown>(h.from_value, null) }),
      ...(h.to_value === null ? {} : { to: parseJson<unknown>(h.to_value, null) }),
      user: h.user_id,
      reason: h.reason,
      timestamp: isoOf(h.at)!,
    }));
}

/** The columns of an agent view: the agent and its figures computed from its tasks, with its current status. */
export const AGENT_FROM = `(SELECT a.*, a.rowid AS row_seq,
    (SELECT count(*) FROM co_tasks WHERE agent_id = a.id AND status IN ('pending', 'active')) AS current_tasks,
    (SELECT count(*) FROM co_tasks WHERE agent_id = a.id AND status = 'completed') AS completed_tasks,
    (SELECT count(*) FROM co_tasks WHERE agent_id = a.id AND status = 'failed') AS failed_tasks,
    (SELECT avg(responded_at - assigned_at) FROM co_tasks WHERE agent_id = a.id AND responded_at IS NOT NULL
      AND assigned_at IS NOT NULL) AS avg_response_ms
  FROM co_agents a) ag`;
/** The status of an agent row of {@link AGENT_FROM}, as SQL. */
export const AGENT_STATUS_SQL =
  "CASE WHEN ag.enabled = 0 THEN 'offline' WHEN ag.current_tasks >= ag.max_concurrent THEN 'busy' ELSE 'available' END";

/** An agent row of {@link AGENT_FROM}. */
export interface AgentViewRow {
  id: string;
  org_id: string;
  created_by: string;
  name: string;
  type: Agent["type"];
  model: string | null;
  provider: string | null;
  capabilities: string;
  specializations: string;
  max_concurrent: number;
  working_hours: string | null;
  configuration: string;
  enabled: number;
  disabled_reason: string | null;
  last_status: string;
  created_at: number;
  updated_at: number;
  last_active_at: number | null;
  current_tasks: number;
  completed_tasks: number;
  failed_tasks: number;
  avg_response_ms: number | null;
  status: Agent["status"];
}

/** The API's agent. */
export function agentView(row: AgentViewRow): Agent {
  const finished = row.completed_tasks + row.failed_tasks;
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    status: row.status,
    enabled: row.enabled === 1,
    disabledReason: row.disabled_reason,
    model: row.model,
    provider: row.provider,
    capabilities: parseJson<string[]>(row.capabilities, []),
    specializations: parseJson<string[]>(row.specializations, []),
    maxConcurrentTasks: row.max_concurrent,
    currentTasks: row.current_tasks,
    averageResponseTime: row.avg_response_ms === null ? null : Math.round(row.avg_response_ms / 100) / 10,
    successRate: finished === 0 ? null : row.completed_tasks / finished,
    totalTasksCompleted: row.completed_tasks,
    createdAt: isoOf(row.created_at)!,
    lastActiveAt: isoOf(row.last_active_at),
    workingHours: parseJson<Agent["workingHours"]>(row.working_hours, null),
    configuration: parseJson<Record<string, unknown>>(row.configuration, {}),
    createdBy: row.created_by,
  };
}

/** One agent row with its figures. */
export function agentRow(services: CoServices, id: string): AgentViewRow | undefined {
  return services.db.get<AgentViewRow>(
    `SELECT ag.*, ${AGENT_STATUS_SQL} AS status FROM ${AGENT_FROM} WHERE ag.id = ?`,
    id,
  );
}

/** An agent's performance figures, from its tasks' history. */
export function agentMetrics(services: CoServices, row: AgentViewRow): AgentMetrics {
  const now = services.now();
  const tasks = services.db.all<{
    status: string;
    assigned_at: number | null;
    completed_at: number | null;
    responded_at: number | null;
    active_ms: number;
    active_since: number | null;
  }>(
    "SELECT status, assigned_at, completed_at, responded_at, active_ms, active_since FROM co_tasks WHERE agent_id = ?",
    row.id,
  );
  const count = (status: string) => tasks.filter((t) => t.status === status).length;
  const completed = tasks.filter((t) => t.status === "completed" && t.completed_at !== null && t.assigned_at !== null);
  const finished = count("completed") + count("failed");
  const hours = (ms: number) => Math.round((ms / 3_600_000) * 100) / 100;
  const activeMs = tasks.reduce(
    (sum, t) => sum + t.active_ms + (t.active_since === null ? 0 : now - t.active_since),
    0,
  );
  const totalMs = Math.max(1, now - row.created_at);
  const byHour = new Map<number, number>();
  for (const t of completed) {
    const hour = new Date(t.completed_at!).getUTCHours();
    byHour.set(hour, (byHour.get(hour) ?? 0) + 1);
  }
  const pad = (h: number) => `${String(h % 24).padStart(2, "0")}:00`;
  const peakHours = [...byHour.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, 2)
    .map(([h]) => `${pad(h)}-${pad(h + 1)}`);
  const view = agentView(row);
  return {
    agentId: row.id,
    period: { start: isoOf(row.created_at)!, end: isoOf(now)! },
    taskMetrics: {
      totalTasks: tasks.length,
      completedTasks: count("completed"),
      failedTasks: count("failed"),
      cancelledTasks: count("cancelled"),
      successRate: finished === 0 ? null : count("completed") / finished,
      averageCompletionTime:
        completed.length === 0
          ? null
          : hours(completed.reduce((s, t) => s + (t.completed_at! - t.assigned_at!), 0) / completed.length),
    },
    performanceMetrics: {
      averageResponseTime: view.averageResponseTime,
      qualityScore: null,
      customerSatisfaction: null,
      codeQualityScore: null,
    },
    utilizationMetrics: {
      totalHours: hours(totalMs),
      activeHours: hours(activeMs),
      utilizationRate: Math.min(1, activeMs / totalMs),
      peakHours,
    },
  };
}

/** A project row as stored. */
export interface ProjectRow {
  id: string;
  org_id: string;
  created_by: string;
  name: string;
  description: string;
  status: Project["status"];
  priority: Project["priority"];
  start_date: string | null;
  end_date: string | null;
  budget: string | null;
  tags: string;
  agents: string;
  created_at: number;
  updated_at: number;
}

/** The API's project, with its figures. */
export function projectView(services: CoServices, row: ProjectRow): Project {
  const counts = services.db.get<{ total: number; completed: number; active: number; pending: number }>(
    `SELECT count(*) AS total, coalesce(sum(status = 'completed'), 0) AS completed,
       coalesce(sum(status = 'active'), 0) AS active, coalesce(sum(status = 'pending'), 0) AS pending
     FROM co_tasks WHERE project_id = ?`,
    row.id,
  )!;
  const members = services.db
    .all<{ user_id: string; role: string; permissions: string; added_at: number }>(
      "SELECT user_id, role, permissions, added_at FROM co_project_members WHERE project_id = ? ORDER BY rowid",
      row.id,
    )
    .map((m) => ({
      userId: m.user_id,
      role: m.role,
      permissions: parseJson<Project["teamMembers"][number]["permissions"]>(m.permissions, []),
      addedAt: isoOf(m.added_at)!,
    }));
  const agents = parseJson<string[]>(row.agents, []);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    priority: row.priority,
    startDate: row.start_date,
    endDate: row.end_date,
    progress: counts.total === 0 ? 0 : counts.completed / counts.total,
    taskCount: { total: counts.total, completed: counts.completed, active: counts.active, pending: counts.pending },
    teamSize: members.length,
    assignedAgents: agents.length,
    agents,
    teamMembers: members,
    budget: parseJson<Project["budget"]>(row.budget, null),
    tags: parseJson<string[]>(row.tags, []),
    createdBy: row.created_by,
    createdAt: isoOf(row.created_at)!,
    updatedAt: isoOf(row.updated_at)!,
  };
}

/** A user row as stored (without the avatar bytes). */
export interface UserRow {
  id: string;
  org_id: string;
  email: string;
  name: string;
  role: User["role"];
  preferences: string;
  avatar_type: string | null;
  created_at: number;
  last_login_at: number | null;
}

/** The columns of a user row, without the password hash or the avatar bytes. */
export const USER_COLUMNS = "id, org_id, email, name, role, preferences, avatar_type, created_at, last_login_at";

/** The API's user. */
export function userView(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organizationId: row.org_id,
    avatar: row.avatar_type ? `/api/v1/users/${encodeURIComponent(row.id)}/avatar` : null,
    createdAt: isoOf(row.created_at)!,
    lastLoginAt: isoOf(row.last_login_at),
  };
}

/** Preferences a new user starts with. */
export const DEFAULT_PREFERENCES: Profile["preferences"] = {
  theme: "system",
  language: "en",
  timezone: "UTC",
  notifications: { email: true, push: true, desktop: false },
};

/** The signed-in user's profile, with preferences and figures. */
export function profileView(services: CoServices, userId: string): Profile {
  const row = services.db.get<UserRow>(`SELECT ${USER_COLUMNS} FROM co_users WHERE id = ?`, userId)!;
  const stats = services.db.get<{ created: number; completed: number }>(
    "SELECT count(*) AS created, coalesce(sum(status = 'completed'), 0) AS completed FROM co_tasks WHERE created_by = ?",
    userId,
  )!;
  const projects = services.db.get<{ n: number }>(
    `SELECT count(*) AS n FROM co_projects p WHERE p.status = 'active'
       AND (p.created_by = ? OR p.id IN (SELECT project_id FROM co_project_members WHERE user_id = ?))`,
    userId,
    userId,
  )!.n;
  return {
    ...userView(row),
    preferences: { ...DEFAULT_PREFERENCES, ...parseJson<Partial<Profile["preferences"]>>(row.preferences, {}) },
    stats: { tasksCreated: stats.created, tasksCompleted: stats.completed, projectsActive: projects },
  };
}
