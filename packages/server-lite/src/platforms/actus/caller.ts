/**
 * @module
 * Who is calling, from the bearer access token. `user` endpoints take any active user, `admin` endpoints a
 * `super_admin` (403 for others). A missing, unknown or expired token, or one of a user who is no longer
 * active, is HTTP 401 with code 401: the web UI refreshes its token on exactly that.
 */
import type { AuthRequirement } from "@agentlane/sdk/contract";
import type { Credentials } from "../../core/credentials.ts";
import { Failure } from "../../core/failure.ts";
import type { Caller } from "../../core/platform.ts";
import type { ActusServices } from "./state/services.ts";
import { tokenUser } from "./state/users.ts";

export type ActusCaller =
  | { kind: "anonymous"; key: string }
  | { kind: "user"; key: string; userId: string; admin: boolean };

/** A signed-in caller. */
export type SignedIn = Extract<ActusCaller, { kind: "user" }>;

/** Codes any Actus handler may answer, whatever its endpoint documents. */
export type ActusCommonCode = "VALIDATION" | "NOT_FOUND" | "FORBIDDEN" | "BAD_REQUEST";

/** The caller behind an access token, or a 401 failure. */
export function callerOfToken(services: ActusServices, token: string | undefined): SignedIn {
  if (!token) throw new Failure("UNAUTHORIZED", "未登录");
  const user = tokenUser(services, token, "access");
  if (user?.status !== "active") throw new Failure("UNAUTHORIZED", "登录已过期或无效");
  return { kind: "user", key: `user:${user.id}`, userId: user.id, admin: user.role === "super_admin" };
}

export function authenticate(
  services: ActusServices,
  requirement: AuthRequirement,
  credentials: Credentials,
): ActusCaller & Caller {
  if (requirement === "none") return { kind: "anonymous", key: `ip:${credentials.address}` };
  const caller = callerOfToken(services, credentials.bearer);
  if (requirement === "admin" && !caller.admin) throw new Failure("FORBIDDEN", "需要超级管理员权限");
  return caller;
}

/** The signed-in caller of a `user`/`admin` endpoint. */
export function signedIn(caller: ActusCaller): SignedIn {
  if (caller.kind !== "user") throw new Failure("UNAUTHORIZED", "未登录");
  return caller;
}
