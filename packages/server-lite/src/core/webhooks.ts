/**
 * @module
 * Webhook delivery, for any platform: a delivery is stored, then POSTed in the background as compact JSON (the
 * exact bytes signed with HMAC-SHA256, `sha256=<hex>` in the platform's signature header), so a slow or dead
 * receiver never slows an API call. A failed attempt (an error, a timeout, a non-2xx answer) is retried with
 * exponential backoff on the server clock, so a test advances the clock instead of waiting, and the delivery is
 * given up after `maxAttempts`. Every attempt is in the delivery log users read.
 *
 * The dispatcher knows no platform: the platform gives it a table name, its signature header and any headers of
 * its own, and owns its subscriptions and event payloads.
 */
import { signSync } from "@agentlane/sdk/webhooks";
import type { Database } from "../store/database.ts";
import type { RetentionRule } from "../store/retention.ts";
import type { Clock } from "./clock.ts";
import { uuid } from "./ids.ts";

/** A delivery as the log shows it. */
export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  event: string;
  url: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
}

/** Options of a {@link WebhookDispatcher}. */
export interface WebhookDispatcherOptions {
  db: Database;
  clock: Clock;
  /** The deliveries table (made by {@link WebhookDispatcher.migration}), e.g. `acme_webhook_deliveries`. */
  table: string;
  /** The header that carries `sha256=<hex>`, e.g. `x-orchestrator-signature`. */
  signatureHeader: string;
  /** Headers of the platform's own, per delivery. */
  headers?: (delivery: { id: string; event: string; timestamp: number }) => Record<string, string>;
  /**
   * Attempts before a delivery is given up.
   * @default 6
   */
  maxAttempts?: number;
  /**
   * Milliseconds before retry `n` (1-based), on the server clock.
   * @default (n) => 10_000 * 2 ** (n - 1)
   */
  backoffMs?: (retry: number) => number;
  /**
   * Milliseconds a receiver has to answer one attempt (real time).
   * @default 10000
   */
  timeoutMs?: number;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** What to deliver. */
export interface DispatchRequest {
  subscriptionId: string;
  url: string;
  secret: string;
  event: string;
  /** The body, sent as compact JSON (so a receiver that re-serializes the parsed body gets the same bytes). */
  payload: unknown;
}

interface Row {
  id: string;
  subscription_id: string;
  url: string;
  event: string;
  body: string;
  signature: string;
  timestamp: number;
  status: WebhookDelivery["status"];
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
  next_attempt_at: number | null;
}

const NAME = /^[a-z_][a-z0-9_]*$/;

/** Stores, sends, retries and logs webhook deliveries for one platform. */
export class WebhookDispatcher {
  /**
   * The retention of a deliveries table: the newest `keep` deliveries of each subscription; one still being
   * retried is never deleted.
   */
  static retention(table: string, keep = 1000): RetentionRule {
    return {
      table,
      partitionBy: "subscription_id",
      keep,
      prunable: "status <> 'pending'",
      description: "webhook deliveries, per subscription",
    };
  }

  /** The SQL of a deliveries table. */
  static migration(table: string): { id: string; sql: string } {
    if (!NAME.test(table)) throw new TypeError(`Not a table name: ${table}`);
    return {
      id: `${table}_1`,
      sql: `CREATE TABLE ${table} (
        id TEXT PRIMARY KEY,
        subscription_id TEXT NOT NULL,
        url TEXT NOT NULL,
        event TEXT NOT NULL,
        body TEXT NOT NULL,
        signature TEXT NOT NULL,
        timestamp INTEGER NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_status_code INTEGER,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        delivered_at INTEGER,
        next_attempt_at INTEGER
      );
      CREATE INDEX ${table}_by_subscription ON ${table} (subscription_id, created_at);
      CREATE INDEX ${table}_due ON ${table} (status, next_attempt_at);`,
    };
  }

  readonly #options: WebhookDispatcherOptions;
  readonly #table: string;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #sending = new Set<string>();
  readonly #aborts = new Set<AbortController>();
  readonly #stopListening: () => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  constructor(options: WebhookDispatcherOptions) {
    if (!NAME.test(options.table)) throw new TypeError(`Not a table name: ${options.table}`);
    this.#options = options;
    this.#table = options.table;
    this.#stopListening = options.clock.onAdvance(() => this.#runDue());
  }

