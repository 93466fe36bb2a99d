/**
 * @module
 * Webhooks: verify deliveries (HMAC-SHA256 `sha256=<hex>` over the raw body, constant-time, several secrets for
 * rotation, an optional timestamp tolerance), parse them into a platform's typed events, and sign bodies for
 * tests. Runtime-neutral: `node:crypto` with cached keys where it exists, WebCrypto elsewhere.
 */
export { type ConstructEventOptions, constructEvent } from "./construct-event.ts";
export { isWebhookVerificationError, type WebhookRefusal, WebhookVerificationError } from "./errors.ts";
export { nodeRawBody, rawBody } from "./raw-body.ts";
export { SIGNATURE_PREFIX, sign, signSync } from "./sign.ts";
export { createVerifier, type Verifier, type VerifierOptions } from "./verify.ts";
