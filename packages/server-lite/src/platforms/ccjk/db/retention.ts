/**
 * @module
 * CCJK Cloud's tables that grow with use, and how many rows a server keeps of each by default (a server may
 * change each with the `retention` option).
 */
import { WebhookDispatcher } from "../../../core/webhooks.ts";
import type { RetentionRule } from "../../../store/retention.ts";
import { DELIVERIES_TABLE } from "../runtime/webhooks.ts";

export const retention: readonly RetentionRule[] = [
  { table: "ccjk_sync_jobs", partitionBy: "account_id", keep: 1000, description: "an account's sync jobs" },
  WebhookDispatcher.retention(DELIVERIES_TABLE),
];
