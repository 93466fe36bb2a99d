/**
 * @module
 * §Webhooks: subscriptions (owned by their creator) and their delivery log. Choices are documented in the SDK's
 * `contract/webhooks.ts`.
 */
import { randomUUID } from "node:crypto";
import { RESERVED_WEBHOOK_HEADERS, type Webhook } from "@agentlane/sdk/coordinaitor/contract";
import { Failure } from "../../../core/failure.ts";
import { newToken } from "../../../core/ids.ts";
import { userOf } from "../caller.ts";
import type { CoServices } from "../services.ts";
import { isoOf, parseJson } from "../state/json.ts";
import type { CoHandlers } from "./types.ts";

interface WebhookRow {
  id: string;
  user_id: string;
  url: string;
  events: string;
  secret: string;
  active: number;
  headers: string;
  created_at: number;
  updated_at: number;
}

function view(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: parseJson<Webhook["events"]>(row.events, []),
    active: row.active === 1,
    headers: parseJson<Record<string, string>>(row.headers, {}),
    createdAt: isoOf(row.created_at)!,
    updatedAt: isoOf(row.updated_at)!,
  };
}

function own(services: CoServices, userId: string, id: string): WebhookRow {
  const row = services.db.get<WebhookRow>("SELECT * FROM co_webhooks WHERE id = ? AND user_id = ?", id, userId);
  if (!row) throw new Failure("NOT_FOUND", "Webhook not found");
  return row;
}

function checkHeaders(headers: Record<string, string> | undefined): void {
  const reserved = Object.keys(headers ?? {}).filter((h) =>
    (RESERVED_WEBHOOK_HEADERS as readonly string[]).includes(h.toLowerCase()),
  );
  if (reserved.length > 0)
    throw new Failure("VALIDATION_ERROR", "These headers are set by every delivery", {
      headers: reserved.map((h) => `${h} cannot be replaced`),
    });
  if (Object.keys(headers ?? {}).length > 20)
    throw new Failure("VALIDATION_ERROR", "Too many headers", { headers: ["At most 20 headers"] });
}

export const webhooks: CoHandlers<"webhooks"> = {
  create: ({ body, caller }, { services }) => {
    const user = userOf(caller);
    checkHeaders(body.headers);
    const id = `wh-${randomUUID()}`;
    const secret = body.secret ?? newToken("whsec_");
    const now = services.now();
    services.db.run(
      "INSERT INTO co_webhooks (id, user_id, url, events, secret, active, headers, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      id,
      user.userId,
      body.url,
      JSON.stringify([...new Set(body.events)]),
      secret,
      body.active === false ? 0 : 1,
      JSON.stringify(body.headers ?? {}),
      now,
      now,
    );
    return { ...view(own(services, user.userId, id)), secret };
  },
  list: ({ caller }, { services }) =>
    services.db
      .all<WebhookRow>("SELECT * FROM co_webhooks WHERE user_id = ? ORDER BY created_at, rowid", userOf(caller).userId)
      .map(view),
  get: ({ params, caller }, { services }) => view(own(services, userOf(caller).userId, params.webhookId)),
  update: ({ params, body, caller }, { services }) => {
    const user = userOf(caller);
    checkHeaders(body.headers);
    const row = own(services, user.userId, params.webhookId);
    services.db.run(
      "UPDATE co_webhooks SET url = ?, events = ?, secret = ?, active = ?, headers = ?, updated_at = ? WHERE id = ?",
      body.url ?? row.url,
      body.events ? JSON.stringify([...new Set(body.events)]) : row.events,
      body.secret ?? row.secret,
      body.active === undefined ? row.active : body.active ? 1 : 0,
      body.headers ? JSON.stringify(body.headers) : row.headers,
      services.now(),
      row.id,
    );
    return view(own(services, user.userId, row.id));
  },
  delete: ({ params, caller }, { services }) => {
    const row = own(services, userOf(caller).userId, params.webhookId);
    services.db.run("DELETE FROM co_webhooks WHERE id = ?", row.id);
    return null;
  },
  deliveries: ({ params, query, caller }, { services }) => {
    own(services, userOf(caller).userId, params.webhookId);
    return services.webhookDeliveries?.(params.webhookId, query.limit ?? 50) ?? [];
  },
};
