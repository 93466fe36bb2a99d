/**
 * @module
 * §10 Webhooks: an account's webhook subscriptions and the events they receive.
 *
 * Choices where the document is vague:
 * - The signature header is not named: deliveries carry `X-CCJK-Signature: sha256=<hex>`, the HMAC-SHA256 of the
 *   exact body bytes with the subscription's secret, which is what the document's `verifyWebhook` checks. Each
 *   delivery also carries `X-Webhook-Id`, `X-Webhook-Timestamp` (epoch seconds) and `X-Webhook-Event`.
 * - Bodies are compact JSON (`JSON.stringify` without spaces), so a receiver that re-serializes the parsed body,
 *   as the document's snippet invites, computes the same bytes.
 * - `secret` is optional (server-lite makes one, `whsec_...`, when it is left out) and answered back, as the
 *   document shows. `url` must be `http` or `https`. The document has no list or delete endpoint; a
 *   subscription lives until the account is gone. Several subscriptions to the same URL are allowed.
 * - Events go to the subscriptions of the account they happened in. A delivery that fails (no 2xx answer) is
 *   retried with exponential backoff on the server clock, six attempts in all.
 * - `POST {task.webhookUrl}` with `{url, secret?}` subscribes a URL to one task's `task.completed` only; it answers
 *   like this endpoint.
 * - `task.completed` is sent when a task completes or fails (its `status` says which), not when it is
 *   cancelled; `sync.completed` when a job completes; `conflict.detected` for each conflict a job records.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { withExample } from "../../../contract/entity.ts";
import { named } from "../../../contract/schema.ts";
import { TaskOutputSchema, TaskStatus } from "./agents.ts";
import { Timestamp } from "./common.ts";
import { createWebhookExample, entity, webhookExample } from "./examples.ts";
import { ItemType } from "./sync.ts";

/** The events a webhook may receive. */
export const WebhookEventName = z.enum(["sync.completed", "task.completed", "conflict.detected"]);
/** `sync.completed`, `task.completed` or `conflict.detected`. */
export type WebhookEventName = z.output<typeof WebhookEventName>;

/** The zod schema of {@link CreateWebhookBody}. */
export const CreateWebhookBodySchema = withExample(
  z.object({
    url: z.url({ protocol: /^https?$/ }).max(2000),
    events: z.array(WebhookEventName).min(1).max(3),
    /** At least 8 characters; made for you when left out. */
    secret: z.string().min(8).max(200).optional(),
  }),
  createWebhookExample,
);
/** §10 Webhook Configuration. */
export interface CreateWebhookBody extends z.output<typeof CreateWebhookBodySchema> {}

/** The zod schema of {@link Webhook}. */
export const WebhookSchema = entity(
  z.object({
    webhookId: z.string(),
    url: z.string(),
    events: z.array(WebhookEventName),
    secret: z.string(),
    active: z.boolean(),
    /** Not in the document: set for a subscription made at a task's `webhookUrl`. */
    taskId: z.string().optional(),
  }),
  { name: "Webhook", example: webhookExample },
);
/** A webhook subscription. */
export interface Webhook extends z.output<typeof WebhookSchema> {}

const create = endpoint({
  method: "POST",
  path: "/webhooks",
  section: "§10 Webhook Configuration",
  summary: "Subscribe a URL to webhook events",
  auth: "user",
  body: named<CreateWebhookBody>(CreateWebhookBodySchema),
  response: named<Webhook>(WebhookSchema),
});

/** The webhook endpoints. */
export const webhooks = { create };

const VersionInfo = z.object({ version: z.string(), modifiedAt: Timestamp.nullable() });

/** The zod schema of {@link SyncCompletedEvent}. */
export const SyncCompletedEventSchema = z.object({
  event: z.literal("sync.completed"),
  timestamp: Timestamp,
  data: z.object({
    syncId: z.string(),
    status: z.literal("completed"),
    results: z.object({ pushed: z.number().int(), pulled: z.number().int(), conflicts: z.number().int() }),
  }),
});
/** §10 `sync.completed`. */
export interface SyncCompletedEvent extends z.output<typeof SyncCompletedEventSchema> {}

/** The zod schema of {@link TaskCompletedEvent}. */
export const TaskCompletedEventSchema = z.object({
  event: z.literal("task.completed"),
  timestamp: Timestamp,
  data: z.object({ taskId: z.string(), status: TaskStatus, output: TaskOutputSchema }),
});
/** §10 `task.completed`. */
export interface TaskCompletedEvent extends z.output<typeof TaskCompletedEventSchema> {}

/** The zod schema of {@link ConflictDetectedEvent}. */
export const ConflictDetectedEventSchema = z.object({
  event: z.literal("conflict.detected"),
  timestamp: Timestamp,
  data: z.object({
    conflictId: z.string(),
    itemId: z.string(),
    type: ItemType,
    localVersion: VersionInfo,
    remoteVersion: VersionInfo,
  }),
});
/** §10 `conflict.detected`. */
export interface ConflictDetectedEvent extends z.output<typeof ConflictDetectedEventSchema> {}

/** Every webhook event, told apart by `event`: `webhookEvents.parse(json)` types a delivery's body. */
export const webhookEvents = z.discriminatedUnion("event", [
  SyncCompletedEventSchema,
  TaskCompletedEventSchema,
  ConflictDetectedEventSchema,
]);
/** A webhook delivery's body. */
export type WebhookEvent = SyncCompletedEvent | TaskCompletedEvent | ConflictDetectedEvent;
