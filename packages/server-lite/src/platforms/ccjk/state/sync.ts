/**
 * @module
 * Cloud sync (§4) on the server clock: the configuration, items on both sides, jobs whose progress follows the
 * clock and whose results are applied when they complete, and conflicts (see the sync contract for the rules).
 * State advances when it is read (`settle`), at the time each event was due, so a test moves time with
 * `server.clock.advance()` and reads.
 */
import { createHash, randomBytes } from "node:crypto";
import type {
  ConflictStrategy,
  ItemType,
  StartSyncBody,
  SyncConfig,
  SyncConfigBody,
  SyncDirection,
  SyncJob,
  SyncResults,
  SyncStarted,
} from "@agentlane/sdk/ccjk/contract";
import type { Clock } from "../../../core/clock.ts";
import type { Database } from "../../../store/database.ts";
import type { Notify } from "./notify.ts";

/** Every item type, the default of a configuration. */
export const ALL_ITEM_TYPES: readonly ItemType[] = ["skills", "workflows", "settings", "mcp-configs"];
const BASE_MS = 2000;
const PER_ITEM_MS = 500;

interface ConfigRow {
  account_id: string;
  config_id: string;
  provider: string;
  sync_direction: SyncDirection;
  auto_sync_interval: number;
  conflict_strategy: ConflictStrategy;
  item_types: string;
  last_sync: number | null;
  pushed: number;
  pulled: number;
  conflicts: number;
  updated_at: number;
}

interface JobRow {
  id: string;
  account_id: string;
  direction: SyncDirection;
  item_types: string;
  force: number;
  started_at: number;
  duration_ms: number;
  completed_at: number | null;
  results: string | null;
}

/** One item, both sides. */
export interface ItemRow {
  account_id: string;
  type: ItemType;
  item_id: string;
  local_content: string | null;
  local_version: string | null;
  local_modified_at: number | null;
  remote_content: string | null;
  remote_version: string | null;
  remote_modified_at: number | null;
  base_hash: string | null;
}

/** One side of an item as a test or the CLI's device sets it. */
export interface ItemChange {
  type: ItemType;
  id: string;
  /** `null` deletes the item on that side. */
  content: string | null;
  version?: string;
  /** Server-clock milliseconds; now by default. */
  modifiedAt?: number;
}

const digest = (content: string | null): string =>
  content === null ? "" : createHash("sha256").update(content).digest("hex");
const size = (content: string | null): number => (content === null ? 0 : Buffer.byteLength(content));
const newId = (prefix: string) => `${prefix}_${randomBytes(6).toString("hex")}`;

/** What syncing one item does. */
type Decision = "push" | "pull" | "conflict" | "none";

function decide(item: ItemRow, direction: SyncDirection, strategy: ConflictStrategy, force: boolean): Decision {
  const local = digest(item.local_content);
  const remote = digest(item.remote_content);
  const base = item.base_hash ?? "";
  if (local === remote) return "none";
  const localChanged = local !== base;
  const remoteChanged = remote !== base;
  if (direction === "push") return localChanged ? "push" : "none";
  if (direction === "pull") return remoteChanged ? "pull" : "none";
  if (localChanged && !remoteChanged) return "push";
  if (remoteChanged && !localChanged) return "pull";
  const settled = force && strategy === "manual" ? "local-wins" : strategy;
  switch (settled) {
    case "local-wins":
      return "push";
    case "remote-wins":
      return "pull";
    case "newest-wins":
      return (item.local_modified_at ?? 0) >= (item.remote_modified_at ?? 0) ? "push" : "pull";
    default:
      return "conflict";
  }
}

/** Cloud sync state over the store. */
export class SyncState {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #notify: Notify;

  constructor(db: Database, clock: Clock, notify: Notify) {
    this.#db = db;
    this.#clock = clock;
    this.#notify = notify;
  }

