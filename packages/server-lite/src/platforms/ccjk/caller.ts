/**
 * @module
 * Who is calling, from the bearer token (§2): an API key or an OAuth token acts as its account; `optional`
 * endpoints answer anonymous callers too, but a token that is sent is checked. An unknown or revoked token is
 * `AUTH_INVALID`, an expired one `AUTH_EXPIRED`.
 */
import type { AuthRequirement } from "@agentlane/sdk/contract";
import type { Credentials } from "../../core/credentials.ts";
import { Failure } from "../../core/failure.ts";
import type { Caller } from "../../core/platform.ts";
import type { CCJKServices } from "./services.ts";
import type { Plan } from "./state/accounts.ts";

/** A CCJK caller: anonymous, or an account by its key or OAuth token. */
export type CCJKCaller =
  | { kind: "anonymous"; key: string; accountId?: undefined; anonymous: true }
  | { kind: "account"; key: string; accountId: string; plan: Plan; via: "api-key" | "oauth" };

/** Codes any CCJK handler may answer, whatever its endpoint documents. */
export type CCJKCommonCode = "VALIDATION_ERROR" | "RESOURCE_NOT_FOUND";

export function authenticate(
  services: CCJKServices,
  requirement: AuthRequirement,
  credentials: Credentials,
): CCJKCaller & Caller {
  const token = credentials.bearer;
  if (requirement === "none" || (requirement === "optional" && !token))
    return { kind: "anonymous", key: `ip:${credentials.address}`, anonymous: true };
  if (!token) throw new Failure("AUTH_INVALID", "Send your API key as Authorization: Bearer <key>.");
  const resolved = services.accounts.resolve(token);
  if (!resolved.ok)
    throw resolved.reason === "expired"
      ? new Failure("AUTH_EXPIRED", "This API key has expired; create a new one.")
      : new Failure("AUTH_INVALID", "Invalid or missing API key.");
  return {
    kind: "account",
    key: `account:${resolved.accountId}`,
    accountId: resolved.accountId,
    plan: resolved.plan,
    via: resolved.via,
  };
}

/** The account of a caller on a `user` endpoint (the core never lets an anonymous caller reach one). */
export function accountOf(caller: CCJKCaller): string {
  if (caller.kind === "account") return caller.accountId;
  throw new Failure("AUTH_INVALID", "Invalid or missing API key.");
}
