/**
 * @module
 * §9 File locks: an instance locks the files it edits so that other instances of the project leave them alone.
 *
 * Choices where the document is silent:
 * - Paths are relative to the project: a leading `./` and repeated or trailing slashes are dropped and `.`/`..`
 *   segments resolved, so `./src//a.ts` and `src/a.ts` are one lock. An absolute path inside the project's
 *   `project_path` is made relative to it; an absolute path outside it, a path climbing out with `..`, or the
 *   project root itself is refused with `VAL_001`. Names are put in Unicode NFC, so an accented name is one lock
 *   however it is spelled (macOS names it one file); a NUL byte is refused. Answers carry the normalized path.
 * - Letter case is ignored, as on macOS and Windows file systems: `src/Auth.php` and `src/auth.php` are one lock,
 *   spelled as it was first locked. A project whose `settings.caseSensitivePaths` is `true` keeps them apart.
 * - A path names a file or a directory, and a lock on a directory covers everything beneath it, both ways: another
 *   instance cannot lock `src/models/user.ts` while `src/models` is locked, nor `src/models` while a file beneath
 *   it is locked (`LCK_001` naming the lock in the way), and `check` on a file answers the directory's lock.
 * - A lock lasts `duration_minutes` (30 by default, at most a day) by the server clock. Re-acquiring a lock the
 *   instance already holds refreshes it: new reason and a new expiry counted from now; it answers 201 like a new lock.
 * - Expired locks free their path without any call. The next lock change in the project clears them: each one
 *   publishes `file:unlocked` and logs `file_unlocked` with `cause: "expired"`, so an expired lock taken over by
 *   another instance publishes `file:unlocked` before the new `file:locked`.
 * - `acquire` also takes the body ClaudeNest's agent sends (`packages/agent/src/context/client.ts` `lockFile`):
 *   `{path, locked_by, reason, expires_at}`. `locked_by` is the instance (the agent locks as its machine id);
 *   `expires_at` (its own clock, 30 minutes ahead by default) is read as a duration counted from now on the server
 *   clock, rounded up to whole minutes: it must leave between 1 minute and a day (`VAL_001` otherwise). The answer
 *   is the same; the agent reads nothing of it but success.
 * - Every change logs activity: `file_locked` (acquire, refresh, bulk), `file_lock_extended` (extend), and
 *   `file_unlocked` with a `cause` of `released`, `forced`, `instance_released` or `expired`. After the change is
 *   committed, `file:locked` `{path, lockedBy, reason}` (also on refresh) and `file:unlocked` `{path}` are
 *   published on `private-project.{projectId}`; extending publishes nothing, the lock stays held.
 * - `extend` adds `additional_minutes` to the current expiry. Extending a lock held by another instance is
 *   `LCK_001`; extending a path with no live lock is `NOT_FOUND` (404): the lock was lost, acquire it again.
 * - `release` by the holder frees the path; by another instance it is `LCK_001`; a path with no live lock answers
 *   `released: false` (releasing is idempotent).
 * - `forceRelease` is for the project's owner with a personal token, whatever instance holds the lock; it answers
 *   `released: false` when nothing was locked.
 * - `bulk` is not all-or-nothing: it locks every path that is free or already the instance's own, and lists the
 *   others with their holder. Duplicate paths (after normalization) count once.
 * - `releaseByInstance` frees every live lock of the instance and answers the freed paths, sorted.
 * - `check` and `list` only read; `list` answers live locks sorted by path, `remaining_seconds` rounded up.
 *
 * Realtime (§13.3): lock events go to `private-project.{projectId}`, the project's channel (the document names
 * the events but not their channel), open to the project owner's personal token and to the project machine's
 * `mn_` token: `file:locked` `{path, lockedBy, reason}` and `file:unlocked` `{path}`, with normalized paths
 * (`lockedBy` in camelCase as §13.3 writes it, where REST answers say `locked_by`). A
 * lock that simply expires publishes nothing until the next lock change of the project clears it (see above):
 * `nest.locks.watch(projectId)` re-reads the list after every (re)connection.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { withExample } from "../../../contract/entity.ts";
import { named } from "../../../contract/schema.ts";
import { eitherShape, Id, Timestamp } from "./common.ts";
import { entity, lockExample } from "./examples.ts";
import { acquireLockExample } from "./request-examples.ts";

/** The zod schema of {@link Lock}. */
export const LockSchema = entity(
  z.object({
    path: z.string(),
    locked_by: z.string(),
    reason: z.string().nullable(),
    locked_at: Timestamp,
    expires_at: Timestamp,
    remaining_seconds: z.number().int(),
  }),
  { name: "Lock", example: lockExample },
);
/** §9.1: a live file lock. */
export interface Lock extends z.output<typeof LockSchema> {}

