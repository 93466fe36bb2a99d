/**
 * @module
 * The ClaudeNest agent's side of pairing (its `src/index.ts` `handlePair` and `pollForPairing`; the server's
 * `PairingController`), beside the document's: the agent sends a code of its own and polls it without a token.
 *
 * - A code already pending answers `PAR_003` (409), as ClaudeNest answers 409, and the agent draws another; an
 *   expired or completed pairing of the same code gives way to the new one.
 * - The code is the poll's only secret, as in ClaudeNest: the machine token is sealed with it. A tokenless poll of
 *   any other code, known or not, is `AUTH_002` (401), as for the document's codes.
 * - While pending, the poll answers HTTP 202 with `seconds_remaining`; the agent keeps polling on 202 only.
 */
import { encodeSuccess } from "@agentlane/sdk/claudenest";
import { Failure } from "../../../core/failure.ts";
import type { NestServices } from "../services.ts";

/** Makes room for an agent's code: PAR_003 while a pairing of it is pending; a finished one is dropped. */
export function claimAgentCode(services: NestServices, code: string): void {
  const row = services.db.get<{ expires_at: number; completed_at: number | null }>(
    "SELECT expires_at, completed_at FROM cn_pairings WHERE code = ?",
    code,
  );
  if (!row) return;
  if (row.completed_at === null && row.expires_at > services.now())
    throw new Failure("PAR_003", "This pairing code is already registered. Please generate a new one.");
  services.db.run("DELETE FROM cn_pairings WHERE code = ?", code);
}

/** Whether `code` is a pairing whose code the agent chose (polled without a token). */
export function isAgentCode(services: NestServices, code: string): boolean {
  return (
    services.db.get<{ agent_code: number }>("SELECT agent_code FROM cn_pairings WHERE code = ?", code.toUpperCase())
      ?.agent_code === 1
  );
}

/** Whole seconds until `expiresAt`. */
export const secondsUntil = (services: NestServices, expiresAt: number): number =>
  Math.max(0, Math.ceil((expiresAt - services.now()) / 1000));

/** The pending answer of an agent's code: HTTP 202 in ClaudeNest's envelope. */
export function pendingForAgent(services: NestServices, requestId: string, data: unknown): Response {
  const body = encodeSuccess(data, { timestamp: services.clock.iso(), request_id: requestId });
  return new Response(JSON.stringify(body), { status: 202, headers: { "content-type": "application/json" } });
}
