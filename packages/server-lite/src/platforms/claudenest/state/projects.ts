/**
 * @module
 * What tasks, locks and context share about a project: who owns it, which instances act on it, its activity log
 * and its token budget. Choices are documented in the SDK's `contract/projects.ts`.
 */
import type { ProjectDetail } from "@agentlane/sdk/claudenest/contract";
import { Failure } from "../../../core/failure.ts";
import { uuid } from "../../../core/ids.ts";
import { type NestCaller, userOf } from "../caller.ts";
import type { NestServices } from "../services.ts";

/** An instance is active while it acted this recently. */
export const INSTANCE_ACTIVE_MS = 10 * 60 * 1000;
export const DEFAULT_MAX_TOKENS = 100_000;

export interface ProjectRow {
  id: string;
  user_id: string;
  machine_id: string;
  name: string;
  project_path: string;
  summary: string | null;
  architecture: string | null;
  conventions: string | null;
  current_focus: string | null;
  recent_changes: string | null;
  settings: string;
  created_at: string;
  updated_at: string;
}

/** The caller's project, or PRJ_001; a machine token reaches only the projects of its machine. */
export function ownProject(services: NestServices, caller: NestCaller, id: string): ProjectRow {
  const row = services.db.get<ProjectRow>("SELECT * FROM cn_projects WHERE id = ? AND user_id = ?", id, userOf(caller));
  if (!row || (caller.kind === "machine" && caller.machineId !== row.machine_id)) throw new Failure("PRJ_001");
  return row;
}

/** Records that an instance acted on a project now (creating it on first sight). */
export function touchInstance(services: NestServices, projectId: string, instanceId: string): void {
  const now = services.now();
  services.db.run(
    `INSERT INTO cn_instances (project_id, id, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (project_id, id) DO UPDATE SET last_seen_at = excluded.last_seen_at`,
    projectId,
    instanceId,
    now,
    now,
  );
}

export function logActivity(
  services: NestServices,
  projectId: string,
  instanceId: string | null,
  type: string,
  details: Record<string, unknown>,
): void {
  services.db.run(
    "INSERT INTO cn_activity (id, project_id, instance_id, type, details, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    uuid(),
    projectId,
    instanceId,
    type,
    JSON.stringify(details),
    services.clock.iso(),
  );
}

/** Tokens of a text, estimated at four characters a token. */
export function estimateTokens(text: string | null | undefined): number {
  return text ? Math.ceil(text.length / 4) : 0;
}

export function maxTokens(row: Pick<ProjectRow, "settings">): number {
  const settings = JSON.parse(row.settings) as { maxContextTokens?: number };
  return settings.maxContextTokens ?? DEFAULT_MAX_TOKENS;
}

/** Tokens of the project's context: its text fields and its live chunks. */
export function projectTokens(services: NestServices, row: ProjectRow): number {
  const fields = [row.summary, row.architecture, row.conventions, row.current_focus, row.recent_changes];
  const chunks = services.db.get<{ chars: number | null }>(
    "SELECT sum(length(content)) AS chars FROM cn_context_chunks WHERE project_id = ? AND (expires_at IS NULL OR expires_at > ?)",
    row.id,
    services.now(),
  );
  return fields.reduce((sum, text) => sum + estimateTokens(text), 0) + Math.ceil((chunks?.chars ?? 0) / 4);
}

export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

export function activeInstanceCount(services: NestServices, projectId: string): number {
  return services.db.get<{ n: number }>(
    "SELECT count(*) AS n FROM cn_instances WHERE project_id = ? AND last_seen_at > ?",
    projectId,
    services.now() - INSTANCE_ACTIVE_MS,
  )!.n;
}

export function projectDetail(services: NestServices, row: ProjectRow): ProjectDetail {
  const pending = services.db.get<{ n: number }>(
    "SELECT count(*) AS n FROM cn_tasks WHERE project_id = ? AND status = 'pending'",
    row.id,
  )!.n;
  return {
    id: row.id,
    machine_id: row.machine_id,
    name: row.name,
    project_path: row.project_path,
    summary: row.summary,
    token_usage_percent: percent(projectTokens(services, row), maxTokens(row)),
    active_instances_count: activeInstanceCount(services, row.id),
    pending_tasks_count: pending,
    created_at: row.created_at,
    architecture: row.architecture,
    conventions: row.conventions,
    current_focus: row.current_focus,
    recent_changes: row.recent_changes,
    settings: JSON.parse(row.settings) as ProjectDetail["settings"],
    updated_at: row.updated_at,
  };
}
