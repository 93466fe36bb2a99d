/**
 * @module
 * Where the platform's state tells that something happened which webhooks report. State modules call it after
 * their change is stored; the webhook runtime fans it out to the account's subscriptions.
 */
import type { WebhookEventName } from "@agentlane/sdk/ccjk/contract";

/** An event for an account's webhooks; `taskId` narrows it to the subscriptions of that task too. */
export interface PlatformEvent {
  accountId: string;
  event: WebhookEventName;
  data: Record<string, unknown>;
  taskId?: string;
  /** Server-clock milliseconds when it happened (a job completed at its end time, not when it was noticed). */
  at: number;
}

/** Receives platform events. */
export type Notify = (event: PlatformEvent) => void;
