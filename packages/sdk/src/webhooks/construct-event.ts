/**
 * @module
 * `constructEvent`: verify a delivery, then parse it into the platform's typed event, in one call, so a receiver
 * never acts on an unverified body.
 */
import { WebhookVerificationError } from "./errors.ts";
import type { Verifier } from "./verify.ts";

/** What {@link constructEvent} takes: the raw body, the signature and timestamp headers, and how to read the event. */
export interface ConstructEventOptions<Event> {
  /** The body exactly as received (never a re-serialized object). */
  body: string | Uint8Array;
  signature: string | null | undefined;
  timestamp?: string | null | undefined;
  verifier: Verifier;
  /**
   * Reads the parsed JSON into the platform's event union, throwing on anything else (a contract's webhook
   * event schema's `parse`).
   * @example (json) => coordinaitorWebhookEvent.parse(json)
   */
  parse: (json: unknown) => Event;
}

/** Verifies a delivery and answers its typed event; throws a {@link WebhookVerificationError} otherwise. */
export async function constructEvent<Event>(options: ConstructEventOptions<Event>): Promise<Event> {
  await options.verifier.assert(options.body, options.signature, options.timestamp);
  const text = typeof options.body === "string" ? options.body : new TextDecoder().decode(options.body);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new WebhookVerificationError("bad-payload", "The delivery's body is not JSON", { cause: error });
  }
  try {
    return options.parse(json);
  } catch (error) {
    throw new WebhookVerificationError("bad-payload", "The delivery is not an event of this platform", {
      cause: error,
    });
  }
}
