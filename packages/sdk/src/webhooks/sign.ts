/**
 * @module
 * Signing a webhook body as the platforms do: `sha256=<hex>` of HMAC-SHA256 over the exact bytes sent. For a
 * receiver's own tests, and for servers (server-lite signs its deliveries with it).
 */
import { HmacKey, toHex } from "./hmac.ts";

/** The `sha256=` prefix of a signature header's value. */
export const SIGNATURE_PREFIX = "sha256=";

const keys = new Map<string, HmacKey>();

/** The key of a secret, kept (at most a few hundred secrets are ever in use). */
export function keyFor(secret: string): HmacKey {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= 256) keys.clear();
    key = new HmacKey(secret);
    keys.set(secret, key);
  }
  return key;
}

/**
 * Signs a body: `"sha256=<hex>"`.
 * @example const signature = await sign(JSON.stringify(event), "whsec_test");
 */
export async function sign(body: string | Uint8Array, secret: string): Promise<string> {
  return SIGNATURE_PREFIX + toHex(await keyFor(secret).digest(body));
}

/** {@link sign}, synchronously; needs `node:crypto` (Node, Bun, Deno). */
export function signSync(body: string | Uint8Array, secret: string): string {
  return SIGNATURE_PREFIX + toHex(keyFor(secret).digestSync(body));
}
