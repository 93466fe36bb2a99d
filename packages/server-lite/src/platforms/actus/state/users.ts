/**
 * @module
 * Accounts and their tokens. Access tokens last 30 minutes and refresh tokens 7 days on the server clock; a
 * refresh rotates both. The first account is the `super_admin`.
 */
import type { User } from "@agentlane/sdk/actus/contract";
import { Failure } from "../../../core/failure.ts";
import { hashToken, newToken, uuid } from "../../../core/ids.ts";
import type { ActusServices } from "./services.ts";

export const ACCESS_TTL_MS = 30 * 60_000;
export const REFRESH_TTL_MS = 7 * 24 * 3_600_000;

/** An `act_users` row. */
export interface UserRow {
  id: string;
  username: string | null;
  email: string | null;
  nickname: string | null;
  avatar: string | null;
  password_hash: string | null;
  role: "super_admin" | "user";
  status: "active" | "inactive" | "banned";
  created_at: string;
}

/** A user as answered (no password hash). */
export function userOf(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    nickname: row.nickname,
    avatar: row.avatar,
    role: row.role,
    status: row.status,
    created_at: row.created_at,
  };
}

export function findUser(services: ActusServices, id: string): UserRow | undefined {
  return services.db.get<UserRow>("SELECT * FROM act_users WHERE id = ?", id);
}

/** Creates an account; 409 when the username or email is taken. */
export function createUser(
  services: ActusServices,
  fields: {
    username?: string | undefined;
    email?: string | undefined;
    nickname?: string | undefined;
    passwordHash: string | null;
    wechatOpenid?: string;
    role?: "super_admin" | "user";
  },
): UserRow {
  const { db } = services;
  return db.tx(() => {
    if (fields.username && db.get("SELECT 1 FROM act_users WHERE username = ?", fields.username))
      throw new Failure("CONFLICT", "用户名已存在");
    if (fields.email && db.get("SELECT 1 FROM act_users WHERE email = ?", fields.email))
      throw new Failure("CONFLICT", "邮箱已被注册");
    const first = !db.get("SELECT 1 FROM act_users LIMIT 1");
    const id = uuid();
    db.run(
      "INSERT INTO act_users (id, username, email, nickname, avatar, password_hash, wechat_openid, role, status, created_at, seq) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, 'active', ?, ?)",
      id,
      fields.username ?? null,
      fields.email ?? null,
      fields.nickname ?? fields.username ?? fields.email?.split("@")[0] ?? null,
      fields.passwordHash,
      fields.wechatOpenid ?? null,
      fields.role ?? (first ? "super_admin" : "user"),
      services.iso(),
      services.nextSeq("act_users"),
    );
    return findUser(services, id)!;
  });
}

/** New access and refresh tokens for a user. */
export function issueTokens(services: ActusServices, userId: string) {
  const access = newToken("act_");
  const refresh = newToken("acr_");
  const now = services.now();
  services.db.run(
    "INSERT INTO act_tokens (token_hash, user_id, kind, expires_at) VALUES (?, ?, 'access', ?)",
    hashToken(access),
    userId,
    now + ACCESS_TTL_MS,
  );
  services.db.run(
    "INSERT INTO act_tokens (token_hash, user_id, kind, expires_at) VALUES (?, ?, 'refresh', ?)",
    hashToken(refresh),
    userId,
    now + REFRESH_TTL_MS,
  );
  // Expired tokens are useless: drop them while here.
  services.db.run("DELETE FROM act_tokens WHERE user_id = ? AND expires_at <= ?", userId, now);
  return { access_token: access, refresh_token: refresh, token_type: "bearer" as const };
}

/** The user a live token of this kind belongs to. */
export function tokenUser(services: ActusServices, token: string, kind: "access" | "refresh"): UserRow | undefined {
  const row = services.db.get<{ user_id: string; expires_at: number }>(
    "SELECT user_id, expires_at FROM act_tokens WHERE token_hash = ? AND kind = ?",
    hashToken(token),
    kind,
  );
  if (!row || row.expires_at <= services.now()) return undefined;
  return findUser(services, row.user_id);
}

/** Refuses a user who may not sign in: `inactive` and `banned` accounts. */
export function assertMaySignIn(user: UserRow): void {
  if (user.status === "banned") throw new Failure("FORBIDDEN", "用户已被封禁");
  if (user.status === "inactive") throw new Failure("FORBIDDEN", "用户未激活");
}
