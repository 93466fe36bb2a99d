/**
 * @module
 * HMAC-SHA256 with keys made once per secret. Where `node:crypto` exists (Node, Bun, Deno) it is used
 * synchronously with a `KeyObject`, which is several times faster than WebCrypto; elsewhere (browsers, workers)
 * WebCrypto signs. `node:crypto` is reached through `process.getBuiltinModule`, so bundles for other runtimes
 * never import it.
 */

type NodeCrypto = typeof import("node:crypto");

/** `node:crypto`, when this runtime has it. */
export const nodeCrypto: NodeCrypto | undefined = (() => {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return process?.getBuiltinModule?.("node:crypto") as NodeCrypto | undefined;
})();

const encoder = new TextEncoder();

/** Bytes of a body as sent: strings are UTF-8. */
export function bytesOf(body: string | Uint8Array): Uint8Array {
  return typeof body === "string" ? encoder.encode(body) : body;
}

export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}

/** A secret's key, made once: a Node `KeyObject` and, lazily, a WebCrypto key. */
export class HmacKey {
  readonly #secret: string;
  readonly #node: ReturnType<NodeCrypto["createSecretKey"]> | undefined;
  #web: Promise<CryptoKey> | undefined;

  constructor(secret: string) {
    if (typeof secret !== "string" || secret === "") throw new TypeError("A webhook secret is a non-empty string");
    this.#secret = secret;
    this.#node = nodeCrypto?.createSecretKey(Buffer.from(secret, "utf8"));
  }

  /** Whether `digestSync` works in this runtime. */
  get synchronous(): boolean {
    return this.#node !== undefined;
  }

  digestSync(body: string | Uint8Array): Uint8Array {
    if (!nodeCrypto || !this.#node) throw new Error("Synchronous HMAC needs node:crypto; use the async method");
    return nodeCrypto.createHmac("sha256", this.#node).update(body).digest();
  }

  async digest(body: string | Uint8Array): Promise<Uint8Array> {
    if (this.#node) return this.digestSync(body);
    this.#web ??= crypto.subtle.importKey(
      "raw",
      encoder.encode(this.#secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    return new Uint8Array(await crypto.subtle.sign("HMAC", await this.#web, bytesOf(body) as BufferSource));
  }
}

/** Compares two byte strings in time that depends only on their length. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  if (nodeCrypto) return nodeCrypto.timingSafeEqual(a, b);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
