/**
 * @module
 * §Webhooks: subscriptions, their delivery log, and the ten events as a typed union for receivers.
 *
 * Choices where the document is vague:
 * - Only `POST /webhooks` is documented; `list`, `get`, `update` (PUT, the fields named), `delete` (204) and
 *   `deliveries` are the rest of the resource users expect. A subscription belongs to its creator (others get
 *   404).
 * - `secret` is optional: without one a `whsec_…` secret is made, and either way it is answered once, at
 *   creation (never by `get` or `list`). `headers` are added to every delivery, except the ones the delivery
 *   itself sets (signature, id, timestamp, event, content type).
 * - `url` is `http` or `https`; loopback addresses are allowed (server-lite is a local server).
 * - Deliveries: a POST of compact JSON (the exact bytes signed) with `x-orchestrator-signature:
 *   sha256=<hex>` (HMAC-SHA256 of the body with the secret), `x-webhook-id`, `x-webhook-timestamp` (epoch
 *   seconds) and `x-webhook-event`. A 2xx answer delivers; anything else is retried with exponential backoff,
 *   and a delivery is given up (`failed`) after 6 attempts. Only events of active subscriptions that name them
 *   are sent, and only for resources the subscription's owner may see.
 * - Payload: `{event, timestamp, data, organization: {id, name}}`; `data` is the task, agent, project or user as
 *   the API answers it (a task event's also has `agent` and `project` as `{id, name}`, as the document's example).
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { withExample } from "../../../contract/entity.ts";
import { named } from "../../../contract/schema.ts";
import { AgentSchema } from "./agents.ts";
import { Id, Nothing, RefSchema, Timestamp } from "./common.ts";
import { createWebhookExample, entity, webhookExample } from "./examples.ts";
import { ProjectSchema } from "./projects.ts";
import { TaskSchema } from "./tasks.ts";
import { UserSchema } from "./users.ts";

/** The ten documented webhook events. */
export const WEBHOOK_EVENTS = [
  "task.created",
  "task.updated",
  "task.completed",
  "task.failed",
  "task.assigned",
  "agent.created",
  "agent.status_changed",
  "project.created",
  "project.completed",
  "user.registered",
] as const;
/** The zod schema of {@link WebhookEventName}. */
export const WebhookEventNameSchema = z.enum(WEBHOOK_EVENTS);
/** One webhook event's name. */
export type WebhookEventName = z.output<typeof WebhookEventNameSchema>;

/** Delivery headers a subscription's `headers` cannot replace. */
export const RESERVED_WEBHOOK_HEADERS = [
  "x-orchestrator-signature",
  "x-webhook-id",
  "x-webhook-timestamp",
  "x-webhook-event",
  "content-type",
  "content-length",
  "host",
] as const;

const HeaderName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, { message: "Not a header name" });
const HeaderValue = z
  .string()
  .max(1000)
  .regex(/^[^\r\n\0]*$/, { message: "Header values are one line" });
const WebhookUrl = z.url({ protocol: /^https?$/ }).max(2000);

