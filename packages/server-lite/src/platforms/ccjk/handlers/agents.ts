/**
 * @module
 * §6 Agent Orchestration handlers over `state/tasks.ts` and `state/pools.ts`: agents listed from the caller's
 * pools (or the public catalog), tasks, and pool scaling.
 */
import type { Agent } from "@agentlane/sdk/ccjk/contract";
import { accountOf } from "../caller.ts";
import { agentId, agentRoles, roleOf } from "../catalog/agents.ts";
import { PLAN_LIMITS } from "../state/plans.ts";
import { poolOf, readyAt, sizeAt } from "../state/pools.ts";
import { agentNumber } from "../state/tasks.ts";
import { type CCJKHandlers, pageOf } from "./types.ts";

/** Largest task input, as JSON. */
const MAX_INPUT_BYTES = 100 * 1024;

/** The path of a task's own webhook URL, outside the documented base (as the document's example is). */
export const TASK_WEBHOOK_PATH = "/webhooks/tasks/";

interface AgentStats {
  agent_id: string;
  completed: number;
  failed: number;
  avg_ms: number | null;
  last: number | null;
}

export const agents: CCJKHandlers<"agents"> = {
  list({ query, caller }, { services }) {
    const roles = agentRoles.filter((r) => query.role === undefined || r.role === query.role);
    let all: Agent[];
    if (caller.kind === "anonymous") {
      all = roles.map((r) => ({
        id: agentId(r, 1),
        role: r.role,
        model: r.model,
        status: "available" as const,
        capabilities: r.capabilities,
        currentTask: null,
        load: 0,
        lastActivity: null,
        metrics: r.metrics,
      }));
    } else {
      const accountId = caller.accountId;
      services.settleTasks(accountId);
      const now = services.clock.now();
      const running = new Map(
        services.db
          .all<{ id: string; agent_id: string }>(
            "SELECT id, agent_id FROM ccjk_tasks WHERE account_id = ? AND status = 'in_progress'",
            accountId,
          )
          .map((t) => [t.agent_id, t.id]),
      );
      const stats = new Map(
        services.db
          .all<AgentStats>(
            `SELECT agent_id, sum(status = 'completed') AS completed, sum(status = 'failed') AS failed,
               avg(CASE WHEN status = 'completed' THEN ended_at - started_at END) AS avg_ms,
               max(coalesce(ended_at, started_at)) AS last
             FROM ccjk_tasks WHERE account_id = ? AND agent_id IS NOT NULL GROUP BY agent_id`,
            accountId,
          )
          .map((s) => [s.agent_id, s]),
      );
      all = [];
      for (const r of roles) {
        const size = sizeAt(poolOf(services.db, accountId, r.role), now);
        // Agents beyond the pool's size are there while they finish a task the pool gave them before shrinking.
        let count = size;
        for (const id of running.keys())
          if (id.startsWith(`agent_${r.short}_`)) count = Math.max(count, agentNumber(id));
        for (let n = 1; n <= count; n++) {
          const id = agentId(r, n);
          const task = running.get(id) ?? null;
          const s = stats.get(id);
          const ended = (s?.completed ?? 0) + (s?.failed ?? 0);
          all.push({
            id,
            role: r.role,
            model: r.model,
            status: task ? "busy" : n > size ? "offline" : "available",
            capabilities: r.capabilities,
            currentTask: task,
            load: task ? 1 : 0,
            lastActivity: s?.last ? services.clock.iso(s.last) : null,
            metrics: {
              tasksCompleted: s?.completed ?? 0,
              avgResponseTime: Math.round(s?.avg_ms ?? 0),
              successRate: ended === 0 ? 1 : (s?.completed ?? 0) / ended,
            },
          });
        }
      }
    }
    return pageOf(
      all.filter((a) => query.status === undefined || a.status === query.status),
      query,
    );
  },

  createTask({ body, caller }, { services, fail, baseUrl }) {
    const accountId = accountOf(caller);
    const role = roleOf(body.agentRole) ?? fail("RESOURCE_NOT_FOUND", `No agent role ${body.agentRole}.`);
    if (body.task.input !== undefined && Buffer.byteLength(JSON.stringify(body.task.input)) > MAX_INPUT_BYTES) {
      const message = "The task input may be at most 100 KB as JSON.";
      fail("VALIDATION_ERROR", message, { "task.input": [message] });
    }
    const task = services.tasks.create(accountId, role, body);
    return {
      taskId: task.id,
      agentId: task.agent_id,
      status: task.status,
      estimatedDuration: task.duration_ms / 1000,
      createdAt: services.clock.iso(task.created_at),
      webhookUrl: `${rootOf(baseUrl)}${TASK_WEBHOOK_PATH}${task.id}`,
    };
  },

  getTask({ params, caller }, { services, fail }) {
    const task = services.tasks.get(accountOf(caller), params.id) ?? fail("RESOURCE_NOT_FOUND", "No such task.");
    return services.tasks.view(task);
  },

  cancelTask({ params, caller }, { services, fail }) {
    const result = services.tasks.cancel(accountOf(caller), params.id);
    if (result === undefined) return fail("RESOURCE_NOT_FOUND", "No such task.");
    if (result === "final") return fail("VALIDATION_ERROR", "Only a queued or running task can be cancelled.");
    return { taskId: result.id, status: "cancelled" as const, cancelledAt: services.clock.iso(result.cancelled_at!) };
  },

  scalePool({ body, caller }, { services, fail }) {
    const accountId = accountOf(caller);
    const role = roleOf(body.role) ?? fail("RESOURCE_NOT_FOUND", `No agent role ${body.role}.`);
    // What happened under the old size is settled before the size changes.
    services.tasks.settle(accountId, role.role);
    const now = services.clock.now();
    const pool = poolOf(services.db, accountId, role.role);
    const current = sizeAt(pool, now);
    const allowed = PLAN_LIMITS[caller.kind === "account" ? caller.plan : "free"].concurrent;
    const min = body.min ?? pool.min;
    const max = body.max ?? Math.max(Math.min(pool.max, allowed), body.target ?? 0);
    const target = body.target ?? Math.min(Math.max(pool.target, min), max);
    const errors: Record<string, string[]> = {};
    if (min > max) errors.min = ["min may not be above max."];
    if (target < min || target > max) errors.target = [`target must be between min (${min}) and max (${max}).`];
    if (Object.keys(errors).length > 0) fail("VALIDATION_ERROR", "Invalid pool size.", errors);
    if (max > allowed) fail("AUTH_INSUFFICIENT", `Your plan allows at most ${allowed} agents per pool.`);
    const next = {
      account_id: accountId,
      role: role.role,
      from_count: current,
      target,
      changed_at: now,
      min,
      max,
      auto_scale: (body.autoScale ?? pool.auto_scale === 1) ? 1 : 0,
      up_threshold: body.scaleUpThreshold ?? pool.up_threshold,
      down_threshold: body.scaleDownThreshold ?? pool.down_threshold,
    };
    services.db.run(
      `INSERT INTO ccjk_pools (account_id, role, from_count, target, changed_at, min, max, auto_scale, up_threshold, down_threshold)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, role) DO UPDATE SET from_count = excluded.from_count, target = excluded.target,
         changed_at = excluded.changed_at, min = excluded.min, max = excluded.max, auto_scale = excluded.auto_scale,
         up_threshold = excluded.up_threshold, down_threshold = excluded.down_threshold`,
      next.account_id,
      next.role,
      next.from_count,
      next.target,
      next.changed_at,
      next.min,
      next.max,
      next.auto_scale,
      next.up_threshold,
      next.down_threshold,
    );
    return {
      poolId: `pool_${role.short}`,
      role: role.role,
      current,
      status: current === target ? ("ready" as const) : ("scaling" as const),
      target,
      min,
      max,
      autoScale: next.auto_scale === 1,
      scaleUpThreshold: next.up_threshold,
      scaleDownThreshold: next.down_threshold,
      estimatedReady: services.clock.iso(readyAt(next)),
    };
  },
};

/** The platform's root (its documented base without `/api/v1`), where the document's task webhook URLs live. */
export function rootOf(baseUrl: string): string {
  return baseUrl.replace(/\/api\/v1$/, "");
}
