/**
 * @module
 * Webhook subscriptions (§10) and the fan-out of platform events to them. Each event goes to the subscriptions
 * of its account that asked for it (a task's own subscriptions get only that task's `task.completed`), as the
 * payload `{event, timestamp, data}`; the shared delivery engine signs the compact JSON, posts it in the
 * background and retries on the server clock.
 */
import { randomBytes } from "node:crypto";
import type { Webhook, WebhookEventName } from "@agentlane/sdk/ccjk/contract";
import type { Clock } from "../../../core/clock.ts";
import type { Database } from "../../../store/database.ts";
import type { PlatformEvent } from "../state/notify.ts";

/** What the fan-out hands the delivery engine. */
export interface Delivery {
  subscriptionId: string;
  url: string;
  secret: string;
  event: string;
  payload: unknown;
}

/** The delivery engine, as the fan-out uses it. */
export interface DeliveryEngine {
  dispatch(delivery: Delivery): unknown;
  stop(): void | Promise<void>;
}

interface WebhookRow {
  id: string;
  account_id: string;
  url: string;
  events: string;
  secret: string;
  task_id: string | null;
}

/** Subscriptions over the store, and the fan-out of events to them. */
export class Webhooks {
  readonly #db: Database;
  readonly #clock: Clock;
  #engine: DeliveryEngine | undefined;

  constructor(db: Database, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** Sets the engine that delivers (made with the services; tests may read its log). */
  use(engine: DeliveryEngine): void {
    this.#engine = engine;
  }

  get engine(): DeliveryEngine | undefined {
    return this.#engine;
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
      this.#engine?.dispatch({ subscriptionId: row.id, url: row.url, secret: row.secret, event: event.event, payload });
    }
  };

  stop(): void {
    void this.#engine?.stop();
  }
}
