/**
 * @module
 * Sessions: a login makes one (a refresh token, kept as a hash); access tokens name it, so ending it (logout)
 * stops its refresh token and every access token at once. A refresh rotates the refresh token: the old one stops
 * working.
 */

import { randomUUID } from "node:crypto";
import type { LoginAnswer, TokenPairAnswer } from "@agentlane/sdk/coordinaitor/contract";
import { Failure } from "../../../core/failure.ts";
import { hashToken, newToken, verifyPassword } from "../../../core/ids.ts";
import { ACCESS_TTL_SECONDS, type CoServices, REFRESH_TTL_MS } from "../services.ts";
import { signJwt } from "./jwt.ts";
import { log } from "./logs.ts";

/** A signed access token for a user's session (or an OAuth grant, with its scope and client). */
export function accessToken(
  services: CoServices,
  userId: string,
  sid: string,
  oauth?: { scope: string; clientId: string },
): string {
  const iat = Math.floor(services.now() / 1000);
  return signJwt(
    {
      sub: userId,
      sid,
      iat,
      exp: iat + ACCESS_TTL_SECONDS,
      jti: randomUUID(),
      ...(oauth ? { scope: oauth.scope, cid: oauth.clientId } : {}),
    },
    services.jwtSecret,
  );
}

function newSession(services: CoServices, userId: string): TokenPairAnswer {
  const sid = `sess-${randomUUID()}`;
  const refreshToken = newToken("rt_");
  const now = services.now();
  services.db.run(
    "INSERT INTO co_sessions (id, user_id, refresh_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
    sid,
    userId,
    hashToken(refreshToken),
    now,
    now + REFRESH_TTL_MS,
  );
  return { accessToken: accessToken(services, userId, sid), refreshToken, expiresIn: ACCESS_TTL_SECONDS };
}

/** Signs a user in; a wrong email or password is the same `AUTHENTICATION_ERROR`. */
export async function login(services: CoServices, email: string, password: string): Promise<LoginAnswer> {
  const user = services.db.get<{
    id: string;
    email: string;
    name: string;
    org_id: string;
    role: string;
    password_hash: string;
  }>("SELECT id, email, name, org_id, role, password_hash FROM co_users WHERE email = ?", email);
  if (!user || !(await verifyPassword(password, user.password_hash))) {
    log(services, "warn", "auth", "Refused sign-in", { email: email.slice(0, 320) });
    throw new Failure("AUTHENTICATION_ERROR", "Invalid email or password");
  }
  const pair = services.db.tx(() => {
    services.db.run("UPDATE co_users SET last_login_at = ? WHERE id = ?", services.now(), user.id);
    log(services, "info", "auth", "Signed in", { userId: user.id });
    return newSession(services, user.id);
  });
  return {
    ...pair,
    user: { id: user.id, email: user.email, name: user.name, organizationId: user.org_id, role: user.role },
  };
}

function sessionOf(services: CoServices, refreshToken: string) {
  const session = services.db.get<{ id: string; user_id: string; expires_at: number }>(
    "SELECT id, user_id, expires_at FROM co_sessions WHERE refresh_hash = ?",
    hashToken(refreshToken),
  );
  if (!session || session.expires_at <= services.now())
    throw new Failure("AUTHENTICATION_ERROR", "Invalid or expired refresh token");
  return session;
}

/** A new pair for a refresh token, which stops working. */
export function refresh(services: CoServices, refreshToken: string): TokenPairAnswer {
  return services.db.tx(() => {
    const session = sessionOf(services, refreshToken);
    const next = newToken("rt_");
    services.db.run("UPDATE co_sessions SET refresh_hash = ? WHERE id = ?", hashToken(next), session.id);
    return {
      accessToken: accessToken(services, session.user_id, session.id),
      refreshToken: next,
      expiresIn: ACCESS_TTL_SECONDS,
    };
  });
}

/** Ends the session of a refresh token, which must be the caller's own. */
export function logout(services: CoServices, userId: string, refreshToken: string): void {
  const session = sessionOf(services, refreshToken);
  if (session.user_id !== userId) throw new Failure("AUTHENTICATION_ERROR", "Invalid or expired refresh token");
  services.db.run("DELETE FROM co_sessions WHERE id = ?", session.id);
  services.revokeSession(session.id, "The session was logged out");
}
