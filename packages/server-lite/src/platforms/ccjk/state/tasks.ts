/**
 * @module
 * Agent tasks (§6) on the server clock. A task's whole life follows from the clock, its role's pool and the
 * tasks before it: `settle` replays what happened since the last read, in time order (each agent takes the
 * best eligible queued task when it becomes free, a task ends at its duration or its deadline), and stores it,
 * so reads, tests advancing `server.clock` and the ticker all see the same history.
 */
import { randomBytes } from "node:crypto";
import type { AgentTask, CreateTaskBody, TaskOutput, TaskStatus } from "@agentlane/sdk/ccjk/contract";
import type { Clock } from "../../../core/clock.ts";
import type { Database } from "../../../store/database.ts";
import { type AgentRole, agentId, roleOf, taskSeconds } from "../catalog/agents.ts";
import type { Notify } from "./notify.ts";
import { agentLeavesAt, agentReadyAt, type PoolRow, poolOf, sizeAt } from "./pools.ts";

/** Milliseconds between a task's creation and the earliest moment an agent may take it. */
export const DISPATCH_MS = 1000;
const PRIORITY_RANK: Record<string, number> = { low: 0, medium: 1, high: 2, critical: 3 };
/** What the output says at each quarter of a task's progress. */
const STAGES = ["Analysed the input", "Drafted the changes", "Reviewed the result"];

/** A task row. */
export interface TaskRow {
  id: string;
  seq: number;
  account_id: string;
  role: string;
  name: string;
  description: string | null;
  type: string | null;
  priority: string;
  priority_rank: number;
  input: string;
  deadline: number | null;
  distributed: number;
  status: TaskStatus;
  agent_id: string | null;
  duration_ms: number;
  created_at: number;
  started_at: number | null;
  ended_at: number | null;
  cancelled_at: number | null;
  error: string | null;
}

interface Slot {
  n: number;
  id: string;
  freeAt: number;
  leavesAt: number | undefined;
}

/** The agent number of an agent id (`agent_ts-architect_003` is 3). */
export function agentNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf("_") + 1));
}

/** Agent tasks over the store. */
export class TaskState {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #notify: Notify;

  constructor(db: Database, clock: Clock, notify: Notify) {
    this.#db = db;
    this.#clock = clock;
    this.#notify = notify;
  }

