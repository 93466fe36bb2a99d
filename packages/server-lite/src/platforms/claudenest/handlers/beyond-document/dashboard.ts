/**
 * @module
 * The dashboard's figures, beyond the document (see the SDK's `contract/dashboard.ts`), counted from the store for
 * the caller when asked, as ClaudeNest's own `DashboardController::buildStats` counts them. Days are UTC days of
 * the server clock.
 */
import type { DashboardStats } from "@agentlane/sdk/claudenest/contract";
import { userOf } from "../../caller.ts";
import type { NestHandlers } from "../../handlers.ts";
import type { NestServices } from "../../services.ts";
import { INSTANCE_ACTIVE_MS } from "../../state/projects.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Counts one number from a query that answers `n`. */
function count(services: NestServices, sql: string, ...args: unknown[]): number {
  return Number(services.db.get<{ n: number | null }>(sql, ...args)?.n ?? 0);
}

/** Seven daily counts, oldest first, ending with today: `perDay` answers the count of `[from, to)`. */
function lastSevenDays(today: number, perDay: (from: number, to: number) => number): number[] {
  return Array.from({ length: 7 }, (_, i) => {
    const from = today - (6 - i) * DAY_MS;
    return perDay(from, from + DAY_MS);
  });
}

function stats(services: NestServices, userId: string): DashboardStats {
  const now = services.now();
  const today = now - (now % DAY_MS);
  const iso = (at: number) => services.clock.iso(at);
  const ownProjects = "project_id IN (SELECT id FROM cn_projects WHERE user_id = ?)";
  const machines = services.db.all<{ last_seen_at: number | null; woken_at: number | null }>(
    "SELECT last_seen_at, woken_at FROM cn_machines WHERE user_id = ?",
    userId,
  );
  const sessionsSince = (from: number, to: number, what = "count(*)") =>
    count(
      services,
      `SELECT ${what} AS n FROM cn_sessions WHERE user_id = ? AND created_at >= ? AND created_at < ?`,
      userId,
      from,
      to,
    );
  const activitySince = (from: number, to: number) =>
    count(
      services,
      `SELECT count(*) AS n FROM cn_activity WHERE ${ownProjects} AND created_at >= ? AND created_at < ?`,
      userId,
      iso(from),
      iso(to),
    );
  // The status is written in the SQL, not bound: compared with a parameter, the partial indexes' `status =
  // 'in_progress'` would make SQLite plan the statement anew on every call.
  const tasks = (status: "pending" | "in_progress" | "completed", extra = "", ...args: unknown[]) =>
    count(
      services,
      `SELECT count(*) AS n FROM cn_tasks WHERE ${ownProjects} AND status = '${status}' ${extra}`,
      userId,
      ...args,
    );
  const cost = (from: number) =>
    Math.round(
      count(
        services,
        "SELECT sum(total_cost) AS n FROM cn_sessions WHERE user_id = ? AND created_at >= ?",
        userId,
        from,
      ) * 100,
    ) / 100;
  return {
    machines: { total: machines.length, online: machines.filter((m) => services.machineStatus(m) === "online").length },
    sessions: {
      active: count(
        services,
        "SELECT count(*) AS n FROM cn_sessions WHERE user_id = ? AND status IN ('running', 'starting')",
        userId,
      ),
      total_today: sessionsSince(today, today + DAY_MS),
    },
    projects: {
      total: count(services, "SELECT count(*) AS n FROM cn_projects WHERE user_id = ?", userId),
      active: count(
        services,
        "SELECT count(DISTINCT project_id) AS n FROM cn_instances WHERE project_id IN (SELECT id FROM cn_projects WHERE user_id = ?) AND last_seen_at > ?",
        userId,
        now - INSTANCE_ACTIVE_MS,
      ),
    },
    tasks: {
      pending: tasks("pending"),
      in_progress: tasks("in_progress"),
      done_today: tasks("completed", "AND completed_at >= ?", today),
    },
    tokens: {
      total: count(services, "SELECT sum(total_tokens) AS n FROM cn_sessions WHERE user_id = ?", userId),
      today: sessionsSince(today, today + DAY_MS, "sum(total_tokens)"),
    },
    cost: { total: cost(0), today: cost(today) },
    locks: {
      active: count(
        services,
        `SELECT count(*) AS n FROM cn_locks WHERE ${ownProjects} AND expires_at > ?`,
        userId,
        now,
      ),
    },
    context_chunks: {
      total: count(services, `SELECT count(*) AS n FROM cn_context_chunks WHERE ${ownProjects}`, userId),
    },
    activity_24h: activitySince(now - DAY_MS, now + 1),
    sparklines: {
      activity_7d: lastSevenDays(today, activitySince),
      sessions_7d: lastSevenDays(today, (from, to) => sessionsSince(from, to)),
      tokens_7d: lastSevenDays(today, (from, to) => sessionsSince(from, to, "sum(total_tokens)")),
    },
  };
}

export const dashboard: NestHandlers<"dashboard"> = {
  stats: ({ caller }, { services }) => stats(services, userOf(caller)),
};
