/**
 * @module
 * Who is calling. `user` and `admin` endpoints take `Authorization: Bearer <token>`; `catalog` also takes the
 * token as `X-Caipe-Catalog-Key`, the header the real gateway's installer and hooks send; `admin` refuses a user
 * who is not an admin (403). A missing or unknown token is 401 `UNAUTHORIZED`.
 */
import type { AuthRequirement } from "@agentlane/sdk/contract";
import type { Credentials } from "../../../core/credentials.ts";
import { Failure } from "../../../core/failure.ts";
import type { CaipeServices } from "./services.ts";
import type { CaipeUser } from "./users.ts";

/** A CAIPE caller: anonymous (gateway artifacts) or a signed-in user. */
export type CaipeCaller = { kind: "anonymous"; key: string } | { kind: "user"; key: string; user: CaipeUser };

/** Codes any CAIPE handler may answer, whatever its endpoint documents. */
export type CaipeCommonCode = "VALIDATION_ERROR" | "NOT_FOUND" | "FORBIDDEN";

/** Resolves the caller of a request for an endpoint's auth requirement; throws a `Failure` to refuse. */
export function authenticate(
  services: CaipeServices,
  requirement: AuthRequirement,
  credentials: Credentials,
): CaipeCaller {
  const token =
    credentials.bearer ?? (requirement === "catalog" ? credentials.header("x-caipe-catalog-key") : undefined);
  if (requirement === "none" || (requirement === "optional" && !token))
    return { kind: "anonymous", key: `ip:${credentials.address}` };
  if (!token) throw new Failure("UNAUTHORIZED", "Authentication required: send Authorization: Bearer <token>");
  const user = services.users.byToken(token);
  if (!user) throw new Failure("UNAUTHORIZED", "The token is not valid");
  if (requirement === "admin" && user.role !== "admin") throw new Failure("FORBIDDEN", "Admin access required");
  return { kind: "user", key: `user:${user.id}`, user };
}

/** The signed-in user of a caller; endpoints that need one never run for anonymous callers. */
export function userOf(caller: CaipeCaller): CaipeUser {
  if (caller.kind === "user") return caller.user;
  throw new Failure("UNAUTHORIZED", "Authentication required");
}
