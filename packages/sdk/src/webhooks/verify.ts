/**
 * @module
 * Verifying deliveries: the signature over the raw body, compared in constant time, against any of several
 * secrets (so a secret can be rotated without dropping deliveries), and optionally a timestamp within a tolerance,
 * so a captured delivery cannot be replayed later.
 */
import { WebhookVerificationError } from "./errors.ts";
import { bytesOf, type HmacKey, timingSafeEqual } from "./hmac.ts";
import { keyFor, SIGNATURE_PREFIX } from "./sign.ts";

/** Options of {@link createVerifier}. */
export interface VerifierOptions {
  /**
   * The secret, or several during a rotation (any one verifies).
   * @example ["whsec_new", "whsec_old"]
   */
  secrets: string | readonly string[];
  /**
   * Refuse a delivery whose timestamp (epoch seconds, from the platform's timestamp header) is further than this
   * from now, in seconds; `undefined` checks no timestamp.
   * @default undefined
   * @example 300
   */
  toleranceSeconds?: number;
  /** The current time in milliseconds, for tests. @default Date.now */
  now?: () => number;
}

/** Checks deliveries against a set of secrets. */
export interface Verifier {
  /** Whether the signature holds (and the timestamp, when a tolerance is set); never throws. */
  verify(body: string | Uint8Array, signature: string | null | undefined, timestamp?: string | null): Promise<boolean>;
  /** {@link Verifier.verify}, synchronously; needs `node:crypto`. */
  verifySync(body: string | Uint8Array, signature: string | null | undefined, timestamp?: string | null): boolean;
  /** Throws a {@link WebhookVerificationError} saying why a delivery does not verify. */
  assert(body: string | Uint8Array, signature: string | null | undefined, timestamp?: string | null): Promise<void>;
}

const HEX64 = /^[0-9a-fA-F]{64}$/;
const hasBuffer = typeof (globalThis as { Buffer?: unknown }).Buffer === "function";

/** The digest a `sha256=<hex>` header carries, or undefined when it is not one. */
function parseSignature(signature: string | null | undefined): Uint8Array | undefined {
  if (!signature) return undefined;
  const hex = signature.startsWith(SIGNATURE_PREFIX) ? signature.slice(SIGNATURE_PREFIX.length) : signature;
  if (!HEX64.test(hex)) return undefined;
  // Node's hex decoder is native; the loop serves other runtimes.
  if (hasBuffer) return Buffer.from(hex, "hex");
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * A verifier for one receiver; keys are made once.
 * @example
 * const verifier = createVerifier({ secrets: process.env.WEBHOOK_SECRET!, toleranceSeconds: 300 });
 * if (!(await verifier.verify(rawBody, req.headers["x-orchestrator-signature"]))) return res.status(401).end();
 */
export function createVerifier(options: VerifierOptions): Verifier {
  const secrets = typeof options.secrets === "string" ? [options.secrets] : [...options.secrets];
  if (secrets.length === 0) throw new TypeError("createVerifier needs at least one secret");
  const keys: HmacKey[] = secrets.map(keyFor);
  const now = options.now ?? Date.now;
  const tolerance = options.toleranceSeconds;

  /** Why the delivery's envelope (signature format, timestamp) fails, before any HMAC is computed. */
  const precheck = (signature: string | null | undefined, timestamp: string | null | undefined) => {
    const expected = parseSignature(signature);
    if (!expected)
      return new WebhookVerificationError(
        signature ? "bad-signature" : "missing-signature",
        signature ? "The signature is not a sha256=<hex> value" : "The delivery carries no signature",
      );
    if (tolerance !== undefined) {
      const seconds = Number(timestamp);
      if (!timestamp || !Number.isFinite(seconds))
        return new WebhookVerificationError("bad-timestamp", "The delivery carries no usable timestamp");
      if (Math.abs(now() / 1000 - seconds) > tolerance)
        return new WebhookVerificationError(
          "stale-timestamp",
          `The delivery's timestamp is more than ${tolerance}s away`,
        );
    }
    return expected;
  };

  const failure = new WebhookVerificationError("bad-signature", "The signature does not match the body");
  return {
    async verify(body, signature, timestamp) {
      const expected = precheck(signature, timestamp);
      if (expected instanceof WebhookVerificationError) return false;
      const bytes = bytesOf(body);
      for (const key of keys) if (timingSafeEqual(await key.digest(bytes), expected)) return true;
      return false;
    },
    verifySync(body, signature, timestamp) {
      const expected = precheck(signature, timestamp);
      if (expected instanceof WebhookVerificationError) return false;
      for (const key of keys) if (timingSafeEqual(key.digestSync(body), expected)) return true;
      return false;
    },
    async assert(body, signature, timestamp) {
      const expected = precheck(signature, timestamp);
      if (expected instanceof WebhookVerificationError) throw expected;
      const bytes = bytesOf(body);
      for (const key of keys) if (timingSafeEqual(await key.digest(bytes), expected)) return;
      throw failure;
    },
  };
}
