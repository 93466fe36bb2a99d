/**
 * @module
 * Each account's agent pool per role: how many agents it has at a given time. A pool moves one agent every
 * `STEP_MS` from the size it had when it was last scaled towards its target, so its size is a function of the
 * server clock; a pool never scaled has one agent.
 */
import type { Database } from "../../../store/database.ts";

/** Milliseconds for a pool to add or remove one agent. */
export const STEP_MS = 10_000;

/** A pool row. */
export interface PoolRow {
  account_id: string;
  role: string;
  from_count: number;
  target: number;
  changed_at: number;
  min: number;
  max: number;
  auto_scale: number;
  up_threshold: number;
  down_threshold: number;
}

/** The pool of a role that was never scaled: one agent. */
export function defaultPool(accountId: string, role: string): PoolRow {
  return {
    account_id: accountId,
    role,
    from_count: 1,
    target: 1,
    changed_at: 0,
    min: 1,
    max: 10,
    auto_scale: 0,
    up_threshold: 0.7,
    down_threshold: 0.3,
  };
}

/** The account's pool of a role (the default one when never scaled). */
export function poolOf(db: Database, accountId: string, role: string): PoolRow {
  return (
    db.get<PoolRow>("SELECT * FROM ccjk_pools WHERE account_id = ? AND role = ?", accountId, role) ??
    defaultPool(accountId, role)
  );
}

/** How many agents a pool has at `at`. */
export function sizeAt(pool: PoolRow, at: number): number {
  const steps = Math.max(0, Math.floor((at - pool.changed_at) / STEP_MS));
  const gap = pool.target - pool.from_count;
  return pool.from_count + Math.sign(gap) * Math.min(Math.abs(gap), steps);
}

/** When the pool reaches its target. */
export function readyAt(pool: PoolRow): number {
  return pool.changed_at + Math.abs(pool.target - pool.from_count) * STEP_MS;
}

/**
 * When the pool's agent number `n` (1-based) became available: `-Infinity` for agents it had before it was last
 * scaled, `undefined` for one it never gets (beyond the target).
 */
export function agentReadyAt(pool: PoolRow, n: number): number | undefined {
  if (n <= pool.from_count) return Number.NEGATIVE_INFINITY;
  if (n > pool.target) return undefined;
  return pool.changed_at + (n - pool.from_count) * STEP_MS;
}

/** When the pool's agent number `n` leaves it while scaling down (`undefined`: it stays). */
export function agentLeavesAt(pool: PoolRow, n: number): number | undefined {
  if (n <= pool.target || n > pool.from_count) return undefined;
  return pool.changed_at + (pool.from_count - n + 1) * STEP_MS;
}