  /** Creates a queued task. */
  create(accountId: string, role: AgentRole, body: CreateTaskBody): TaskRow {
    const now = this.#clock.now();
    const priority = body.task.priority ?? "medium";
    const row: TaskRow = {
      id: `task_${randomBytes(6).toString("hex")}`,
      seq: (this.#db.get<{ n: number | null }>("SELECT max(seq) AS n FROM ccjk_tasks")?.n ?? 0) + 1,
      account_id: accountId,
      role: role.role,
      name: body.task.name,
      description: body.task.description ?? null,
      type: body.task.type ?? null,
      priority,
      priority_rank: PRIORITY_RANK[priority]!,
      input: JSON.stringify(body.task.input ?? {}),
      deadline: body.task.deadline === undefined ? null : Date.parse(body.task.deadline),
      distributed: body.distributed ? 1 : 0,
      status: "queued",
      agent_id: null,
      duration_ms: taskSeconds(body.task.type) * 1000,
      created_at: now,
      started_at: null,
      ended_at: null,
      cancelled_at: null,
      error: null,
    };
    this.#db.run(
      `INSERT INTO ccjk_tasks (id, seq, account_id, role, name, description, type, priority, priority_rank, input, deadline,
         distributed, status, duration_ms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      row.id,
      row.seq,
      row.account_id,
      row.role,
      row.name,
      row.description,
      row.type,
      row.priority,
      row.priority_rank,
      row.input,
      row.deadline,
      row.distributed,
      row.status,
      row.duration_ms,
      row.created_at,
    );
    return row;
  }

  /** A task of the account, as of now; undefined for none. */
  get(accountId: string, id: string): TaskRow | undefined {
    const found = this.#db.get<TaskRow>("SELECT * FROM ccjk_tasks WHERE id = ? AND account_id = ?", id, accountId);
    if (!found) return undefined;
    this.settle(accountId, found.role);
    return this.#db.get<TaskRow>("SELECT * FROM ccjk_tasks WHERE id = ?", id);
  }

  /** Cancels a task; answers the row after, or `final` when it had already completed or failed. */
  cancel(accountId: string, id: string): TaskRow | "final" | undefined {
    const task = this.get(accountId, id);
    if (!task) return undefined;
    if (task.status === "cancelled") return task;
    if (task.status === "completed" || task.status === "failed") return "final";
    const now = this.#clock.now();
    this.#db.run(
      "UPDATE ccjk_tasks SET status = 'cancelled', cancelled_at = ?, ended_at = ? WHERE id = ?",
      now,
      now,
      id,
    );
    this.settle(accountId, task.role);
    return this.#db.get<TaskRow>("SELECT * FROM ccjk_tasks WHERE id = ?", id);
  }

  /** Roles of the account (`undefined`: of every account) with open tasks or a pool that scales by itself. */
  openWork(accountId?: string): Array<{ account_id: string; role: string }> {
    const mine = accountId ? " AND account_id = ?" : "";
    return this.#db.all<{ account_id: string; role: string }>(
      `SELECT account_id, role FROM ccjk_tasks WHERE status IN ('queued', 'in_progress')${mine}
       UNION SELECT account_id, role FROM ccjk_pools WHERE auto_scale = 1${mine}`,
      ...(accountId ? [accountId, accountId] : []),
    );
  }

  /** Replays a role's tasks up to now; see the module comment. */
  settle(accountId: string, roleName: string): void {
    const role = roleOf(roleName);
    if (!role) return;
    const now = this.#clock.now();
    const finished: TaskRow[] = [];
    this.#db.tx(() => {
      const open = this.#db.all<TaskRow>(
        "SELECT * FROM ccjk_tasks WHERE account_id = ? AND role = ? AND status IN ('queued', 'in_progress') ORDER BY seq",
        accountId,
        roleName,
      );
      const pool = poolOf(this.#db, accountId, roleName);
      if (open.length === 0) {
        if (pool.auto_scale === 1) this.#autoScale(pool, now);
        return;
      }
      // Running tasks that have ended by now.
      for (const task of open.filter((t) => t.status === "in_progress")) {
        const end = this.#endOf(task);
        if (end <= now) finished.push(this.#finish(task, end));
      }
      const slots = this.#slots(accountId, role, pool);
      const queued = open.filter((t) => t.status === "queued");
      // The next event is the earliest moment any agent can take a queued task it may run.
      const dispatchAt = (t: TaskRow) => t.created_at + DISPATCH_MS;
      const takes = (slot: Slot, t: TaskRow) => t.distributed === 1 || slot.n === 1;
      for (let guard = 0; guard < 100_000 && queued.length > 0 && slots.length > 0; guard++) {
        let slot: Slot | undefined;
        let at = Number.POSITIVE_INFINITY;
        for (const s of slots) {
          const candidates = queued.filter((t) => takes(s, t));
          if (candidates.length === 0) continue;
          const when = Math.max(s.freeAt, Math.min(...candidates.map(dispatchAt)));
          if (when < at || (when === at && slot !== undefined && s.n < slot.n)) {
            slot = s;
            at = when;
          }
        }
        if (slot === undefined || at > now) break;
        const chosen = slot;
        if (chosen.leavesAt !== undefined && chosen.leavesAt <= at) {
          slots.splice(slots.indexOf(chosen), 1);
          continue;
        }
        const eligible = queued
          .filter((t) => takes(chosen, t) && dispatchAt(t) <= at)
          .sort((a, b) => b.priority_rank - a.priority_rank || a.seq - b.seq);
        const task = eligible[0]!;
        queued.splice(queued.indexOf(task), 1);
        if (task.deadline !== null && task.deadline <= at) {
          finished.push(this.#fail(task, task.deadline, "The deadline passed before an agent was free."));
          continue;
        }
        task.status = "in_progress";
        task.started_at = at;
        task.agent_id = chosen.id;
        this.#db.run(
          "UPDATE ccjk_tasks SET status = 'in_progress', started_at = ?, agent_id = ? WHERE id = ?",
          at,
          chosen.id,
          task.id,
        );
        const end = this.#endOf(task);
        chosen.freeAt = end;
        if (end <= now) finished.push(this.#finish(task, end));
      }
      for (const task of queued)
        if (task.deadline !== null && task.deadline <= now)
          finished.push(this.#fail(task, task.deadline, "The deadline passed before an agent was free."));
      if (pool.auto_scale === 1) this.#autoScale(pool, now);
    });
    for (const task of finished)
      this.#notify({
        accountId,
        event: "task.completed",
        taskId: task.id,
        at: task.ended_at!,
        data: { taskId: task.id, status: task.status, output: this.output(task, task.ended_at!) },
      });
  }

  /**
   * With `autoScale`, a pool that is not already scaling moves its target one agent towards its load, now:
   * up when its distributed tasks (running and queued) per agent exceed `scaleUpThreshold`, down when they fall
   * below `scaleDownThreshold`, within `min` and `max`.
   */
  #autoScale(pool: PoolRow, now: number): void {
    const size = sizeAt(pool, now);
    if (size !== pool.target) return;
    const { n } = this.#db.get<{ n: number }>(
      "SELECT count(*) AS n FROM ccjk_tasks WHERE account_id = ? AND role = ? AND distributed = 1 AND status IN ('queued', 'in_progress')",
      pool.account_id,
      pool.role,
    )!;
    const load = size === 0 ? (n > 0 ? Number.POSITIVE_INFINITY : 0) : n / size;
    const target =
      load > pool.up_threshold && size < pool.max
        ? size + 1
        : load < pool.down_threshold && size > pool.min
          ? size - 1
          : size;
    if (target === size) return;
    this.#db.run(
      "UPDATE ccjk_pools SET from_count = ?, target = ?, changed_at = ? WHERE account_id = ? AND role = ?",
      size,
      target,
      now,
      pool.account_id,
      pool.role,
    );
  }

  /** When a running task ends: its duration, or its deadline when that comes first. */
  #endOf(task: TaskRow): number {
    const end = task.started_at! + task.duration_ms;
    return task.deadline !== null && task.deadline < end ? Math.max(task.started_at!, task.deadline) : end;
  }

  #finish(task: TaskRow, end: number): TaskRow {
    const late = task.deadline !== null && end < task.started_at! + task.duration_ms;
    if (late) return this.#fail(task, end, "The deadline passed before the task completed.");
    task.status = "completed";
    task.ended_at = end;
    this.#db.run("UPDATE ccjk_tasks SET status = 'completed', ended_at = ? WHERE id = ?", end, task.id);
    return task;
  }

  #fail(task: TaskRow, at: number, error: string): TaskRow {
    task.status = "failed";
    task.ended_at = at;
    task.error = error;
    this.#db.run("UPDATE ccjk_tasks SET status = 'failed', ended_at = ?, error = ? WHERE id = ?", at, error, task.id);
    return task;
  }

  /** The pool's agents that may take work, with when each is free and when it leaves the pool. */
  #slots(accountId: string, role: AgentRole, pool: PoolRow): Slot[] {
    const busy = new Map<string, number>();
    for (const row of this.#db.all<{
      agent_id: string;
      started_at: number;
      duration_ms: number;
      deadline: number | null;
      status: string;
      last: number | null;
    }>(
      `SELECT agent_id, started_at, duration_ms, deadline, status, coalesce(ended_at, cancelled_at) AS last
       FROM ccjk_tasks WHERE account_id = ? AND role = ? AND agent_id IS NOT NULL`,
      accountId,
      role.role,
    )) {
      const until =
        row.status === "in_progress"
          ? this.#endOf(row as unknown as TaskRow)
          : (row.last ?? row.started_at + row.duration_ms);
      busy.set(row.agent_id, Math.max(busy.get(row.agent_id) ?? Number.NEGATIVE_INFINITY, until));
    }
    const slots: Slot[] = [];
    for (let n = 1; n <= Math.max(pool.from_count, pool.target); n++) {
      const ready = agentReadyAt(pool, n);
      if (ready === undefined) continue;
      const id = agentId(role, n);
      slots.push({
        n,
        id,
        freeAt: Math.max(ready, busy.get(id) ?? Number.NEGATIVE_INFINITY),
        leavesAt: agentLeavesAt(pool, n),
      });
    }
    return slots;
  }

  /** How far a task has come at `at`, 0 to 100. */
  progress(task: TaskRow, at: number): number {
    if (task.status === "completed") return 100;
    if (task.started_at === null) return 0;
    const until = task.status === "in_progress" ? at : (task.ended_at ?? at);
    return Math.max(0, Math.min(99, Math.floor(((until - task.started_at) / task.duration_ms) * 100)));
  }

  /** What a task has produced by `at`. */
  output(task: TaskRow, at: number): TaskOutput {
    const progress = this.progress(task, at);
    const input = JSON.parse(task.input) as Record<string, unknown>;
    const messages: string[] = [];
    if (task.started_at !== null) messages.push(`Started "${task.name}" on ${task.agent_id}`);
    STAGES.forEach((stage, i) => {
      if (progress >= (i + 1) * 25) messages.push(stage);
    });
    if (task.status === "completed") messages.push(`Completed "${task.name}"`);
    if (task.status === "failed" && task.error) messages.push(task.error);
    if (task.status === "cancelled") messages.push("Cancelled");
    const named = Array.isArray(input.files) ? input.files.filter((f): f is string => typeof f === "string") : [];
    const files = progress >= 50 || task.status === "completed" ? named : [];
    const output: TaskOutput = { files, messages };
    if (task.status === "completed") output.result = { summary: `${task.agent_id} completed "${task.name}"`, input };
    return output;
  }

  /** A task as §6 answers it. */
  view(task: TaskRow): AgentTask {
    const now = this.#clock.now();
    const iso = (at: number | null) => (at === null ? null : this.#clock.iso(at));
    return {
      taskId: task.id,
      name: task.name,
      agentRole: task.role,
      status: task.status,
      progress: this.progress(task, now),
      agentId: task.agent_id,
      priority: task.priority,
      distributed: task.distributed === 1,
      createdAt: this.#clock.iso(task.created_at),
      startedAt: iso(task.started_at),
      estimatedCompletion: task.started_at === null ? null : this.#clock.iso(this.#endOf(task)),
      completedAt: task.status === "completed" || task.status === "failed" ? iso(task.ended_at) : null,
      cancelledAt: iso(task.cancelled_at),
      error: task.error,
      output: this.output(task, now),
    };
  }
}
