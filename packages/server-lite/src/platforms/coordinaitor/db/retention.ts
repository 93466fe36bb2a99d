/**
 * @module
 * CoordinAItor's tables that grow with use, and how many rows a server keeps of each by default (a server may
 * change each with the `retention` option).
 */
import { WebhookDispatcher } from "../../../core/webhooks.ts";
import type { RetentionRule } from "../../../store/retention.ts";
import { DELIVERIES_TABLE } from "../state/webhooks.ts";

export const retention: readonly RetentionRule[] = [
  { table: "co_logs", keep: 10_000, description: "the system log" },
  { table: "co_agent_logs", partitionBy: "agent_id", keep: 1000, description: "an agent's log" },
  { table: "co_notifications", partitionBy: "user_id", keep: 1000, description: "a user's notifications" },
  WebhookDispatcher.retention(DELIVERIES_TABLE),
];
