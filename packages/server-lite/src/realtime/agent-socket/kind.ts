/**
 * @module
 * An agent-socket realtime kind, for any platform whose machine agents hold a WebSocket to the server: the agent
 * authenticates on the upgrade (headers such as `X-Machine-Token`, or the query), then both sides exchange
 * `{type, payload, id, timestamp}` frames (`frames.ts`). The platform says who an agent is, which key it holds (one
 * connection per key: a newer connection replaces the older, closed with 1000 "Replaced"), and what its messages
 * do; the kind answers `ping` with `pong`, refuses unreadable frames with an `error` frame, and closes the sockets
 * whose credentials are revoked (4001).
 */
import type { Credentials } from "../../core/credentials.ts";
import type { RealtimeKind } from "../../core/realtime.ts";
import type { AgentSocketFrame } from "./frames.ts";
import { AgentSocketServer } from "./server.ts";

/** One connected agent, as the platform sees it. */
export interface AgentPeer<Identity> {
  readonly identity: Identity;
  /** The key the platform gave the identity (a machine id). */
  readonly key: string;
  /** Sends `{type, payload, id, timestamp}`; false when the socket is no longer open. */
  send(type: string, payload: unknown): boolean;
  /** Closes the socket. */
  close(code: number, reason: string): void;
}

/** What a platform tells the agent-socket kind. */
export interface AgentSocketOptions<Services, Identity> {
  /** The path below the platform's prefix, e.g. `/ws/agent`. */
  path: string;
  /** Who connects, from the upgrade's credentials; throws (or answers undefined) to refuse it with HTTP 401. */
  authenticate(services: Services, credentials: Credentials): Identity | undefined;
  /** The key of an identity: one connection per key. */
  key(identity: Identity): string;
  /** A connection opened (after any older one of its key was closed). */
  onOpen(services: Services, peer: AgentPeer<Identity>): void;
  /** A frame the agent sent (`ping` is answered by the kind and not passed on). */
  onMessage(services: Services, peer: AgentPeer<Identity>, frame: AgentSocketFrame): void;
  /** A connection closed, replaced or revoked. */
  onClose(services: Services, peer: AgentPeer<Identity>): void;
  /**
   * The `code` of the `error` frame answering an unreadable frame or a message that threw.
   * @default "INVALID_FRAME"
   */
  errorCode?: string;
}

/** The agent-socket kind of a platform. */
export function agentSocketRealtime<Services, Identity>(
  options: AgentSocketOptions<Services, Identity>,
): RealtimeKind<Services> {
  return {
    kind: "agent",
    start: (setup) => new AgentSocketServer(options, setup),
  };
}
