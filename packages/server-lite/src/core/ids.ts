/**
 * @module
 * Identifiers and secrets. Tokens are random, and only their SHA-256 is stored.
 */
import { hash, randomBytes, randomFillSync, randomUUID, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>;

export const uuid = (): string => randomUUID();

/**
 * Tokens' random bytes, drawn from the system's generator 4 KB at a time: asking it for 30 bytes costs about 5 µs,
 * most of a token's cost, and a slice of the pool almost nothing (Node's `randomUUID` keeps such a cache too). A
 * slice is used once and never again.
 */
const TOKEN_POOL = Buffer.alloc(4096);
let poolUsed = TOKEN_POOL.length;

/** A bearer token with a platform prefix (`cn_`, `mn_`, ...): 40 random base62-ish characters. */
export function newToken(prefix: string): string {
  if (poolUsed + 30 > TOKEN_POOL.length) {
    randomFillSync(TOKEN_POOL);
    poolUsed = 0;
  }
  const token = prefix + TOKEN_POOL.toString("base64url", poolUsed, poolUsed + 30);
  poolUsed += 30;
  return token;
}

/** A token's SHA-256 in hex (the one-shot `crypto.hash`: no Hash object per request). */
export function hashToken(token: string): string {
  return hash("sha256", token, "hex");
}

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

/**
 * A stored hash in `hashPassword`'s form and cost that no password matches (its 32 bytes are random), for a sign-in
 * of an unknown user to cost as much as a wrong password. A constant, so no server start waits for a hash.
 */
export const UNMATCHABLE_PASSWORD_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$Nqkb_7pO9TlDtKg1UZZsrA$_ksFfw7ogdh7zuVnOFkaESIfX1Ea66HNPB9H_ZouOBQ`;

/** A salted scrypt hash: `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString("base64url")}$${hash.toString("base64url")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await scrypt(password, Buffer.from(salt, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(expected, actual);
}