const LockPath = z.string().min(1).max(4096);
const InstanceId = z.string().min(1).max(255);
const Reason = z.string().max(1000);
const Minutes = z
  .number()
  .int()
  .min(1)
  .max(24 * 60);

const DocumentedAcquire = z.object({
  path: LockPath,
  instance_id: InstanceId,
  reason: Reason.optional(),
  /** @default 30 */
  duration_minutes: Minutes.optional(),
});
/** The zod schema of {@link AgentLockBody}. */
export const AgentLockBodySchema = z.strictObject({
  path: LockPath,
  /** The locking instance. */
  locked_by: InstanceId,
  reason: Reason.nullish(),
  /** When the lock ends; between 1 minute and a day from now. */
  expires_at: z.iso.datetime({ offset: true }),
});
/** §9.2 as ClaudeNest's agent locks: the instance in `locked_by`, the end of the lock in `expires_at`. */
export interface AgentLockBody extends z.output<typeof AgentLockBodySchema> {}

/** The zod schema of {@link AcquireLockBody}: the document's body, or the agent's read into it. */
export const AcquireLockBodySchema = withExample(
  z.union(
    [
      DocumentedAcquire,
      AgentLockBodySchema.transform(({ path, locked_by, reason, expires_at }) => ({
        path,
        instance_id: locked_by,
        reason: reason ?? undefined,
        expires_at,
      })),
    ],
    eitherShape("{path, instance_id}", "{path, locked_by, expires_at}"),
  ),
  acquireLockExample,
);
/**
 * §9.2: the file an instance locks, why, and for how long: `duration_minutes`, or (from the agent's body) the
 * `expires_at` it asked for.
 */
export interface AcquireLockBody extends z.output<typeof DocumentedAcquire> {
  expires_at?: string;
}
/** §9.2: the lock to take, as the document or ClaudeNest's agent asks for it. */
export type AcquireLockInput = z.input<typeof DocumentedAcquire> | AgentLockBody;

/** The zod schema of {@link CheckLockBody}. */
export const CheckLockBodySchema = z.object({ path: LockPath });
/** §9.3: the file to check. */
export interface CheckLockBody extends z.output<typeof CheckLockBodySchema> {}

/** The zod schema of {@link LockStatus}. */
export const LockStatusSchema = z.object({
  path: z.string(),
  locked: z.boolean(),
  locked_by: z.string().nullable(),
  reason: z.string().nullable(),
  expires_at: Timestamp.nullable(),
});
/** §9.3: whether a file is locked, by whom and until when. */
export interface LockStatus extends z.output<typeof LockStatusSchema> {}

/** The zod schema of {@link ExtendLockBody}. */
export const ExtendLockBodySchema = z.object({
  path: LockPath,
  instance_id: InstanceId,
  additional_minutes: Minutes,
});
/** §9.4: the lock to extend, and by how many minutes. */
export interface ExtendLockBody extends z.output<typeof ExtendLockBodySchema> {}

/** The zod schema of {@link BulkLockBody}. */
export const BulkLockBodySchema = z.object({
  paths: z.array(LockPath).min(1).max(100),
  instance_id: InstanceId,
  reason: Reason.optional(),
  /** @default 30 */
  duration_minutes: Minutes.optional(),
});
/** §9.5: the files an instance locks at once. */
export interface BulkLockBody extends z.output<typeof BulkLockBodySchema> {}

/** The zod schema of {@link LockHolder}. */
export const LockHolderSchema = z.object({ locked_by: z.string(), reason: z.string().nullable() });
/** §9.5: who holds a lock that could not be taken, and why. */
export interface LockHolder extends z.output<typeof LockHolderSchema> {}

/** The zod schema of {@link BulkLockResult}. */
export const BulkLockResultSchema = z.object({
  acquired: z.array(z.string()),
  failed: z.array(z.string()),
  failed_details: z.record(z.string(), LockHolderSchema),
});
/** §9.5: the paths locked, the paths that were not, and who holds those. */
export interface BulkLockResult extends z.output<typeof BulkLockResultSchema> {}

/** The zod schema of {@link ReleaseLockBody}. */
export const ReleaseLockBodySchema = z.object({ path: LockPath, instance_id: InstanceId });
/** §9.6: the file an instance unlocks. */
export interface ReleaseLockBody extends z.output<typeof ReleaseLockBodySchema> {}

/** The zod schema of {@link ForceReleaseBody}. */
export const ForceReleaseBodySchema = z.object({ path: LockPath });
/** §9.7: the file to unlock, whoever holds it. */
export interface ForceReleaseBody extends z.output<typeof ForceReleaseBodySchema> {}

