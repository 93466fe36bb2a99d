/**
 * @module
 * Which live subscriptions a revocation ends: the identities ClaudeNest's channel authorizer hands back name the
 * credentials behind them (a personal token's id, a machine, a session's WebSocket token), so revoking one closes
 * exactly the connections it opened.
 */

/** Who a revocation concerns: one personal token, a machine's token, or a session's WebSocket tokens. */
export type NestRevoked = { tokenId: string } | { machineId: string } | { sessionId: string } | { userId: string };

/** Whether a subscriber's identity came from the revoked credentials. */
export function coveredBy(revoked: NestRevoked, identity: unknown): boolean {
  const id = identity as Partial<{
    kind: string;
    tokenId: string;
    machineId: string;
    sessionId: string;
    userId: string;
  }>;
  if ("tokenId" in revoked) return id.kind === "user" && id.tokenId === revoked.tokenId;
  if ("machineId" in revoked) return id.kind === "machine" && id.machineId === revoked.machineId;
  if ("sessionId" in revoked) return id.kind === "websocket" && id.sessionId === revoked.sessionId;
  return id.userId === revoked.userId;
}
