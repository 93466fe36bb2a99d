/**
 * @module
 * §4 Cloud Sync: one sync configuration per account, sync jobs that run on the server's clock, and the
 * conflicts they find.
 *
 * Choices where the document is vague:
 * - Each account has one configuration; `POST /sync/config` replaces it (the `configId` stays the same) and a
 *   sync cannot start before there is one (`RESOURCE_NOT_FOUND`). `providerConfig` holds secrets: it is stored
 *   and never answered back.
 * - Items live on two sides, the device (`local`) and the provider (`remote`); each item remembers the content of
 *   its last sync. An item changed on one side only is copied to the other, as far as the direction allows
 *   (`push`: local to remote, `pull`: remote to local). An item changed on both sides to different contents is
 *   a conflict, settled by `conflictStrategy`: `local-wins`, `remote-wins`, `newest-wins` (the later
 *   `modifiedAt`, the local side on a tie) or `manual` (recorded as a conflict and left unsynced until
 *   `resolve-conflict`). `force: true` skips conflict detection: conflicts are settled by the strategy as if it
 *   were not `manual` (`manual` then keeps the local side).
 * - A job takes 2 seconds plus half a second per changed item on the server clock (`estimatedDuration`, in
 *   seconds); its progress grows with the clock and its results are applied when it completes. One job runs
 *   at a time per account: starting another meanwhile is `CONFLICT_DETECTED`.
 * - `GET /sync/status` has no parameter in the document: it answers the latest job, or the job named by
 *   `syncId`. Before any job it is `RESOURCE_NOT_FOUND`.
 * - Results list items (`{id, type, size}`), conflicts as `{conflictId, id, type}`; `stats` count every item
 *   copied and every conflict found since the configuration was made. With `autoSyncInterval` above 0, a job
 *   starts by itself that long after the last one completed (`nextSync`); intervals missed while nothing ran
 *   collapse into one catch-up job.
 * - `resolve-conflict` applies `local`, `remote` or `merged` (then `mergedContent` is required) to both sides;
 *   a conflict already resolved is `CONFLICT_DETECTED`, an unknown one `RESOURCE_NOT_FOUND`.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { Timestamp } from "./common.ts";

/** What a sync copies. */
export const ItemType = z.enum(["skills", "workflows", "settings", "mcp-configs"]);
/** `skills`, `workflows`, `settings` or `mcp-configs`. */
export type ItemType = z.output<typeof ItemType>;
/** Which way a sync copies. */
export const SyncDirection = z.enum(["push", "pull", "bidirectional"]);
/** `push`, `pull` or `bidirectional`. */
export type SyncDirection = z.output<typeof SyncDirection>;
/** How conflicts are settled. */
export const ConflictStrategy = z.enum(["local-wins", "remote-wins", "newest-wins", "manual"]);
/** `local-wins`, `remote-wins`, `newest-wins` or `manual`. */
export type ConflictStrategy = z.output<typeof ConflictStrategy>;

const Secret = z.string().max(2000).optional();

/** The zod schema of {@link ProviderConfig}. */
export const ProviderConfigSchema = z.object({
  token: Secret,
  endpoint: z.string().max(2000).optional(),
  credentials: z.object({ token: Secret, secretKey: Secret, username: Secret, password: Secret }).optional(),
});
/** Where and how the provider is reached; stored, never answered back. */
export interface ProviderConfig extends z.output<typeof ProviderConfigSchema> {}

const ItemTypes = z.array(ItemType).min(1).max(4);

/** The zod schema of {@link SyncConfigBody}. */
export const SyncConfigBodySchema = z.object({
  provider: z.enum(["github-gist", "s3", "webdav", "custom"]),
  providerConfig: ProviderConfigSchema.optional(),
  /** @default "bidirectional" */
  syncDirection: SyncDirection.optional(),
  /** Milliseconds between automatic syncs; 0 (the default) turns them off. From one minute to 30 days. */
  autoSyncInterval: z
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 3_600_000)
    .refine((ms) => ms === 0 || ms >= 60_000, "Use 0 (off) or at least 60000 (one minute).")
    .optional(),
  /** @default "newest-wins" */
  conflictStrategy: ConflictStrategy.optional(),
  /** @default every type */
  itemTypes: ItemTypes.optional(),
});
/** §4 `POST /sync/config`: the configuration to set. */
export interface SyncConfigBody extends z.output<typeof SyncConfigBodySchema> {}

