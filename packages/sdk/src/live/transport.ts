/**
 * @module
 * What a watcher needs from a live transport: channel subscriptions that survive reconnections, and the
 * connection status. The Pusher, subscribe-over-WebSocket, SSE and polling transports implement it; a watcher
 * works on any of them.
 */
import type { LiveSubscriptionError } from "./errors.ts";

/**
 * `connecting` until the first connection is up, `connected` while it is, `reconnecting` after it dropped,
 * `closed` for good (closed by its owner, or refused by the server).
 */
export type TransportStatus = "connecting" | "connected" | "reconnecting" | "closed";

/** What a subscriber of a channel is told. */
export interface ChannelHandlers {
  /** An event published on the channel. */
  event(event: string, data: unknown): void;
  /** The server confirmed the subscription; called again after every resubscription. */
  subscribed?(): void;
  /** The subscription was refused or could not be authorized. */
  error?(error: LiveSubscriptionError): void;
}

/** A live connection that channels can be subscribed on; watchers are built on it. */
export interface LiveTransport {
  readonly status: TransportStatus;
  /** Why the transport closed by itself (a server refusal), once it has. */
  readonly closeError: Error | undefined;
  /**
   * Subscribes to a channel (again after every reconnection); returns the function that unsubscribes. `filters`
   * narrow the channel's events where the protocol supports it (a subscribe frame's `filters`).
   */
  subscribe(channel: string, handlers: ChannelHandlers, filters?: Record<string, unknown>): () => void;
  /** Listens to the transport's status. */
  on(event: "status", listener: (status: TransportStatus) => void): unknown;
  /** Listens to the transport's errors. */
  on(event: "error", listener: (error: Error) => void): unknown;
  /** Stops listening to the status. */
  off(event: "status", listener: (status: TransportStatus) => void): unknown;
  /** Stops listening to errors. */
  off(event: "error", listener: (error: Error) => void): unknown;
  /** Closes the connection and every subscription for good. */
  close(): void;
}
