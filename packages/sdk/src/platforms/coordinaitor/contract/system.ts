/**
 * @module
 * §System Endpoints: health, metrics, logs and status, with figures read from the running server.
 *
 * Choices where the document is vague:
 * - `health` needs no credentials (monitors call it); `metrics` and `status` need `system:read` (any signed-in
 *   user); `logs` is for administrators.
 * - server-lite runs no Redis: `services` names what it does run (`database`, `agents`, `realtime`,
 *   `webhooks`), each with a `status` and its own figures; the database latency is a `SELECT 1` timed on the
 *   spot. `status` is `healthy` unless the database does not answer (`unhealthy`, with 503
 *   `SERVICE_UNAVAILABLE`). `environment` is `server-lite`.
 * - `uptime` is seconds since the platform's services started, on the server clock. `completedToday` counts tasks
 *   completed since midnight UTC. `errorRate` is the share of webhook deliveries that failed for good.
 * - Logs are what the platform recorded (sign-ins, refused sign-ins, deletions with their reason, agents enabled
 *   and disabled, webhook deliveries given up); `level` is the lowest severity answered (`warn` answers `warn`
 *   and `error`), newest first, `limit` defaults to 100 (at most 1000).
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { Timestamp } from "./common.ts";

/** The zod schema of {@link ServiceHealth}. */
export const ServiceHealthSchema = z.looseObject({ status: z.enum(["healthy", "degraded", "unhealthy"]) });
/** One service's health and figures. */
export interface ServiceHealth extends z.output<typeof ServiceHealthSchema> {}

/** The zod schema of {@link Health}. */
export const HealthSchema = z.object({
  status: z.enum(["healthy", "degraded", "unhealthy"]),
  timestamp: Timestamp,
  uptime: z.number(),
  version: z.string(),
  environment: z.string(),
  services: z.record(z.string(), ServiceHealthSchema),
  metrics: z.object({
    activeTasks: z.number().int(),
    completedToday: z.number().int(),
    averageResponseTime: z.number().nullable(),
    errorRate: z.number(),
  }),
});
/** The system's health. */
export interface Health extends z.output<typeof HealthSchema> {}

const Counts = z.record(z.string(), z.number());

/** The zod schema of {@link SystemMetrics}. */
export const SystemMetricsSchema = z.object({
  timestamp: Timestamp,
  tasks: z.object({
    total: z.number().int(),
    byStatus: Counts,
    createdToday: z.number().int(),
    completedToday: z.number().int(),
  }),
  agents: z.object({ total: z.number().int(), byStatus: Counts }),
  projects: z.object({ total: z.number().int(), byStatus: Counts }),
  users: z.object({ total: z.number().int() }),
  webhooks: z.object({ subscriptions: z.number().int(), deliveries: Counts }),
  realtime: z.object({ connections: z.number().int() }),
  process: z.object({
    uptime: z.number(),
    rssBytes: z.number(),
    heapUsedBytes: z.number(),
    cpuUserMs: z.number(),
    cpuSystemMs: z.number(),
  }),
});
/** Figures of the whole system. */
export interface SystemMetrics extends z.output<typeof SystemMetricsSchema> {}

/** The zod schema of {@link LogEntry}. */
export const LogEntrySchema = z.object({
  id: z.string(),
  timestamp: Timestamp,
  level: z.enum(["error", "warn", "info", "debug"]),
  service: z.string(),
  message: z.string(),
  data: z.record(z.string(), z.unknown()),
});
/** One log line. */
export interface LogEntry extends z.output<typeof LogEntrySchema> {}

/** The zod schema of {@link LogsQuery}. */
export const LogsQuerySchema = z.object({
  level: z.enum(["error", "warn", "info", "debug"]).optional(),
  service: z.string().min(1).max(100).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number<number>().int().min(1).max(1000).optional(),
});
/** Which log lines to read. */
export interface LogsQuery extends z.output<typeof LogsQuerySchema> {}

/** The zod schema of {@link SystemStatus}. */
export const SystemStatusSchema = z.object({
  status: z.enum(["healthy", "degraded", "unhealthy"]),
  timestamp: Timestamp,
  version: z.string(),
  startedAt: Timestamp,
  uptime: z.number(),
  components: z.record(z.string(), ServiceHealthSchema),
  counts: Counts,
  runtime: z.object({ node: z.string(), platform: z.string(), pid: z.number().int() }),
});
/** The system's detailed status. */
export interface SystemStatus extends z.output<typeof SystemStatusSchema> {}

/** The system endpoints. */
export const system = {
  health: endpoint({
    method: "GET",
    path: "/api/v1/system/health",
    section: "System Endpoints",
    summary: "Get system health status",
    auth: "none",
    response: named<Health>(HealthSchema),
    errors: ["SERVICE_UNAVAILABLE"],
  }),
  metrics: endpoint({
    method: "GET",
    path: "/api/v1/system/metrics",
    section: "System Endpoints",
    summary: "Get system metrics",
    auth: "system:read",
    response: named<SystemMetrics>(SystemMetricsSchema),
  }),
  logs: endpoint({
    method: "GET",
    path: "/api/v1/system/logs",
    section: "System Endpoints",
    summary: "Get system logs (admin only)",
    auth: "admin",
    query: named<LogsQuery>(LogsQuerySchema),
    response: named<LogEntry[]>(z.array(LogEntrySchema)),
    errors: ["AUTHORIZATION_ERROR"],
  }),
  status: endpoint({
    method: "GET",
    path: "/api/v1/system/status",
    section: "System Endpoints",
    summary: "Get detailed system status",
    auth: "system:read",
    response: named<SystemStatus>(SystemStatusSchema),
  }),
};
