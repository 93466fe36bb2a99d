/**
 * @module
 * Who is calling, from the bearer token.
 *
 * - `cn_` personal tokens act as their user everywhere.
 * - `mn_` machine tokens act as the machine's owner limited to that machine, on the endpoints marked
 *   `agent` (the document never says where they are valid; agents need exactly these). Each use marks the
 *   machine as seen, which is what keeps it `online`, unless its agent speaks `/ws/agent`: then the socket alone
 *   decides (`agent/gateway.ts`).
 * - `pairing` endpoints take the temporary token from `pairing/initiate`; the handler checks it against
 *   the code. Without a token the caller is anonymous: only a code the agent chose may be polled so.
 * - `admin` endpoints take a personal token: ClaudeNest documents no roles, so the owner of a resource is
 *   its administrator.
 */
import type { AuthRequirement } from "@agentlane/sdk/contract";
import { Failure } from "../../core/failure.ts";
import { hashToken } from "../../core/ids.ts";
import type { Caller } from "../../core/platform.ts";
import { type NestServices, ONLINE_WINDOW_MS } from "./services.ts";

export type NestCaller =
  | { kind: "anonymous"; key: string; anonymous: true }
  | { kind: "pairing"; key: string; tokenHash: string; token: string }
  | { kind: "user"; key: string; userId: string; tokenId: string; machineId?: undefined }
  | { kind: "machine"; key: string; userId: string; machineId: string; tokenId?: undefined };

/** Codes any ClaudeNest handler may answer, whatever its endpoint documents. */
export type NestCommonCode = "VAL_001" | "NOT_FOUND" | "FORBIDDEN";

/** AUTH_002 when the request carried no token at all. */
const NO_TOKEN = "Unauthenticated: no token was sent; send Authorization: Bearer <token>.";
/** AUTH_002 when a token was sent but is unknown, expired or revoked. */
const TOKEN_REFUSED = "Unauthenticated: the token sent is unknown, expired or revoked.";

/** Throttles `last_used_at` writes of personal tokens: one per token per this many milliseconds. */
const TOUCH_EVERY_MS = 30_000;

export function authenticate(
  services: NestServices,
  requirement: AuthRequirement,
  token: string | undefined,
  address: string,
): NestCaller & Caller {
  // A pairing poll without a token is the ClaudeNest agent's: the handler accepts it only for a code the agent chose.
  if (requirement === "none" || ((requirement === "optional" || requirement === "pairing") && !token))
    return { kind: "anonymous", key: `ip:${address}`, anonymous: true };
  if (!token) throw new Failure("AUTH_002", NO_TOKEN);
  const hash = hashToken(token);
  if (requirement === "pairing") return { kind: "pairing", key: `pairing:${hash}`, tokenHash: hash, token };
  const now = services.now();

  if (token.startsWith("mn_")) {
    const machine = services.db.get<{ id: string; user_id: string }>(
      "SELECT id, user_id FROM cn_machines WHERE token_hash = ?",
      hash,
    );
    if (!machine) throw new Failure("AUTH_002", TOKEN_REFUSED);
    if (requirement !== "agent")
      throw new Failure("FORBIDDEN", "A machine token cannot be used here; use a personal token.");
    // Every use is written (not throttled like `last_used_at`): the machine's status is computed from it,
    // and a machine is online for exactly ONLINE_WINDOW_MS after its agent's last request.
    services.db.run(
      "UPDATE cn_machines SET last_seen_at = ?, connected_at = CASE WHEN last_seen_at IS NULL OR ? - last_seen_at >= ? THEN ? ELSE connected_at END, woken_at = NULL WHERE id = ?",
      now,
      now,
      ONLINE_WINDOW_MS,
      now,
      machine.id,
    );
    return { kind: "machine", key: `machine:${machine.id}`, userId: machine.user_id, machineId: machine.id };
  }

  const row = services.db.get<{ id: string; user_id: string; expires_at: number | null; last_used_at: number | null }>(
    "SELECT id, user_id, expires_at, last_used_at FROM cn_tokens WHERE token_hash = ? AND kind = 'personal'",
    hash,
  );
  if (!row || (row.expires_at !== null && row.expires_at <= now)) throw new Failure("AUTH_002", TOKEN_REFUSED);
  if (row.last_used_at === null || now - row.last_used_at > TOUCH_EVERY_MS) {
    services.db.run("UPDATE cn_tokens SET last_used_at = ? WHERE id = ?", now, row.id);
  }
  return { kind: "user", key: `user:${row.user_id}`, userId: row.user_id, tokenId: row.id };
}

/** The user a caller acts as; anonymous and pairing callers never reach handlers that call this. */
export function userOf(caller: NestCaller): string {
  if (caller.kind === "user" || caller.kind === "machine") return caller.userId;
  throw new Failure("AUTH_002", "Unauthenticated.");
}
