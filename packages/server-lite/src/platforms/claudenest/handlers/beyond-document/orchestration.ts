/**
 * @module
 * A project's orchestration figures, beyond the document (see the SDK's `contract/orchestration.ts`). server-lite
 * runs no orchestrator of its own: the figures are the project's instances and tasks as the store holds them,
 * after timed-out claims are released.
 */
import type { NestHandlers } from "../../handlers.ts";
import type { NestServices } from "../../services.ts";
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

export const orchestration: NestHandlers<"orchestration"> = {
  status({ caller, params }, { services }) {
    const project = currentProject(services, caller, params.id);
    const counts = taskCounts(services, project.id);
    const machine = services.db.get<{ last_seen_at: number | null; woken_at: number | null }>(
      "SELECT last_seen_at, woken_at FROM cn_machines WHERE id = ?",
      project.machine_id,
    );
    const online = machine !== undefined && services.machineStatus(machine) === "online";
    return {
      status: online ? "idle" : "offline",
      workers: online ? workers(services, project.id) : [],
      pendingTasks: counts.pending ?? 0,
      completedTasks: counts.completed ?? 0,
    };
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
