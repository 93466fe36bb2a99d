/** A fresh `Idempotency-Key`: a random UUID, as the IETF draft and most platforms expect. */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}
