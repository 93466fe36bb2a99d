/**
 * @module
 * §System Endpoints, with figures read from the running server: the store, the clock, the process and the live
 * connections. Choices are documented in the SDK's `contract/system.ts`.
 */
import { performance } from "node:perf_hooks";
import { Failure } from "../../../core/failure.ts";
import type { CoServices } from "../services.ts";
import { LEVELS } from "../state/logs.ts";
import { AGENT_FROM, AGENT_STATUS_SQL } from "../state/views.ts";
import type { CoHandlers } from "./types.ts";

/** The platform's version, as `health` and `status` answer it. */
export const API_VERSION = "1.0.0";

function byStatus(services: CoServices, sql: string): Record<string, number> {
  return Object.fromEntries(services.db.all<{ status: string; n: number }>(sql).map((r) => [r.status, r.n]));
}

function startOfDay(ms: number): number {
  const day = new Date(ms);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
}

function databaseHealth(services: CoServices): { status: "healthy" | "unhealthy"; latency: number } {
  const started = performance.now();
  try {
    services.db.get("SELECT 1");
    return { status: "healthy", latency: Math.round((performance.now() - started) * 1000) / 1000 };
  } catch {
    return { status: "unhealthy", latency: -1 };
  }
}

function deliveryCounts(services: CoServices): Record<string, number> {
  return services.webhookStats?.() ?? {};
}

export const system: CoHandlers<"system"> = {
  health: (_input, { services }) => {
    const database = databaseHealth(services);
    if (database.status !== "healthy") throw new Failure("SERVICE_UNAVAILABLE", "The database does not answer");
    const now = services.now();
    const agents = byStatus(
      services,
      `SELECT ${AGENT_STATUS_SQL} AS status, count(*) AS n FROM ${AGENT_FROM} GROUP BY 1`,
    );
    const counts = services.db.get<{ active: number; completed: number }>(
      "SELECT coalesce(sum(status = 'active'), 0) AS active, coalesce(sum(status = 'completed' AND completed_at >= ?), 0) AS completed FROM co_tasks",
      startOfDay(now),
    )!;
    const deliveries = deliveryCounts(services);
    const finished = (deliveries.delivered ?? 0) + (deliveries.failed ?? 0);
    return {
      status: "healthy",
      timestamp: services.iso(now),
      uptime: Math.floor((now - services.startedAt) / 1000),
      version: API_VERSION,
      environment: "server-lite",
      services: {
        database: { status: database.status, latency: database.latency, connections: 1 },
        agents: {
          status: "healthy",
          total: Object.values(agents).reduce((a, b) => a + b, 0),
          available: agents.available ?? 0,
          busy: agents.busy ?? 0,
          offline: agents.offline ?? 0,
        },
        realtime: { status: "healthy", connections: services.liveConnections },
        webhooks: { status: "healthy", pending: deliveries.pending ?? 0, failed: deliveries.failed ?? 0 },
      },
      metrics: {
        activeTasks: counts.active,
        completedToday: counts.completed,
        averageResponseTime: null,
        errorRate: finished === 0 ? 0 : (deliveries.failed ?? 0) / finished,
      },
    };
  },

  metrics: (_input, { services }) => {
    const now = services.now();
    const today = startOfDay(now);
    const tasks = byStatus(services, "SELECT status, count(*) AS n FROM co_tasks GROUP BY status");
    const agents = byStatus(
      services,
      `SELECT ${AGENT_STATUS_SQL} AS status, count(*) AS n FROM ${AGENT_FROM} GROUP BY 1`,
    );
    const projects = byStatus(services, "SELECT status, count(*) AS n FROM co_projects GROUP BY status");
    const day = services.db.get<{ created: number; completed: number }>(
      "SELECT coalesce(sum(created_at >= ?), 0) AS created, coalesce(sum(completed_at >= ?), 0) AS completed FROM co_tasks",
      today,
      today,
    )!;
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    return {
      timestamp: services.iso(now),
      tasks: { total: sum(tasks), byStatus: tasks, createdToday: day.created, completedToday: day.completed },
      agents: { total: sum(agents), byStatus: agents },
      projects: { total: sum(projects), byStatus: projects },
      users: { total: services.db.get<{ n: number }>("SELECT count(*) AS n FROM co_users")!.n },
      webhooks: {
        subscriptions: services.db.get<{ n: number }>("SELECT count(*) AS n FROM co_webhooks")!.n,
        deliveries: deliveryCounts(services),
      },
      realtime: { connections: services.liveConnections },
      process: {
        uptime: Math.round(process.uptime()),
        rssBytes: memory.rss,
        heapUsedBytes: memory.heapUsed,
        cpuUserMs: Math.round(cpu.user / 1000),
        cpuSystemMs: Math.round(cpu.system / 1000),
      },
    };
  },

  logs: ({ query }, { services }) => {
    const levels = LEVELS.slice(0, LEVELS.indexOf(query.level ?? "debug") + 1);
    const where = [`level IN (${levels.map(() => "?").join(", ")})`];
    const args: unknown[] = [...levels];
    if (query.service) {
      where.push("service = ?");
      args.push(query.service);
    }
    if (query.since) {
      where.push("at >= ?");
      args.push(Date.parse(query.since));
    }
    return services.db
      .all<{ id: string; at: number; level: (typeof LEVELS)[number]; service: string; message: string; data: string }>(
        `SELECT * FROM co_logs WHERE ${where.join(" AND ")} ORDER BY at DESC, rowid DESC LIMIT ?`,
        ...args,
        query.limit ?? 100,
      )
      .map((l) => ({
        id: l.id,
        timestamp: services.iso(l.at),
        level: l.level,
        service: l.service,
        message: l.message,
        data: JSON.parse(l.data) as Record<string, unknown>,
      }));
  },

  status: (_input, { services }) => {
    const now = services.now();
    const database = databaseHealth(services);
    const deliveries = deliveryCounts(services);
    const count = (table: string) => services.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)!.n;
    return {
      status: database.status === "healthy" ? "healthy" : "unhealthy",
      timestamp: services.iso(now),
      version: API_VERSION,
      startedAt: services.iso(services.startedAt),
      uptime: Math.floor((now - services.startedAt) / 1000),
      components: {
        database: { status: database.status, latency: database.latency },
        realtime: { status: "healthy", connections: services.liveConnections },
        webhooks: { status: "healthy", ...deliveries },
      },
      counts: {
        users: count("co_users"),
        projects: count("co_projects"),
        tasks: count("co_tasks"),
        agents: count("co_agents"),
        webhooks: count("co_webhooks"),
        apiKeys: count("co_api_keys"),
      },
      runtime: { node: process.version, platform: process.platform, pid: process.pid },
    };
  },
};