/** The zod schema of {@link SyncConfigResult}. */
export const SyncConfigResultSchema = z.object({
  configId: z.string(),
  status: z.literal("active"),
  lastSync: Timestamp.nullable(),
  nextSync: Timestamp.nullable(),
});
/** The configuration's id, its last sync and the next automatic one (`null` when off). */
export interface SyncConfigResult extends z.output<typeof SyncConfigResultSchema> {}

/** The zod schema of {@link SyncStats}. */
export const SyncStatsSchema = z.object({
  totalSynced: z.number().int(),
  pushed: z.number().int(),
  pulled: z.number().int(),
  conflicts: z.number().int(),
});
/** Items copied each way, and conflicts found, since the configuration was set. */
export interface SyncStats extends z.output<typeof SyncStatsSchema> {}

/** The zod schema of {@link SyncConfig}. */
export const SyncConfigSchema = z.object({
  /** Not in the document's example of this answer (optional, so it validates): the id `POST` answered. */
  configId: z.string().optional(),
  provider: z.string(),
  syncDirection: SyncDirection,
  autoSyncInterval: z.number().int(),
  conflictStrategy: ConflictStrategy,
  itemTypes: z.array(ItemType),
  lastSync: Timestamp.nullable(),
  /** Not in the document's example of this answer: the next automatic sync, `null` when off. */
  nextSync: Timestamp.nullable().optional(),
  stats: SyncStatsSchema,
});
/** §4 `GET /sync/config`: the current configuration, without the provider's secrets. */
export interface SyncConfig extends z.output<typeof SyncConfigSchema> {}

/** The zod schema of {@link StartSyncBody}. */
export const StartSyncBodySchema = z.object({
  /** Overrides the configuration's direction for this job. */
  direction: SyncDirection.optional(),
  /** Only these types (the configuration's by default). */
  itemTypes: ItemTypes.optional(),
  /** Skip conflict detection. @default false */
  force: z.boolean().optional(),
});
/** §4 `POST /sync/sync`. */
export interface StartSyncBody extends z.output<typeof StartSyncBodySchema> {}

/** A sync job's state. */
export const SyncStatus = z.enum(["in_progress", "completed"]);

/** The zod schema of {@link SyncStarted}. */
export const SyncStartedSchema = z.object({
  syncId: z.string(),
  status: SyncStatus,
  startedAt: Timestamp,
  /** Seconds. */
  estimatedDuration: z.number(),
});
/** A job that has started. */
export interface SyncStarted extends z.output<typeof SyncStartedSchema> {}

/** The zod schema of {@link SyncedItem}. */
export const SyncedItemSchema = z.object({ id: z.string(), type: ItemType, size: z.number().int() });
/** An item a job copied; `size` is the copied content's UTF-8 byte length. */
export interface SyncedItem extends z.output<typeof SyncedItemSchema> {}

/** The zod schema of {@link SyncConflictRef}. */
export const SyncConflictRefSchema = z.object({ conflictId: z.string(), id: z.string(), type: ItemType });
/** A conflict a job recorded (strategy `manual`). */
export interface SyncConflictRef extends z.output<typeof SyncConflictRefSchema> {}

/** The zod schema of {@link SyncResults}. */
export const SyncResultsSchema = z.object({
  pushed: z.array(SyncedItemSchema),
  pulled: z.array(SyncedItemSchema),
  conflicts: z.array(SyncConflictRefSchema),
  errors: z.array(z.object({ id: z.string(), type: ItemType, message: z.string() })),
});
/** What a completed job did; empty while it runs. */
export interface SyncResults extends z.output<typeof SyncResultsSchema> {}

