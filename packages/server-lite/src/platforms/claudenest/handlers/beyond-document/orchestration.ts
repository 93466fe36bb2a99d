/**
 * @module
 * A project's orchestrator and its figures, beyond the document (see the SDK's `contract/orchestration.ts`).
 * server-lite keeps the orchestrator's state (started with its settings, stopped) but spawns no worker sessions:
 * the figures are the project's instances and tasks as the store holds them, after timed-out claims are released.
 */
import type { OrchestratorStatus } from "@agentlane/sdk/claudenest/contract";
import { Failure } from "../../../../core/failure.ts";
import type { NestHandlers } from "../../handlers.ts";
import type { NestServices } from "../../services.ts";
import type { ProjectRow } from "../../state/projects.ts";
import { INSTANCE_ACTIVE_MS } from "../../state/projects.ts";
import { currentProject } from "../projects.ts";

/** The instances seen recently, each `busy` while it holds a task. */
function workers(services: NestServices, projectId: string) {
  return services.db
    .all<{ id: string; current_task_id: string | null }>(
      "SELECT id, current_task_id FROM cn_instances WHERE project_id = ? AND last_seen_at > ? ORDER BY first_seen_at, id",
      projectId,
      services.now() - INSTANCE_ACTIVE_MS,
    )
    .map((w) => ({ id: w.id, status: w.current_task_id ? "busy" : "idle", current_task_id: w.current_task_id }));
}

/** The project's tasks by stored status. */
function taskCounts(services: NestServices, projectId: string): Record<string, number> {
  const rows = services.db.all<{ status: string; n: number }>(
    "SELECT status, count(*) AS n FROM cn_tasks WHERE project_id = ? GROUP BY status",
    projectId,
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

interface OrchestratorRow {
  status: "running" | "stopped";
  min_workers: number;
  max_workers: number;
  poll_interval_ms: number;
  started_at: number;
}

function machineOnline(services: NestServices, project: ProjectRow): boolean {
  const machine = services.db.get<{ last_seen_at: number | null; woken_at: number | null }>(
    "SELECT last_seen_at, woken_at FROM cn_machines WHERE id = ?",
    project.machine_id,
  );
  return machine !== undefined && services.machineStatus(machine) === "online";
}

/** MACHINE_OFFLINE unless the project's machine is online: the real server asks its agent, which must be there. */
function requireOnline(services: NestServices, project: ProjectRow): void {
  if (!machineOnline(services, project)) throw new Failure("MACHINE_OFFLINE", "Machine is not online");
}

function orchestratorStatus(services: NestServices, project: ProjectRow): OrchestratorStatus {
  const counts = taskCounts(services, project.id);
  const online = machineOnline(services, project);
  const tasks = { pendingTasks: counts.pending ?? 0, completedTasks: counts.completed ?? 0 };
  if (!online) return { status: "offline", workers: [], ...tasks };
  const row = services.db.get<OrchestratorRow>("SELECT * FROM cn_orchestrators WHERE project_id = ?", project.id);
  const status = { status: row?.status ?? "idle", workers: workers(services, project.id), ...tasks } as const;
  if (row?.status !== "running") return status;
  return {
    ...status,
    projectId: project.id,
    startedAt: services.clock.iso(row.started_at),
    settings: {
      min_workers: row.min_workers,
      max_workers: row.max_workers,
      poll_interval_ms: row.poll_interval_ms,
    },
  };
}

export const orchestration: NestHandlers<"orchestration"> = {
  status({ caller, params }, { services }) {
    return orchestratorStatus(services, currentProject(services, caller, params.id));
  },

  start({ caller, params, body }, { services }) {
    const project = currentProject(services, caller, params.id);
    services.db.tx(() => {
      requireOnline(services, project);
      const running = services.db.get(
        "SELECT 1 AS found FROM cn_orchestrators WHERE project_id = ? AND status = 'running'",
        project.id,
      );
      // The agent's own refusal (`Orchestrator.start`), which the real controller answers as ORCHESTRATOR_ERROR.
      if (running) throw new Failure("ORCHESTRATOR_ERROR", "Orchestrator is already running");
      // The real controller's defaults when a setting is left out.
      services.db.run(
        `INSERT INTO cn_orchestrators (project_id, status, min_workers, max_workers, poll_interval_ms, started_at)
         VALUES (?, 'running', ?, ?, ?, ?)
         ON CONFLICT (project_id) DO UPDATE SET status = 'running', min_workers = excluded.min_workers,
           max_workers = excluded.max_workers, poll_interval_ms = excluded.poll_interval_ms,
           started_at = excluded.started_at, stopped_at = NULL`,
        project.id,
        body.min_workers ?? 1,
        body.max_workers ?? 3,
        body.poll_interval_ms ?? 5000,
        services.now(),
      );
    });
    return orchestratorStatus(services, project);
  },

  stop({ caller, params }, { services }) {
    const project = currentProject(services, caller, params.id);
    services.db.tx(() => {
      requireOnline(services, project);
      services.db.run(
        "UPDATE cn_orchestrators SET status = 'stopped', stopped_at = ? WHERE project_id = ? AND status = 'running'",
        services.now(),
        project.id,
      );
    });
    return { message: "Stop signal sent" };
  },

  stats({ caller, params }, { services }) {
    const project = currentProject(services, caller, params.id);
    const counts = taskCounts(services, project.id);
    const seen = workers(services, project.id);
    const completedBySeen = services.db.get<{ n: number | null }>(
      "SELECT sum(tasks_completed) AS n FROM cn_instances WHERE project_id = ? AND last_seen_at > ?",
      project.id,
      services.now() - INSTANCE_ACTIVE_MS,
    )!.n;
    return {
      instances: {
        total: seen.length,
        idle: seen.filter((w) => w.status === "idle").length,
        busy: seen.filter((w) => w.status === "busy").length,
        active: 0,
      },
      tasks: {
        pending: counts.pending ?? 0,
        in_progress: counts.in_progress ?? 0,
        completed: counts.completed ?? 0,
        blocked: 0,
      },
      total_tasks_completed: completedBySeen ?? 0,
    };
  },
};