/** The zod schema of {@link LockRelease}. */
export const LockReleaseSchema = z.object({
  path: z.string(),
  /** Whether a live lock was freed. */
  released: z.boolean(),
  /** The instance whose lock was freed. */
  locked_by: z.string().nullable(),
});
/** §9.6, §9.7: whether a lock was freed, and whose it was. */
export interface LockRelease extends z.output<typeof LockReleaseSchema> {}

/** The zod schema of {@link ReleaseByInstanceBody}. */
export const ReleaseByInstanceBodySchema = z.object({ instance_id: InstanceId });
/** §9.8: the instance whose locks are freed. */
export interface ReleaseByInstanceBody extends z.output<typeof ReleaseByInstanceBodySchema> {}

/** The zod schema of {@link InstanceRelease}. */
export const InstanceReleaseSchema = z.object({
  instance_id: z.string(),
  released: z.array(z.string()),
  count: z.number().int(),
});
/** §9.8: the paths freed for an instance. */
export interface InstanceRelease extends z.output<typeof InstanceReleaseSchema> {}

const ProjectParam = z.object({ project: Id });

const list = endpoint({
  method: "GET",
  path: "/projects/{project}/locks",
  section: "§9.1",
  summary: "The live file locks of the project",
  auth: "agent",
  params: ProjectParam,
  response: named<Lock[]>(z.array(LockSchema)),
  errors: ["PRJ_001"],
});

const acquire = endpoint({
  method: "POST",
  path: "/projects/{project}/locks",
  section: "§9.2",
  summary: "Lock a file for an instance (refreshes the instance's own lock)",
  auth: "agent",
  params: ProjectParam,
  body: named<AcquireLockBody, AcquireLockInput>(AcquireLockBodySchema),
  response: named<Lock>(LockSchema),
  status: 201,
  errors: ["PRJ_001", "LCK_001"],
});

const check = endpoint({
  method: "POST",
  path: "/projects/{project}/locks/check",
  section: "§9.3",
  summary: "Whether a file is locked, and by whom",
  auth: "agent",
  params: ProjectParam,
  body: named<CheckLockBody>(CheckLockBodySchema),
  response: named<LockStatus>(LockStatusSchema),
  errors: ["PRJ_001"],
});

const extend = endpoint({
  method: "POST",
  path: "/projects/{project}/locks/extend",
  section: "§9.4",
  summary: "Extend the instance's own lock",
  auth: "agent",
  params: ProjectParam,
  body: named<ExtendLockBody>(ExtendLockBodySchema),
  response: named<Lock>(LockSchema),
  errors: ["PRJ_001", "LCK_001", "NOT_FOUND"],
  note: "A path with no live lock answers NOT_FOUND (404), which §14 does not list.",
});

const bulk = endpoint({
  method: "POST",
  path: "/projects/{project}/locks/bulk",
  section: "§9.5",
  summary: "Lock several files; locks what it can and reports the rest",
  auth: "agent",
  params: ProjectParam,
  body: named<BulkLockBody>(BulkLockBodySchema),
  response: named<BulkLockResult>(BulkLockResultSchema),
  errors: ["PRJ_001"],
});

const release = endpoint({
  method: "POST",
  path: "/projects/{project}/locks/release",
  section: "§9.6",
  summary: "Release the instance's own lock",
  auth: "agent",
  params: ProjectParam,
  body: named<ReleaseLockBody>(ReleaseLockBodySchema),
  response: named<LockRelease>(LockReleaseSchema),
  errors: ["PRJ_001", "LCK_001"],
});

const forceRelease = endpoint({
  method: "POST",
  path: "/projects/{project}/locks/force-release",
  section: "§9.7",
  summary: "Release a lock whoever holds it (the project's owner, personal token)",
  auth: "admin",
  params: ProjectParam,
  body: named<ForceReleaseBody>(ForceReleaseBodySchema),
  response: named<LockRelease>(LockReleaseSchema),
  errors: ["PRJ_001"],
});

const releaseByInstance = endpoint({
  method: "POST",
  path: "/projects/{project}/locks/release-by-instance",
  section: "§9.8",
  summary: "Release every lock of an instance",
  auth: "agent",
  params: ProjectParam,
  body: named<ReleaseByInstanceBody>(ReleaseByInstanceBodySchema),
  response: named<InstanceRelease>(InstanceReleaseSchema),
  errors: ["PRJ_001"],
});

/** The file lock endpoints. */
export const locks = { list, acquire, check, extend, bulk, release, forceRelease, releaseByInstance };