/** The zod schema of {@link SyncJob}. */
export const SyncJobSchema = z.object({
  syncId: z.string(),
  status: SyncStatus,
  /** 0 to 100. */
  progress: z.number().int(),
  /** Not in the document (optional, so its own answers validate): the direction the job copied. */
  direction: SyncDirection.optional(),
  results: SyncResultsSchema,
  startedAt: Timestamp,
  completedAt: Timestamp.nullable(),
  /** Seconds the job took, once completed. */
  duration: z.number().nullable(),
});
/** §4 `GET /sync/status`: a job's progress and, once completed, its results. */
export interface SyncJob extends z.output<typeof SyncJobSchema> {}

/** The zod schema of {@link SyncStatusQuery}. */
export const SyncStatusQuerySchema = z.object({ syncId: z.string().min(1).max(100).optional() });
/** Which job to read: the latest by default. */
export interface SyncStatusQuery extends z.output<typeof SyncStatusQuerySchema> {}

/** The zod schema of {@link ResolveConflictBody}. */
export const ResolveConflictBodySchema = z
  .object({
    conflictId: z.string().min(1).max(100),
    resolution: z.enum(["local", "remote", "merged"]),
    /** Required when `resolution` is `merged`; at most 1 MB. */
    mergedContent: z.string().max(1_000_000).optional(),
  })
  .refine((b) => b.resolution !== "merged" || b.mergedContent !== undefined, {
    message: "mergedContent is required when resolution is merged.",
    path: ["mergedContent"],
  });
/** §4 `POST /sync/resolve-conflict`. */
export interface ResolveConflictBody extends z.output<typeof ResolveConflictBodySchema> {}

/** The zod schema of {@link ConflictResolution}. */
export const ConflictResolutionSchema = z.object({
  conflictId: z.string(),
  resolved: z.literal(true),
  appliedAt: Timestamp,
});
/** A resolved conflict. */
export interface ConflictResolution extends z.output<typeof ConflictResolutionSchema> {}

const setConfig = endpoint({
  method: "POST",
  path: "/sync/config",
  section: "§4 Sync Configuration",
  summary: "Set or update the sync configuration",
  auth: "user",
  body: named<SyncConfigBody>(SyncConfigBodySchema),
  response: named<SyncConfigResult>(SyncConfigResultSchema),
});

const getConfig = endpoint({
  method: "GET",
  path: "/sync/config",
  section: "§4 Sync Configuration",
  summary: "Get the sync configuration and its stats",
  auth: "user",
  response: named<SyncConfig>(SyncConfigSchema),
  errors: ["RESOURCE_NOT_FOUND"],
});

const start = endpoint({
  method: "POST",
  path: "/sync/sync",
  section: "§4 Sync Operations",
  summary: "Start a sync job",
  auth: "user",
  body: named<StartSyncBody>(StartSyncBodySchema),
  response: named<SyncStarted>(SyncStartedSchema),
  errors: ["RESOURCE_NOT_FOUND", "CONFLICT_DETECTED"],
});

const status = endpoint({
  method: "GET",
  path: "/sync/status",
  section: "§4 Sync Operations",
  summary: "Get a sync job's progress and results (the latest job by default)",
  auth: "user",
  query: named<SyncStatusQuery>(SyncStatusQuerySchema),
  response: named<SyncJob>(SyncJobSchema),
  errors: ["RESOURCE_NOT_FOUND"],
});

const resolveConflict = endpoint({
  method: "POST",
  path: "/sync/resolve-conflict",
  section: "§4 Sync Operations",
  summary: "Resolve a sync conflict with the local, remote or merged content",
  auth: "user",
  body: named<ResolveConflictBody>(ResolveConflictBodySchema),
  response: named<ConflictResolution>(ConflictResolutionSchema),
  errors: ["RESOURCE_NOT_FOUND", "CONFLICT_DETECTED"],
});

/** The sync endpoints. */
export const sync = { setConfig, getConfig, start, status, resolveConflict };
