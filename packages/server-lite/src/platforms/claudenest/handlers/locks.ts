/**
 * @module
 * §9 File locks. Every change runs in one transaction that first clears expired locks; its realtime events are
 * published after the commit. Choices are documented in the SDK's `contract/locks.ts`.
 */
import { Failure } from "../../../core/failure.ts";
import type { NestHandlers } from "../handlers.ts";
import type { NestServices } from "../services.ts";
import {
  caseInsensitive,
  clearExpiredLocks,
  coveringLock,
  freeLock,
  type LockEvent,
  type LockRow,
  liveLock,
  lockPath,
  MINUTE_MS,
  publishLockEvents,
  takeLock,
  toLock,
} from "../state/locks.ts";
import { logActivity, ownProject, touchInstance } from "../state/projects.ts";

const DEFAULT_DURATION_MINUTES = 30;
const MAX_DURATION_MINUTES = 24 * 60;

/**
 * The minutes a lock lasts: `duration_minutes`, or from the agent's body the whole minutes (rounded up) from now on
 * the server clock to the `expires_at` it asked for, between 1 and a day.
 */
function durationOf(services: NestServices, body: { duration_minutes?: number; expires_at?: string }): number {
  if (body.expires_at === undefined) return body.duration_minutes ?? DEFAULT_DURATION_MINUTES;
  const minutes = Math.ceil((Date.parse(body.expires_at) - services.now()) / MINUTE_MS);
  if (minutes < 1 || minutes > MAX_DURATION_MINUTES)
    throw new Failure("VAL_001", undefined, {
      expires_at: ["The expires at must be a date between 1 minute and 1 day from now."],
    });
  return minutes;
}

/** Runs a lock change in a transaction after clearing expired locks, then publishes what it queued. */
export function change<T>(services: NestServices, projectId: string, work: (events: LockEvent[]) => T): T {
  const events: LockEvent[] = [];
  const result = services.db.tx(() => {
    clearExpiredLocks(services, projectId, events);
    return work(events);
  });
  publishLockEvents(services, projectId, events);
  return result;
}

/** LCK_001 naming the instance that holds the lock in the way, and why. */
export function heldByOther(lock: LockRow, path: string): Failure {
  return new Failure("LCK_001", `${path} is locked by ${lock.locked_by}${lock.reason ? ` (${lock.reason})` : ""}.`);
}

export const locks: Omit<NestHandlers<"locks">, "remove"> = {
  list({ caller, params }, { services }) {
    const project = ownProject(services, caller, params.project);
    return services.db
      .all<LockRow>(
        "SELECT * FROM cn_locks WHERE project_id = ? AND expires_at > ? ORDER BY path",
        project.id,
        services.now(),
      )
      .map((row) => toLock(services, row));
  },

  acquire({ caller, params, body }, { services }) {
    const project = ownProject(services, caller, params.project);
    const path = lockPath(project, body.path, "path", services);
    const minutes = durationOf(services, body);
    const lock = change(services, project.id, (events) => {
      const result = takeLock(
        services,
        project,
        { path, instanceId: body.instance_id, reason: body.reason, minutes },
        events,
      );
      if (!result.taken) throw heldByOther(result.lock, path);
      return result.lock;
    });
    return toLock(services, lock);
  },

  check({ caller, params, body }, { services }) {
    const project = ownProject(services, caller, params.project);
    const path = lockPath(project, body.path, "path", services);
    // A lock on a directory covers the files beneath it.
    const lock = coveringLock(services, project.id, path, caseInsensitive(project));
    return {
      path,
      locked: lock !== undefined,
      locked_by: lock?.locked_by ?? null,
      reason: lock?.reason ?? null,
      expires_at: lock ? services.clock.iso(lock.expires_at) : null,
    };
  },

  extend({ caller, params, body }, { services }) {
    const project = ownProject(services, caller, params.project);
    const path = lockPath(project, body.path, "path", services);
    const lock = change(services, project.id, () => {
      const held = liveLock(services, project.id, path);
      if (!held) throw new Failure("NOT_FOUND", `${path} is not locked; acquire the lock again.`);
      if (held.locked_by !== body.instance_id) throw heldByOther(held, path);
      const expiresAt = held.expires_at + body.additional_minutes * MINUTE_MS;
      services.db.run(
        "UPDATE cn_locks SET expires_at = ? WHERE project_id = ? AND path = ?",
        expiresAt,
        project.id,
        path,
      );
      touchInstance(services, project.id, body.instance_id);
      logActivity(services, project.id, body.instance_id, "file_lock_extended", {
        path,
        additional_minutes: body.additional_minutes,
        expires_at: services.clock.iso(expiresAt),
      });
      return { ...held, expires_at: expiresAt };
    });
    return toLock(services, lock);
  },

  bulk({ caller, params, body }, { services }) {
    const project = ownProject(services, caller, params.project);
    const paths = [...new Set(body.paths.map((p, i) => lockPath(project, p, `paths.${i}`, services)))];
    const minutes = body.duration_minutes ?? DEFAULT_DURATION_MINUTES;
    return change(services, project.id, (events) => {
      const acquired: string[] = [];
      const failed: string[] = [];
      const failedDetails: Record<string, { locked_by: string; reason: string | null }> = {};
      for (const path of paths) {
        const result = takeLock(
          services,
          project,
          { path, instanceId: body.instance_id, reason: body.reason, minutes },
          events,
        );
        if (result.taken) {
          acquired.push(path);
        } else {
          failed.push(path);
          failedDetails[path] = { locked_by: result.lock.locked_by, reason: result.lock.reason };
        }
      }
      return { acquired, failed, failed_details: failedDetails };
    });
  },

  release({ caller, params, body }, { services }) {
    const project = ownProject(services, caller, params.project);
    const path = lockPath(project, body.path, "path", services);
    return change(services, project.id, (events) => {
      const held = liveLock(services, project.id, path);
      if (held && held.locked_by !== body.instance_id) throw heldByOther(held, path);
      touchInstance(services, project.id, body.instance_id);
      if (!held) return { path, released: false, locked_by: null };
      freeLock(services, held, "released", events);
      return { path, released: true, locked_by: held.locked_by };
    });
  },

  forceRelease({ caller, params, body }, { services }) {
    const project = ownProject(services, caller, params.project);
    const path = lockPath(project, body.path, "path", services);
    return change(services, project.id, (events) => {
      const held = liveLock(services, project.id, path);
      if (!held) return { path, released: false, locked_by: null };
      freeLock(services, held, "forced", events);
      return { path, released: true, locked_by: held.locked_by };
    });
  },

  releaseByInstance({ caller, params, body }, { services }) {
    const project = ownProject(services, caller, params.project);
    return change(services, project.id, (events) => {
      const held = services.db.all<LockRow>(
        "SELECT * FROM cn_locks WHERE project_id = ? AND locked_by = ? ORDER BY path",
        project.id,
        body.instance_id,
      );
      for (const lock of held) freeLock(services, lock, "instance_released", events);
      return { instance_id: body.instance_id, released: held.map((l) => l.path), count: held.length };
    });
  },
};
