/**
 * @module
 * The error `constructEvent` throws when a delivery's signature or timestamp does not hold up.
 */
import { AgentlaneError } from "../core/errors/agentlane-error.ts";
import { hasKind, markError } from "../core/errors/brand.ts";

/** Why a delivery was refused. */
export type WebhookRefusal =
  | "missing-signature"
  | "bad-signature"
  | "stale-timestamp"
  | "bad-timestamp"
  | "bad-payload";

/** A webhook delivery that did not verify (wrong secret, tampered body, replayed or unreadable). */
export class WebhookVerificationError extends AgentlaneError {
  override name = "WebhookVerificationError";
  readonly reason: WebhookRefusal;

  constructor(reason: WebhookRefusal, message: string, options?: ErrorOptions) {
    super(message, options);
    markError(this, "webhook");
    this.reason = reason;
  }
}

/** Whether `value` is a {@link WebhookVerificationError}, also across bundles and realms. */
export function isWebhookVerificationError(value: unknown): value is WebhookVerificationError {
  return hasKind(value, "webhook");
}