  /** Stores a delivery and starts sending it; answers its id at once. */
  dispatch(request: DispatchRequest): string {
    const { db, clock } = this.#options;
    const id = `whd_${uuid().replaceAll("-", "")}`;
    const body = JSON.stringify(request.payload);
    const now = clock.now();
    db.run(
      `INSERT INTO ${this.#table} (id, subscription_id, url, event, body, signature, timestamp, status, attempts, created_at, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
      id,
      request.subscriptionId,
      request.url,
      request.event,
      body,
      signSync(body, request.secret),
      Math.floor(now / 1000),
      now,
      now,
    );
    queueMicrotask(() => this.#runDue());
    return id;
  }

  /** The delivery log of a subscription, newest first. */
  deliveries(subscriptionId: string, options: { limit?: number } = {}): WebhookDelivery[] {
    const rows = this.#options.db.all<Row>(
      `SELECT * FROM ${this.#table} WHERE subscription_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`,
      subscriptionId,
      Math.max(1, Math.min(options.limit ?? 100, 1000)),
    );
    return rows.map((row) => this.#view(row));
  }

  /** One delivery, or undefined. */
  delivery(id: string): WebhookDelivery | undefined {
    const row = this.#options.db.get<Row>(`SELECT * FROM ${this.#table} WHERE id = ?`, id);
    return row ? this.#view(row) : undefined;
  }

  /** Resolves once no attempt is running and none is due now (later retries wait for the clock). */
  async settled(): Promise<void> {
    for (;;) {
      this.#runDue();
      if (this.#inFlight.size === 0) return;
      await Promise.all([...this.#inFlight]);
    }
  }

  /** Stops sending: timers cleared, attempts in flight aborted. Stored deliveries stay in the log. */
  stop(): void {
    this.#stopped = true;
    this.#stopListening();
    clearTimeout(this.#timer);
    for (const abort of this.#aborts) abort.abort();
  }

  #view(row: Row): WebhookDelivery {
    const iso = (ms: number | null) => (ms === null ? null : this.#options.clock.iso(ms));
    return {
      id: row.id,
      subscriptionId: row.subscription_id,
      event: row.event,
      url: row.url,
      status: row.status,
      attempts: row.attempts,
      lastStatusCode: row.last_status_code,
      lastError: row.last_error,
      createdAt: iso(row.created_at)!,
      deliveredAt: iso(row.delivered_at),
      nextAttemptAt: row.status === "pending" ? iso(row.next_attempt_at) : null,
    };
  }

  /** Sends every delivery that is due, and sets a timer for the next one. */
  #runDue(): void {
    if (this.#stopped) return;
    const { db, clock } = this.#options;
    const now = clock.now();
    const due = db.all<Row>(
      `SELECT * FROM ${this.#table} WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT 100`,
      now,
    );
    for (const row of due) {
      if (this.#sending.has(row.id)) continue;
      this.#sending.add(row.id);
      const attempt = this.#attempt(row).finally(() => {
        this.#sending.delete(row.id);
        this.#inFlight.delete(attempt);
      });
      this.#inFlight.add(attempt);
    }
    const next = db.get<{ at: number | null }>(
      `SELECT min(next_attempt_at) AS at FROM ${this.#table} WHERE status = 'pending' AND next_attempt_at > ?`,
      now,
    )?.at;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (next !== null && next !== undefined) {
      // Real time passes too: a retry falls due on its own when nobody advances the clock.
      this.#timer = setTimeout(() => this.#runDue(), Math.min(Math.max(0, next - now), 2_147_483_647));
      this.#timer.unref?.();
    }
  }

  async #attempt(row: Row): Promise<void> {
    const o = this.#options;
    const abort = new AbortController();
    this.#aborts.add(abort);
    const timer = setTimeout(() => abort.abort(), o.timeoutMs ?? 10_000);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await (o.fetch ?? fetch)(row.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "agentlane-server-lite-webhooks",
          [o.signatureHeader]: row.signature,
          "x-webhook-id": row.id,
          "x-webhook-timestamp": String(row.timestamp),
          "x-webhook-event": row.event,
          ...o.headers?.({ id: row.id, event: row.event, timestamp: row.timestamp }),
        },
        body: row.body,
        signal: abort.signal,
        redirect: "manual",
      });
      status = response.status;
      await response.body?.cancel().catch(() => {});
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (cause) {
      error = abort.signal.aborted ? "timed out" : (cause as Error).message || String(cause);
    } finally {
      clearTimeout(timer);
      this.#aborts.delete(abort);
    }
    if (this.#stopped) return;
    const attempts = row.attempts + 1;
    const now = o.clock.now();
    if (error === null) {
      o.db.run(
        `UPDATE ${this.#table} SET status = 'delivered', attempts = ?, last_status_code = ?, last_error = NULL, delivered_at = ?, next_attempt_at = NULL WHERE id = ?`,
        attempts,
        status,
        now,
        row.id,
      );
      return;
    }
    const giveUp = attempts >= (o.maxAttempts ?? 6);
    const backoff = o.backoffMs ?? ((n: number) => 10_000 * 2 ** (n - 1));
    o.db.run(
      `UPDATE ${this.#table} SET status = ?, attempts = ?, last_status_code = ?, last_error = ?, next_attempt_at = ? WHERE id = ?`,
      giveUp ? "failed" : "pending",
      attempts,
      status,
      error.slice(0, 500),
      giveUp ? null : now + backoff(attempts),
      row.id,
    );
    if (!giveUp) this.#runDue();
  }
}
