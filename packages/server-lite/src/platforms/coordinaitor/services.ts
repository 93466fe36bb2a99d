/**
 * @module
 * What CoordinAItor handlers share: the store, the clock, the event bus, the JWT secret and the few counters the
 * system endpoints report.
 */
import { randomBytes } from "node:crypto";
import type { WebhookDelivery } from "@agentlane/sdk/coordinaitor/contract";
import type { Clock } from "../../core/clock.ts";
import type { EventBus } from "../../core/events.ts";
import type { Environment } from "../../core/platform.ts";
import type { RevocationBus } from "../../core/realtime.ts";
import type { WebhookDispatcher } from "../../core/webhooks.ts";
import type { Database } from "../../store/database.ts";

/** Seconds an access token lives (the document's `expiresIn`). */
export const ACCESS_TTL_SECONDS = 3600;
/** Milliseconds a refresh token (a session) lives. */
export const REFRESH_TTL_MS = 30 * 24 * 3600 * 1000;

export class CoServices {
  readonly db: Database;
  readonly clock: Clock;
  readonly events: EventBus;
  /** When these services started, on the server clock: `uptime` counts from it. */
  readonly startedAt: number;
  /** Signs access tokens; kept in the store, so tokens outlive a restart on a database file. */
  readonly jwtSecret: Buffer;
  /** The webhook engine (`state/webhooks.ts`). */
  webhooks: WebhookDispatcher | undefined;
  /** Open `/ws` connections. */
  liveConnections = 0;
  /** Set by the platform once the webhook engine exists (see `state/webhooks.ts`). */
  webhookHook: ((event: string, data: unknown, audience: Audience) => void) | undefined;
  /** Delivery counts by status (`pending`, `delivered`, `failed`), once the webhook engine exists. */
  webhookStats: (() => Record<string, number>) | undefined;
  /** A subscription's delivery log, newest first, once the webhook engine exists. */
  webhookDeliveries: ((subscriptionId: string, limit: number) => WebhookDelivery[]) | undefined;

  readonly #revocations: RevocationBus;

  constructor(env: Environment) {
    this.#revocations = env.revocations;
    this.db = env.db;
    this.clock = env.clock;
    this.events = env.events;
    this.startedAt = env.clock.now();
    const stored = this.db.get<{ value: string }>("SELECT value FROM co_settings WHERE name = 'jwt_secret'");
    if (stored) this.jwtSecret = Buffer.from(stored.value, "base64url");
    else {
      this.jwtSecret = randomBytes(32);
      this.db.run(
        "INSERT INTO co_settings (name, value) VALUES ('jwt_secret', ?)",
        this.jwtSecret.toString("base64url"),
      );
    }
  }

  /** Closes the live connections a session opened (after a logout), before the call that ended it answers. */
  revokeSession(sessionId: string, reason: string): void {
    this.#revocations.revoke({
      platformId: "coordinaitor",
      covers: (identity) => (identity as { sessionId?: string } | undefined)?.sessionId === sessionId,
      reason,
    });
  }

  now(): number {
    return this.clock.now();
  }

  iso(at: number = this.now()): string {
    return this.clock.iso(at);
  }
}

/**
 * Who may see a resource an event is about: users of `orgId` named in `users` (or all of them with `"org"`),
 * plus the organization's administrators.
 */
export interface Audience {
  orgId: string;
  users: readonly string[] | "org";
}
