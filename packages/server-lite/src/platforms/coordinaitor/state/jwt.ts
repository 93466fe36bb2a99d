/**
 * @module
 * HS256 JSON Web Tokens (RFC 7519) for access tokens: signed with a server secret, verified in constant time,
 * expiry read against the server clock by the caller. Only what the platform issues is accepted: the header must
 * be exactly `{"alg":"HS256","typ":"JWT"}`, so `alg: none` and key-confusion tricks are refused.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

const HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");

/** The claims of an access token. */
export interface AccessClaims {
  /** The user. */
  sub: string;
  /** The session (logout ends it) or, for OAuth tokens, the grant. */
  sid: string;
  /** Issued and expires, epoch seconds. */
  iat: number;
  exp: number;
  /** OAuth tokens only: the granted permissions, space-separated, and the client. */
  scope?: string;
  cid?: string;
  /** A random id, so that two tokens issued in the same second differ. */
  jti: string;
}

/** Signs claims as a compact JWT. */
export function signJwt(claims: AccessClaims, secret: Buffer): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  const signature = createHmac("sha256", secret).update(`${HEADER}.${payload}`).digest("base64url");
  return `${HEADER}.${payload}.${signature}`;
}

/** The claims of a token this server signed, or undefined (expiry is the caller's to check). */
export function verifyJwt(token: string, secret: Buffer): AccessClaims | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== HEADER) return undefined;
  const expected = createHmac("sha256", secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2]!, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as AccessClaims;
    if (typeof claims.sub !== "string" || typeof claims.sid !== "string" || typeof claims.exp !== "number")
      return undefined;
    return claims;
  } catch {
    return undefined;
  }
}
