/**
 * @module
 * File locks as stored, and the changes every lock endpoint shares: clearing expired locks, taking a lock,
 * freeing one. Each change logs its activity at once and queues its realtime event; `publishLockEvents` sends
 * the queue once the transaction has committed. Choices are documented in the SDK's `contract/locks.ts`.
 */

import type { Lock } from "@agentlane/sdk/claudenest/contract";
import { Failure } from "../../../core/failure.ts";
import type { NestServices } from "../services.ts";
import { broadcast } from "./broadcast.ts";
import { normalizeLockPath } from "./lock-paths.ts";
import { logActivity, type ProjectRow, touchInstance } from "./projects.ts";

export interface LockRow {
  project_id: string;
  path: string;
  locked_by: string;
  reason: string | null;
  locked_at: number;
  expires_at: number;
}

export type LockEvent =
  | { event: "file:locked"; data: { path: string; lockedBy: string; reason: string | null } }
  | { event: "file:unlocked"; data: { path: string } };

export type UnlockCause = "released" | "forced" | "instance_released" | "expired";

export const MINUTE_MS = 60_000;

/**
 * Whether a project's lock paths ignore letter case: the default, since the files are one file on macOS and
 * Windows file systems; `settings.caseSensitivePaths: true` makes `Auth.php` and `auth.php` two locks.
 */
export function caseInsensitive(project: Pick<ProjectRow, "settings">): boolean {
  return (JSON.parse(project.settings) as { caseSensitivePaths?: unknown }).caseSensitivePaths !== true;
}

/** A path as locks compare it. */
const keyOf = (path: string, insensitive: boolean) => (insensitive ? path.toLowerCase() : path);

/** Whether two locked paths touch: the same, or one a directory above the other. */
export function overlaps(a: string, b: string, insensitive: boolean): boolean {
  const x = keyOf(a, insensitive);
  const y = keyOf(b, insensitive);
  return x === y || x.startsWith(`${y}/`) || y.startsWith(`${x}/`);
}

/**
 * The project-relative path, or VAL_001 on `field`. In a case-insensitive project a path spelled like a live
 * lock's path in other letter case takes that lock's spelling, so both name one lock.
 */
export function lockPath(project: ProjectRow, path: string, field = "path", services?: NestServices): string {
  const result = normalizeLockPath(path, project.project_path);
  if (result.error !== undefined) throw new Failure("VAL_001", result.error, { [field]: [result.error] });
  if (!services || !caseInsensitive(project)) return result.path;
  const key = result.path.toLowerCase();
  const spelled = services.db
    .all<{ path: string }>(
      "SELECT path FROM cn_locks WHERE project_id = ? AND expires_at > ?",
      project.id,
      services.now(),
    )
    .find((row) => row.path.toLowerCase() === key);
  return spelled?.path ?? result.path;
}

/**
 * A live lock of another instance that a lock on `path` would collide with: on the same path, on a directory
 * above it, or on anything beneath it when `path` is a directory.
 */
export function conflictingLock(
  services: NestServices,
  projectId: string,
  path: string,
  instanceId: string,
  insensitive: boolean,
): LockRow | undefined {
  return services.db
    .all<LockRow>(
      "SELECT * FROM cn_locks WHERE project_id = ? AND expires_at > ? AND locked_by != ? ORDER BY length(path)",
      projectId,
      services.now(),
      instanceId,
    )
    .find((row) => overlaps(row.path, path, insensitive));
}

/** The live lock that covers `path`: its own, or a lock on a directory above it. */
export function coveringLock(
  services: NestServices,
  projectId: string,
  path: string,
  insensitive: boolean,
): LockRow | undefined {
  const key = keyOf(path, insensitive);
  return services.db
    .all<LockRow>(
      "SELECT * FROM cn_locks WHERE project_id = ? AND expires_at > ? ORDER BY length(path) DESC",
      projectId,
      services.now(),
    )
    .find((row) => {
      const held = keyOf(row.path, insensitive);
      return held === key || key.startsWith(`${held}/`);
    });
}

export function toLock(services: NestServices, row: LockRow): Lock {
  return {
    path: row.path,
    locked_by: row.locked_by,
    reason: row.reason,
    locked_at: services.clock.iso(row.locked_at),
    expires_at: services.clock.iso(row.expires_at),
    remaining_seconds: Math.max(0, Math.ceil((row.expires_at - services.now()) / 1000)),
  };
}

/** The live lock on a path. */
export function liveLock(services: NestServices, projectId: string, path: string): LockRow | undefined {
  return services.db.get<LockRow>(
    "SELECT * FROM cn_locks WHERE project_id = ? AND path = ? AND expires_at > ?",
    projectId,
    path,
    services.now(),
  );
}

/** Frees a lock row, logging why and queueing `file:unlocked`. */
export function freeLock(services: NestServices, lock: LockRow, cause: UnlockCause, events: LockEvent[]): void {
  services.db.run("DELETE FROM cn_locks WHERE project_id = ? AND path = ?", lock.project_id, lock.path);
  logActivity(services, lock.project_id, lock.locked_by, "file_unlocked", { path: lock.path, cause });
  events.push({ event: "file:unlocked", data: { path: lock.path } });
}

/** Clears the project's expired locks; every lock change starts with it. */
export function clearExpiredLocks(services: NestServices, projectId: string, events: LockEvent[]): void {
  const expired = services.db.all<LockRow>(
    "SELECT * FROM cn_locks WHERE project_id = ? AND expires_at <= ? ORDER BY path",
    projectId,
    services.now(),
  );
  for (const lock of expired) freeLock(services, lock, "expired", events);
}

/**
 * Locks `path` for `instanceId`, or refreshes the instance's own lock (a reason left out keeps the old one).
 * Answers the other instance's lock instead when the path is taken. Expired locks must be cleared first.
 */
export function takeLock(
  services: NestServices,
  project: Pick<ProjectRow, "id" | "settings">,
  request: { path: string; instanceId: string; reason: string | undefined; minutes: number },
  events: LockEvent[],
): { lock: LockRow; taken: boolean } {
  const { path, instanceId, reason, minutes } = request;
  const projectId = project.id;
  const other = conflictingLock(services, projectId, path, instanceId, caseInsensitive(project));
  if (other) return { lock: other, taken: false };
  const held = liveLock(services, projectId, path);
  if (held && held.locked_by !== instanceId) return { lock: held, taken: false };
  const now = services.now();
  const expiresAt = now + minutes * MINUTE_MS;
  const newReason = reason ?? held?.reason ?? null;
  services.db.run(
    `INSERT INTO cn_locks (project_id, path, locked_by, reason, locked_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (project_id, path) DO UPDATE SET
       locked_at = CASE WHEN locked_by = excluded.locked_by THEN locked_at ELSE excluded.locked_at END,
       locked_by = excluded.locked_by, reason = excluded.reason, expires_at = excluded.expires_at`,
    projectId,
    path,
    instanceId,
    newReason,
    now,
    expiresAt,
  );
  touchInstance(services, projectId, instanceId);
  logActivity(services, projectId, instanceId, "file_locked", {
    path,
    reason: newReason,
    expires_at: services.clock.iso(expiresAt),
    refreshed: held !== undefined,
  });
  events.push({ event: "file:locked", data: { path, lockedBy: instanceId, reason: newReason } });
  return { lock: liveLock(services, projectId, path)!, taken: true };
}

export function publishLockEvents(services: NestServices, projectId: string, events: readonly LockEvent[]): void {
  for (const { event, data } of events) broadcast(services, `private-project.${projectId}`, event, data);
}
