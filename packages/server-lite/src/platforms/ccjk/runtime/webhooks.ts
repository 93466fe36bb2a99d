/**
 * @module
 * Webhook subscriptions (§10) and the fan-out of platform events to them. Each event goes to the subscriptions
 * of its account that asked for it (a task's own subscriptions get only that task's `task.completed`), as the
 * payload `{event, timestamp, data}`; the shared delivery engine signs the compact JSON (`X-CCJK-Signature:
 * sha256=<hex>`), posts it in the background and retries on the server clock, six attempts in all.
 */
import { randomBytes } from "node:crypto";
import type { Webhook, WebhookEventName } from "@agentlane/sdk/ccjk/contract";
import type { Clock } from "../../../core/clock.ts";
import { WebhookDispatcher } from "../../../core/webhooks.ts";
import type { Database } from "../../../store/database.ts";
import type { PlatformEvent } from "../state/notify.ts";

interface WebhookRow {
  id: string;
  account_id: string;
  url: string;
  events: string;
  secret: string;
  task_id: string | null;
}

/** The table of CCJK's delivery log. */
export const DELIVERIES_TABLE = "ccjk_webhook_deliveries";

/** Subscriptions over the store, and the fan-out of events to them. */
export class Webhooks {
  readonly #db: Database;
  readonly #clock: Clock;
  /** The delivery engine: its log (`deliveries(webhookId)`) and `settled()` for tests. */
  readonly dispatcher: WebhookDispatcher;

  constructor(db: Database, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
    this.dispatcher = new WebhookDispatcher({
      db,
      clock,
      table: DELIVERIES_TABLE,
      signatureHeader: "x-ccjk-signature",
      maxAttempts: 6,
    });
  }

  /** Subscribes a URL for an account (for one task when `taskId` is given). */
  create(
    accountId: string,
    body: { url: string; events: WebhookEventName[]; secret?: string | undefined },
    taskId?: string,
  ): Webhook {
    const id = `wh_${randomBytes(6).toString("hex")}`;
    const secret = body.secret ?? `whsec_${randomBytes(24).toString("base64url")}`;
    const events = [...new Set(body.events)];
    this.#db.run(
      "INSERT INTO ccjk_webhooks (id, account_id, url, events, secret, task_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      id,
      accountId,
      body.url,
      JSON.stringify(events),
      secret,
      taskId ?? null,
      this.#clock.now(),
    );
    return { webhookId: id, url: body.url, events, secret, active: true, ...(taskId ? { taskId } : {}) };
  }

  /** Sends an event to every subscription that asked for it; called after the change is stored. */
  readonly notify = (event: PlatformEvent): void => {
    const rows = this.#db.all<WebhookRow>(
      "SELECT * FROM ccjk_webhooks WHERE account_id = ? AND (task_id IS NULL OR task_id = ?) ORDER BY created_at, rowid",
      event.accountId,
      event.taskId ?? "",
    );
    const payload = { event: event.event, timestamp: this.#clock.iso(event.at), data: event.data };
    for (const row of rows) {
      if (!(JSON.parse(row.events) as string[]).includes(event.event)) continue;
      this.dispatcher.dispatch({
        subscriptionId: row.id,
        url: row.url,
        secret: row.secret,
        event: event.event,
        payload,
      });
    }
  };

  stop(): void {
    this.dispatcher.stop();
  }
}