  #config(accountId: string): ConfigRow | undefined {
    return this.#db.get<ConfigRow>("SELECT * FROM ccjk_sync_configs WHERE account_id = ?", accountId);
  }

  #running(accountId: string): JobRow | undefined {
    return this.#db.get<JobRow>(
      "SELECT * FROM ccjk_sync_jobs WHERE account_id = ? AND completed_at IS NULL ORDER BY started_at DESC LIMIT 1",
      accountId,
    );
  }

  #nextSync(config: ConfigRow): number | null {
    if (config.auto_sync_interval <= 0) return null;
    return (config.last_sync ?? config.updated_at) + config.auto_sync_interval;
  }

  /** Sets (or replaces) the account's configuration. */
  setConfig(accountId: string, body: SyncConfigBody) {
    this.settle(accountId);
    const now = this.#clock.now();
    const existing = this.#config(accountId);
    const configId = existing?.config_id ?? newId("sync");
    this.#db.run(
      `INSERT INTO ccjk_sync_configs (account_id, config_id, provider, provider_config, sync_direction, auto_sync_interval,
         conflict_strategy, item_types, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id) DO UPDATE SET provider = excluded.provider, provider_config = excluded.provider_config,
         sync_direction = excluded.sync_direction, auto_sync_interval = excluded.auto_sync_interval,
         conflict_strategy = excluded.conflict_strategy, item_types = excluded.item_types, updated_at = excluded.updated_at`,
      accountId,
      configId,
      body.provider,
      JSON.stringify(body.providerConfig ?? {}),
      body.syncDirection ?? "bidirectional",
      body.autoSyncInterval ?? 0,
      body.conflictStrategy ?? "newest-wins",
      JSON.stringify([...new Set(body.itemTypes ?? ALL_ITEM_TYPES)]),
      now,
      now,
    );
    const config = this.#config(accountId)!;
    const next = this.#nextSync(config);
    return {
      configId,
      status: "active" as const,
      lastSync: config.last_sync === null ? null : this.#clock.iso(config.last_sync),
      nextSync: next === null ? null : this.#clock.iso(next),
    };
  }

  /** The account's configuration, without provider secrets. */
  getConfig(accountId: string): SyncConfig | undefined {
    this.settle(accountId);
    const config = this.#config(accountId);
    if (!config) return undefined;
    const next = this.#nextSync(config);
    return {
      configId: config.config_id,
      provider: config.provider,
      syncDirection: config.sync_direction,
      autoSyncInterval: config.auto_sync_interval,
      conflictStrategy: config.conflict_strategy,
      itemTypes: JSON.parse(config.item_types) as ItemType[],
      lastSync: config.last_sync === null ? null : this.#clock.iso(config.last_sync),
      nextSync: next === null ? null : this.#clock.iso(next),
      stats: {
        totalSynced: config.pushed + config.pulled,
        pushed: config.pushed,
        pulled: config.pulled,
        conflicts: config.conflicts,
      },
    };
  }

  /** Starts a job; `no-config` before any configuration, `busy` while another job runs. */
  start(accountId: string, body: StartSyncBody): SyncStarted | "no-config" | "busy" {
    this.settle(accountId);
    const config = this.#config(accountId);
    if (!config) return "no-config";
    if (this.#running(accountId)) return "busy";
    const job = this.#startJob(config, this.#clock.now(), {
      direction: body.direction ?? config.sync_direction,
      itemTypes: body.itemTypes ? [...new Set(body.itemTypes)] : (JSON.parse(config.item_types) as ItemType[]),
      force: body.force ?? false,
    });
    return {
      syncId: job.id,
      status: "in_progress",
      startedAt: this.#clock.iso(job.started_at),
      estimatedDuration: job.duration_ms / 1000,
    };
  }

  #items(accountId: string, types: readonly string[]): ItemRow[] {
    return this.#db.all<ItemRow>(
      `SELECT * FROM ccjk_sync_items WHERE account_id = ? AND type IN (${types.map(() => "?").join(", ")}) ORDER BY type, item_id`,
      accountId,
      ...types,
    );
  }

  #startJob(
    config: ConfigRow,
    at: number,
    options: { direction: SyncDirection; itemTypes: ItemType[]; force: boolean },
  ): JobRow {
    const strategy = config.conflict_strategy;
    const changed = this.#items(config.account_id, options.itemTypes).filter(
      (item) => decide(item, options.direction, strategy, options.force) !== "none",
    ).length;
    const job: JobRow = {
      id: newId("sync"),
      account_id: config.account_id,
      direction: options.direction,
      item_types: JSON.stringify(options.itemTypes),
      force: options.force ? 1 : 0,
      started_at: at,
      duration_ms: BASE_MS + PER_ITEM_MS * changed,
      completed_at: null,
      results: null,
    };
    this.#db.run(
      "INSERT INTO ccjk_sync_jobs (id, account_id, direction, item_types, force, started_at, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
      job.id,
      job.account_id,
      job.direction,
      job.item_types,
      job.force,
      job.started_at,
      job.duration_ms,
    );
    return job;
  }

  /** A job (the latest by default), as of now. */
  job(accountId: string, syncId?: string): SyncJob | undefined {
    this.settle(accountId);
    const row = syncId
      ? this.#db.get<JobRow>("SELECT * FROM ccjk_sync_jobs WHERE id = ? AND account_id = ?", syncId, accountId)
      : this.#db.get<JobRow>(
          "SELECT * FROM ccjk_sync_jobs WHERE account_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1",
          accountId,
        );
    if (!row) return undefined;
    const now = this.#clock.now();
    const done = row.completed_at !== null;
    const empty: SyncResults = { pushed: [], pulled: [], conflicts: [], errors: [] };
    return {
      syncId: row.id,
      status: done ? "completed" : "in_progress",
      progress: done ? 100 : Math.min(99, Math.floor(((now - row.started_at) / row.duration_ms) * 100)),
      direction: row.direction,
      results: done ? (JSON.parse(row.results!) as SyncResults) : empty,
      startedAt: this.#clock.iso(row.started_at),
      completedAt: done ? this.#clock.iso(row.completed_at!) : null,
      duration: done ? (row.completed_at! - row.started_at) / 1000 : null,
    };
  }

  /** Completes the job that is due, and starts and completes automatic syncs that came due meanwhile. */
  settle(accountId: string): void {
    const now = this.#clock.now();
    for (let step = 0; step < 4; step++) {
      const running = this.#running(accountId);
      if (running) {
        if (running.started_at + running.duration_ms > now) return;
        this.#complete(running);
        continue;
      }
      const config = this.#config(accountId);
      const next = config ? this.#nextSync(config) : null;
      if (!config || next === null || next > now) return;
      // Missed automatic syncs collapse: a catch-up job starts no earlier than one interval ago.
      this.#startJob(config, Math.max(next, now - config.auto_sync_interval), {
        direction: config.sync_direction,
        itemTypes: JSON.parse(config.item_types) as ItemType[],
        force: false,
      });
    }
  }

  /** Accounts with a job running or an automatic sync configured: what the ticker settles. */
  accountsWithWork(): string[] {
    return this.#db
      .all<{ account_id: string }>(
        `SELECT account_id FROM ccjk_sync_jobs WHERE completed_at IS NULL
         UNION SELECT account_id FROM ccjk_sync_configs WHERE auto_sync_interval > 0`,
      )
      .map((r) => r.account_id);
  }

  #complete(job: JobRow): void {
    const at = job.started_at + job.duration_ms;
    const config = this.#config(job.account_id);
    const strategy = config?.conflict_strategy ?? "newest-wins";
    const results: SyncResults = { pushed: [], pulled: [], conflicts: [], errors: [] };
    const detected: Array<{ conflictId: string; item: ItemRow }> = [];
    this.#db.tx(() => {
      for (const item of this.#items(job.account_id, JSON.parse(job.item_types) as string[])) {
        const decision = decide(item, job.direction, strategy, job.force === 1);
        if (decision === "push") {
          this.#write(item, "remote", item.local_content, item.local_version, item.local_modified_at);
          results.pushed.push({ id: item.item_id, type: item.type, size: size(item.local_content) });
        } else if (decision === "pull") {
          this.#write(item, "local", item.remote_content, item.remote_version, item.remote_modified_at);
          results.pulled.push({ id: item.item_id, type: item.type, size: size(item.remote_content) });
        } else if (decision === "conflict") {
          const open = this.#db.get<{ id: string }>(
            "SELECT id FROM ccjk_sync_conflicts WHERE account_id = ? AND type = ? AND item_id = ? AND applied_at IS NULL",
            job.account_id,
            item.type,
            item.item_id,
          );
          const conflictId = open?.id ?? newId("conflict");
          if (!open) {
            this.#db.run(
              "INSERT INTO ccjk_sync_conflicts (id, account_id, job_id, type, item_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
              conflictId,
              job.account_id,
              job.id,
              item.type,
              item.item_id,
              at,
            );
            detected.push({ conflictId, item });
          }
          results.conflicts.push({ conflictId, id: item.item_id, type: item.type });
        } else if (digest(item.local_content) === digest(item.remote_content)) {
          // Equal on both sides: remember it as synced, so a later change on one side is not a conflict.
          this.#db.run(
            "UPDATE ccjk_sync_items SET base_hash = ? WHERE account_id = ? AND type = ? AND item_id = ?",
            digest(item.local_content),
            item.account_id,
            item.type,
            item.item_id,
          );
        }
      }
      this.#db.run(
        "UPDATE ccjk_sync_jobs SET completed_at = ?, results = ? WHERE id = ?",
        at,
        JSON.stringify(results),
        job.id,
      );
      this.#db.run(
        "UPDATE ccjk_sync_configs SET last_sync = ?, pushed = pushed + ?, pulled = pulled + ?, conflicts = conflicts + ? WHERE account_id = ?",
        at,
        results.pushed.length,
        results.pulled.length,
        detected.length,
        job.account_id,
      );
    });
    for (const { conflictId, item } of detected)
      this.#notify({
        accountId: job.account_id,
        event: "conflict.detected",
        at,
        data: {
          conflictId,
          itemId: item.item_id,
          type: item.type,
          localVersion: { version: item.local_version ?? "", modifiedAt: this.#isoOrNull(item.local_modified_at) },
          remoteVersion: { version: item.remote_version ?? "", modifiedAt: this.#isoOrNull(item.remote_modified_at) },
        },
      });
    this.#notify({
      accountId: job.account_id,
      event: "sync.completed",
      at,
      data: {
        syncId: job.id,
        status: "completed",
        results: { pushed: results.pushed.length, pulled: results.pulled.length, conflicts: results.conflicts.length },
      },
    });
  }

  #isoOrNull(at: number | null): string | null {
    return at === null ? null : this.#clock.iso(at);
  }

  /** Copies content onto one side and marks the item synced at that content. */
  #write(
    item: Pick<ItemRow, "account_id" | "type" | "item_id">,
    side: "local" | "remote",
    content: string | null,
    version: string | null,
    modifiedAt: number | null,
  ): void {
    this.#db.run(
      `UPDATE ccjk_sync_items SET ${side}_content = ?, ${side}_version = ?, ${side}_modified_at = ?, base_hash = ?
       WHERE account_id = ? AND type = ? AND item_id = ?`,
      content,
      version,
      modifiedAt,
      digest(content),
      item.account_id,
      item.type,
      item.item_id,
    );
  }

  /** Resolves an open conflict; `not-found` for none of the account's, `resolved` when it was already. */
  resolve(
    accountId: string,
    conflictId: string,
    resolution: "local" | "remote" | "merged",
    mergedContent: string | undefined,
  ): { appliedAt: string } | "not-found" | "resolved" {
    this.settle(accountId);
    const conflict = this.#db.get<{ type: ItemType; item_id: string; applied_at: number | null }>(
      "SELECT type, item_id, applied_at FROM ccjk_sync_conflicts WHERE id = ? AND account_id = ?",
      conflictId,
      accountId,
    );
    if (!conflict) return "not-found";
    if (conflict.applied_at !== null) return "resolved";
    const now = this.#clock.now();
    this.#db.tx(() => {
      const item = this.item(accountId, conflict.type, conflict.item_id)!;
      if (resolution === "local") {
        this.#write(item, "remote", item.local_content, item.local_version, item.local_modified_at);
        this.#write(item, "local", item.local_content, item.local_version, item.local_modified_at);
      } else if (resolution === "remote") {
        this.#write(item, "local", item.remote_content, item.remote_version, item.remote_modified_at);
        this.#write(item, "remote", item.remote_content, item.remote_version, item.remote_modified_at);
      } else {
        const version = `${item.local_version ?? "0.0.0"}+merged`;
        this.#write(item, "local", mergedContent!, version, now);
        this.#write(item, "remote", mergedContent!, version, now);
      }
      this.#db.run(
        "UPDATE ccjk_sync_conflicts SET resolution = ?, applied_at = ? WHERE id = ?",
        resolution,
        now,
        conflictId,
      );
    });
    return { appliedAt: this.#clock.iso(now) };
  }

  /** An item, both sides. */
  item(accountId: string, type: ItemType, id: string): ItemRow | undefined {
    return this.#db.get<ItemRow>(
      "SELECT * FROM ccjk_sync_items WHERE account_id = ? AND type = ? AND item_id = ?",
      accountId,
      type,
      id,
    );
  }

  /**
   * Changes one side of an item: the device's (`local`, what the CLI would upload) or the provider's (`remote`,
   * another device's sync). This is how tests and the examples make work for a sync.
   */
  setItem(accountId: string, side: "local" | "remote", change: ItemChange): void {
    const at = change.modifiedAt ?? this.#clock.now();
    this.#db.run(
      `INSERT INTO ccjk_sync_items (account_id, type, item_id, ${side}_content, ${side}_version, ${side}_modified_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, type, item_id) DO UPDATE SET ${side}_content = excluded.${side}_content,
         ${side}_version = excluded.${side}_version, ${side}_modified_at = excluded.${side}_modified_at`,
      accountId,
      change.type,
      change.id,
      change.content,
      change.version ?? null,
      at,
    );
  }
}
