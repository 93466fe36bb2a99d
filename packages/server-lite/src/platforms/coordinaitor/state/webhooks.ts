/**
 * @module
 * CoordinAItor's webhooks on the shared delivery engine: which subscriptions an event goes to (active ones that
 * name it, whose owner may see the resource), the documented payload `{event, timestamp, data, organization}`,
 * the `x-orchestrator-signature` header, and each subscription's own headers.
 */
import { WebhookDispatcher } from "../../../core/webhooks.ts";
import type { Audience, CoServices } from "../services.ts";
import { inAudience } from "./access.ts";
import { parseJson } from "./json.ts";
import { log } from "./logs.ts";

/** The deliveries table. */
export const DELIVERIES_TABLE = "coordinaitor_webhook_deliveries";
/** Attempts before a delivery is given up (documented in the contract). */
export const MAX_ATTEMPTS = 6;

/** Starts the webhook engine of a platform's services and connects it to the events they publish. */
export function startWebhooks(services: CoServices, options: { fetch?: typeof fetch } = {}): WebhookDispatcher {
  const dispatcher = new WebhookDispatcher({
    db: services.db,
    clock: services.clock,
    table: DELIVERIES_TABLE,
    signatureHeader: "x-orchestrator-signature",
    maxAttempts: MAX_ATTEMPTS,
    headers: ({ id }) => {
      const row = services.db.get<{ headers: string }>(
        `SELECT w.headers FROM ${DELIVERIES_TABLE} d JOIN co_webhooks w ON w.id = d.subscription_id WHERE d.id = ?`,
        id,
      );
      // Lower-cased, so that a subscription's `User-Agent` replaces the default instead of joining it.
      const own = Object.entries(parseJson<Record<string, string>>(row?.headers, {}));
      return {
        "user-agent": "CoordinAItor-Webhook/1.0",
        ...Object.fromEntries(own.map(([k, v]) => [k.toLowerCase(), v])),
      };
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  services.webhookHook = (event, data, audience) => fanOut(services, dispatcher, event, data, audience);
  services.webhookStats = () =>
    Object.fromEntries(
      services.db
        .all<{ status: string; n: number }>(`SELECT status, count(*) AS n FROM ${DELIVERIES_TABLE} GROUP BY status`)
        .map((r) => [r.status, r.n]),
    );
  services.webhookDeliveries = (subscriptionId, limit) =>
    dispatcher.deliveries(subscriptionId, { limit }).map(({ subscriptionId: _s, url: _u, ...delivery }) => delivery);
  return dispatcher;
}

function fanOut(services: CoServices, dispatcher: WebhookDispatcher, event: string, data: unknown, audience: Audience) {
  const subscriptions = services.db.all<{
    id: string;
    url: string;
    secret: string;
    user_id: string;
    org_id: string;
    role: string;
  }>(
    `SELECT w.id, w.url, w.secret, w.user_id, u.org_id, u.role FROM co_webhooks w JOIN co_users u ON u.id = w.user_id
     WHERE w.active = 1 AND EXISTS (SELECT 1 FROM json_each(w.events) WHERE value = ?) ORDER BY w.rowid`,
    event,
  );
  if (subscriptions.length === 0) return;
  const org = services.db.get<{ id: string; name: string }>(
    "SELECT id, name FROM co_orgs WHERE id = ?",
    audience.orgId,
  );
  const payload = {
    event,
    timestamp: services.iso(),
    data,
    organization: { id: audience.orgId, name: org?.name ?? audience.orgId },
  };
  for (const s of subscriptions) {
    if (!inAudience(audience, { userId: s.user_id, orgId: s.org_id, role: s.role })) continue;
    try {
      dispatcher.dispatch({ subscriptionId: s.id, url: s.url, secret: s.secret, event, payload });
    } catch (error) {
      // The change is committed already: a delivery that cannot be stored is logged, never fails the call.
      log(services, "error", "webhooks", "A delivery could not be stored", { webhookId: s.id, error: String(error) });
    }
  }
}
