/**
 * @module
 * Who is calling. Credentials are a JWT access token (`Authorization: Bearer`), an API key (`X-API-Key`, or as a
 * bearer token, as the document's bash helper sends it) or an OAuth access token (a JWT with a `scope`).
 *
 * - `none` endpoints take anybody. Every other endpoint needs credentials (401 `AUTHENTICATION_ERROR`).
 * - `user` takes any valid credentials; `session` only a signed-in user's own JWT (a key or OAuth token may not
 *   mint keys or grants; 403 `AUTHORIZATION_ERROR`).
 * - `admin` needs an administrator; a key or OAuth token also needs the `admin` permission.
 * - A permission name (`tasks:read`, ...) is always granted to a signed-in user and must be among a key's or an
 *   OAuth token's permissions (403 `AUTHORIZATION_ERROR` otherwise).
 */
import type { Permission } from "@agentlane/sdk/coordinaitor/contract";
import { Failure } from "../../core/failure.ts";
import { hashToken } from "../../core/ids.ts";
import type { Caller } from "../../core/platform.ts";
import type { CoServices } from "./services.ts";
import { parseJson } from "./state/json.ts";
import { verifyJwt } from "./state/jwt.ts";

/** A caller with credentials: the user it acts as, and what it may do. */
export interface CoUser {
  kind: "user";
  key: string;
  userId: string;
  orgId: string;
  role: string;
  /** How the caller signed in. */
  via: "jwt" | "apikey" | "oauth";
  /** The session of a JWT (logout ends it). */
  sessionId: string | undefined;
  /** What a key or OAuth token may do; a signed-in user (JWT) may do everything its role allows. */
  permissions: ReadonlySet<string> | "all";
  /** When the credentials stop working (epoch milliseconds), if they expire. */
  expiresAt: number | undefined;
}

/** Whoever called. */
export type CoCaller = { kind: "anonymous"; key: string; anonymous: true } | CoUser;

/** Codes any CoordinAItor handler may answer, whatever its endpoint documents. */
export type CoCommonCode = "VALIDATION_ERROR" | "NOT_FOUND" | "AUTHORIZATION_ERROR" | "CONFLICT_ERROR";

const unauthenticated = (message = "Authentication required") => new Failure("AUTHENTICATION_ERROR", message);

interface UserRow {
  id: string;
  org_id: string;
  role: string;
}

/** Resolves the user behind an access token or API key; throws `AUTHENTICATION_ERROR` when it is not valid. */
export function identify(services: CoServices, token: string): CoUser {
  const now = services.now();
  if (token.startsWith("ak_")) {
    const key = services.db.get<{ user_id: string; permissions: string; expires_at: number | null }>(
      "SELECT user_id, permissions, expires_at FROM co_api_keys WHERE key_hash = ?",
      hashToken(token),
    );
    if (!key || (key.expires_at !== null && key.expires_at <= now)) throw unauthenticated("Invalid or expired API key");
    const user = services.db.get<UserRow>("SELECT id, org_id, role FROM co_users WHERE id = ?", key.user_id);
    if (!user) throw unauthenticated("Invalid or expired API key");
    return {
      kind: "user",
      key: `user:${user.id}`,
      userId: user.id,
      orgId: user.org_id,
      role: user.role,
      via: "apikey",
      sessionId: undefined,
      permissions: new Set(parseJson<string[]>(key.permissions, [])),
      expiresAt: key.expires_at ?? undefined,
    };
  }
  const claims = verifyJwt(token, services.jwtSecret);
  if (!claims || claims.exp * 1000 <= now) throw unauthenticated("Invalid or expired token");
  if (claims.cid === undefined) {
    const session = services.db.get<{ expires_at: number }>(
      "SELECT expires_at FROM co_sessions WHERE id = ? AND user_id = ?",
      claims.sid,
      claims.sub,
    );
    if (!session) throw unauthenticated("The session has ended");
  } else if (!services.db.get("SELECT 1 FROM co_oauth_clients WHERE id = ?", claims.cid))
    throw unauthenticated("The OAuth client no longer exists");
  const user = services.db.get<UserRow>("SELECT id, org_id, role FROM co_users WHERE id = ?", claims.sub);
  if (!user) throw unauthenticated("Invalid or expired token");
  const oauth = claims.cid !== undefined;
  return {
    kind: "user",
    key: `user:${user.id}`,
    userId: user.id,
    orgId: user.org_id,
    role: user.role,
    via: oauth ? "oauth" : "jwt",
    sessionId: oauth ? undefined : claims.sid,
    permissions: oauth ? new Set((claims.scope ?? "").split(" ").filter(Boolean)) : "all",
    expiresAt: claims.exp * 1000,
  };
}

/** Whether a caller holds a permission (`admin` also needs the administrator role). */
export function may(caller: CoUser, permission: Permission | string): boolean {
  if (permission === "admin" && caller.role !== "admin") return false;
  return caller.permissions === "all" || caller.permissions.has(permission);
}

/** The credential of a request: a bearer token, or an `X-API-Key`. */
export function credentialOf(bearer: string | undefined, apiKey: string | undefined): string | undefined {
  return bearer || apiKey || undefined;
}

export function authenticate(
  services: CoServices,
  requirement: string,
  token: string | undefined,
  address: string,
): CoCaller & Caller {
  if (requirement === "none" || (requirement === "optional" && !token))
    return { kind: "anonymous", key: `ip:${address}`, anonymous: true };
  if (!token) throw unauthenticated();
  const caller = identify(services, token);
  if (requirement === "user" || requirement === "optional") return caller;
  if (requirement === "session") {
    if (caller.via !== "jwt")
      throw new Failure(
        "AUTHORIZATION_ERROR",
        "Only a signed-in user (JWT) may do this, not an API key or OAuth token",
      );
    return caller;
  }
  if (!may(caller, requirement))
    throw new Failure(
      "AUTHORIZATION_ERROR",
      requirement === "admin" ? "Administrators only" : `This credential lacks the ${requirement} permission`,
    );
  return caller;
}

/** The signed-in caller of a handler whose endpoint needs credentials. */
export function userOf(caller: CoCaller): CoUser {
  if (caller.kind === "user") return caller;
  throw unauthenticated();
}
