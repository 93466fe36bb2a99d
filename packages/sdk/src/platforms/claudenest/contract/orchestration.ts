/**
 * @module
 * A project's orchestration figures, beyond the document: ClaudeNest's own server answers
 * `GET /projects/{id}/orchestrator/status` (`ProjectController::orchestratorStatus`, asked of the machine's agent)
 * and `GET /projects/{id}/orchestration-stats` (`InstanceController::orchestrationStats`), and its web UI's
 * orchestration page reads them (`resources/js/stores/orchestrator.ts`).
 * - server-lite runs no orchestrator: `status` is `offline` while the project's machine is offline, else `idle`,
 *   with the instances seen in the last 10 minutes as `workers` and the pending and completed task counts.
 * - `stats` counts the instances seen in the last 10 minutes (`busy` while they hold a task, else `idle`; none is
 *   `active`) and the project's tasks by status; `completed` counts completed tasks.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { Id } from "./common.ts";

const Count = z.number().int().min(0);

/** The zod schema of {@link OrchestratorStatus}. */
export const OrchestratorStatusSchema = z.object({
  status: z.enum(["offline", "idle", "running", "unknown"]),
  workers: z.array(z.object({ id: z.string(), status: z.string(), current_task_id: Id.nullable() })),
  pendingTasks: Count,
  completedTasks: Count,
});
/** Whether the project's orchestrator runs, its workers and the tasks left. */
export interface OrchestratorStatus extends z.output<typeof OrchestratorStatusSchema> {}

/** The zod schema of {@link OrchestrationStats}. */
export const OrchestrationStatsSchema = z.object({
  instances: z.object({ total: Count, idle: Count, busy: Count, active: Count }),
  tasks: z.object({ pending: Count, in_progress: Count, completed: Count, blocked: Count }),
  total_tasks_completed: Count,
});
/** A project's instances and tasks, counted. */
export interface OrchestrationStats extends z.output<typeof OrchestrationStatsSchema> {}

const ProjectParam = z.object({ id: Id });

const status = endpoint({
  method: "GET",
  path: "/projects/{id}/orchestrator/status",
  summary: "Whether the project's orchestrator runs, and its workers",
  auth: "agent",
  params: ProjectParam,
  response: named<OrchestratorStatus>(OrchestratorStatusSchema),
  errors: ["PRJ_001"],
  beyondDocument: "ClaudeNest's own server, ProjectController::orchestratorStatus",
});

const stats = endpoint({
  method: "GET",
  path: "/projects/{id}/orchestration-stats",
  summary: "A project's instances and tasks, counted",
  auth: "agent",
  params: ProjectParam,
  response: named<OrchestrationStats>(OrchestrationStatsSchema),
  errors: ["PRJ_001"],
  beyondDocument: "ClaudeNest's own server, InstanceController::orchestrationStats",
});

/** The orchestration endpoints. */
export const orchestration = { status, stats };