/** The zod schema of {@link Webhook}. */
export const WebhookSchema = entity(
  z.object({
    id: Id,
    url: z.string(),
    events: z.array(WebhookEventNameSchema),
    active: z.boolean(),
    headers: z.record(z.string(), z.string()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    /** Only in the creation answer. */
    secret: z.string().optional(),
  }),
  { name: "Webhook", example: webhookExample },
);
/** A webhook subscription. */
export interface Webhook extends z.output<typeof WebhookSchema> {}

/** The zod schema of {@link CreateWebhookBody}. */
export const CreateWebhookBodySchema = withExample(
  z.object({
    url: WebhookUrl,
    events: z.array(WebhookEventNameSchema).min(1).max(WEBHOOK_EVENTS.length),
    secret: z.string().min(8).max(500).optional(),
    active: z.boolean().optional(),
    headers: z.record(HeaderName, HeaderValue).optional(),
  }),
  createWebhookExample,
);
/** A webhook subscription to create. */
export interface CreateWebhookBody extends z.output<typeof CreateWebhookBodySchema> {}

/** The zod schema of {@link UpdateWebhookBody}. */
export const UpdateWebhookBodySchema = CreateWebhookBodySchema.partial();
/** Subscription fields to change (a new `secret` replaces the old one at once). */
export interface UpdateWebhookBody extends z.output<typeof UpdateWebhookBodySchema> {}

/** The zod schema of {@link WebhookDelivery}. */
export const WebhookDeliverySchema = z.object({
  id: z.string(),
  event: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: Timestamp,
  deliveredAt: Timestamp.nullable(),
  nextAttemptAt: Timestamp.nullable(),
});
/** One delivery of an event to a subscription, and how it went. */
export interface WebhookDelivery extends z.output<typeof WebhookDeliverySchema> {}

const Organization = RefSchema;
const TaskEventData = TaskSchema.extend({ agent: RefSchema.nullable() });
const event = <N extends WebhookEventName, D extends z.ZodType>(name: N, data: D) =>
  z.object({ event: z.literal(name), timestamp: Timestamp, data, organization: Organization });

/** The zod schema of a {@link WebhookEvent}: a union discriminated by `event`. */
export const WebhookEventSchema = z.discriminatedUnion("event", [
  event("task.created", TaskEventData),
  event("task.updated", TaskEventData),
  event("task.completed", TaskEventData),
  event("task.failed", TaskEventData),
  event("task.assigned", TaskEventData),
  event("agent.created", AgentSchema),
  event("agent.status_changed", AgentSchema.extend({ previousStatus: z.string() })),
  event("project.created", ProjectSchema),
  event("project.completed", ProjectSchema),
  event("user.registered", UserSchema),
]);
/** A webhook delivery's payload, typed by its `event`. */
export type WebhookEvent = z.output<typeof WebhookEventSchema>;

/**
 * Parses and validates a webhook payload (already JSON-parsed) into the typed union; throws a `ZodError` when it
 * is not one of the ten events. Give it to `constructEvent({ parse: parseWebhookEvent, ... })`.
 */
export function parseWebhookEvent(json: unknown): WebhookEvent {
  return WebhookEventSchema.parse(json);
}

const WebhookParam = z.object({ webhookId: Id });
const Item = named<Webhook>(WebhookSchema);

/** The webhook endpoints. */
export const webhooks = {
  create: endpoint({
    method: "POST",
    path: "/api/v1/webhooks",
    section: "Webhooks",
    summary: "Create a webhook",
    auth: "webhooks:write",
    body: named<CreateWebhookBody>(CreateWebhookBodySchema),
    response: Item,
    status: 201,
  }),
  list: endpoint({
    method: "GET",
    path: "/api/v1/webhooks",
    section: "Webhooks",
    summary: "List webhooks (not in the document)",
    auth: "webhooks:read",
    response: named<Webhook[]>(z.array(WebhookSchema)),
  }),
  get: endpoint({
    method: "GET",
    path: "/api/v1/webhooks/{webhookId}",
    section: "Webhooks",
    summary: "Get a webhook (not in the document)",
    auth: "webhooks:read",
    params: WebhookParam,
    response: Item,
    errors: ["NOT_FOUND"],
  }),
  update: endpoint({
    method: "PUT",
    path: "/api/v1/webhooks/{webhookId}",
    section: "Webhooks",
    summary: "Update a webhook (not in the document)",
    auth: "webhooks:write",
    params: WebhookParam,
    body: named<UpdateWebhookBody>(UpdateWebhookBodySchema),
    response: Item,
    errors: ["NOT_FOUND"],
  }),
  delete: endpoint({
    method: "DELETE",
    path: "/api/v1/webhooks/{webhookId}",
    section: "Webhooks",
    summary: "Delete a webhook (not in the document)",
    auth: "webhooks:write",
    params: WebhookParam,
    response: Nothing,
    status: 204,
    errors: ["NOT_FOUND"],
  }),
  deliveries: endpoint({
    method: "GET",
    path: "/api/v1/webhooks/{webhookId}/deliveries",
    section: "Webhooks",
    summary: "A webhook's delivery log, newest first (not in the document)",
    auth: "webhooks:read",
    params: WebhookParam,
    query: z.object({ limit: z.coerce.number<number>().int().min(1).max(500).optional() }),
    response: named<WebhookDelivery[]>(z.array(WebhookDeliverySchema)),
    errors: ["NOT_FOUND"],
  }),
};
