/**
 * @module
 * A project's orchestration figures, beyond the document: ClaudeNest's own server answers
 * `GET /projects/{id}/orchestrator/status` (`ProjectController::orchestratorStatus`, asked of the machine's agent)
 * and `GET /projects/{id}/orchestration-stats` (`InstanceController::orchestrationStats`), and its web UI's
 * orchestration page reads them (`resources/js/stores/orchestrator.ts`).
 * - `POST /projects/{id}/orchestrator/start` and `/stop` (`ProjectController::startOrchestrator`,
 *   `::stopOrchestrator`, which ask the machine's agent) start and stop it: both need the project's machine online
 *   (`MACHINE_OFFLINE`, 422); starting a running one is `ORCHESTRATOR_ERROR` (422, the agent's "Orchestrator is
 *   already running"). `start` answers the status, as the web UI's store keeps it (`orchestratorStatus.value =
 *   response.data.data`); `stop` answers `{message: "Stop signal sent"}`, also when none was running.
 * - `status` is `offline` while the project's machine is offline; else `running` from a start to the next stop,
 *   then `stopped` (the agent's `OrchestratorStatus`), and `idle` before the first start; with the instances seen
 *   in the last 10 minutes as `workers` and the pending and completed task counts. A running orchestrator also
 *   answers `projectId`, `startedAt` and the `settings` it was started with. server-lite keeps this state but spawns
 *   no worker sessions: its workers are the instances that claim tasks themselves.
 * - `stats` counts the instances seen in the last 10 minutes (`busy` while they hold a task, else `idle`; none is
 *   `active`) and the project's tasks by status; `completed` counts completed tasks.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { Id, Timestamp } from "./common.ts";

const Count = z.number().int().min(0);

/** The zod schema of {@link OrchestratorSettings}. */
export const OrchestratorSettingsSchema = z.object({
  /** @default 1 */
  min_workers: z.number().int().min(1).max(5).optional(),
  /** @default 3 */
  max_workers: z.number().int().min(1).max(10).optional(),
  /** @default 5000 */
  poll_interval_ms: z.number().int().min(1000).max(60_000).optional(),
});
/** How many workers an orchestrator keeps and how often it looks for tasks. */
export interface OrchestratorSettings extends z.output<typeof OrchestratorSettingsSchema> {}

/** The zod schema of {@link OrchestratorStatus}. */
export const OrchestratorStatusSchema = z.object({
  status: z.enum(["offline", "idle", "running", "stopping", "stopped", "unknown"]),
  workers: z.array(z.object({ id: z.string(), status: z.string(), current_task_id: Id.nullable() })),
  pendingTasks: Count,
  completedTasks: Count,
  /** While running: the project, when it started and with which settings. */
  projectId: Id.optional(),
  startedAt: Timestamp.optional(),
  settings: OrchestratorSettingsSchema.required().optional(),
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

const start = endpoint({
  method: "POST",
  path: "/projects/{id}/orchestrator/start",
  summary: "Start the project's orchestrator; answers its status",
  auth: "user",
  params: ProjectParam,
  body: named<OrchestratorSettings>(OrchestratorSettingsSchema),
  response: named<OrchestratorStatus>(OrchestratorStatusSchema),
  errors: ["PRJ_001", "MACHINE_OFFLINE", "ORCHESTRATOR_ERROR"],
  beyondDocument: "ClaudeNest's own server, ProjectController::startOrchestrator",
});

const stop = endpoint({
  method: "POST",
  path: "/projects/{id}/orchestrator/stop",
  summary: "Stop the project's orchestrator",
  auth: "user",
  params: ProjectParam,
  response: named<{ message: string }>(z.object({ message: z.string() })),
  errors: ["PRJ_001", "MACHINE_OFFLINE"],
  beyondDocument: "ClaudeNest's own server, ProjectController::stopOrchestrator",
});

/** The orchestration endpoints. */
export const orchestration = { status, stats, start, stop };
