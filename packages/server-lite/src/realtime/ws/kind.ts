/**
 * @module
 * A subscribe-over-WebSocket realtime kind, for any platform: clients connect to one path with a credential,
 * subscribe to named channels with filters, and receive the platform's events as `{type, channel, data}`. The
 * platform says who a credential is, which channels and filters that identity may subscribe to, which event
 * bus channels feed which protocol channel, and which events each subscriber receives (and in what form), so
 * the kind knows no platform. Frames are described in `protocol.ts`.
 *
 * A connection without a credential, or with one the platform refuses, is answered HTTP 401 and never upgraded;
 * connections a minute per address are limited when the platform documents a limit (429). Credentials revoked on the
 * server's revocation bus (a logout) close the connections they opened, with code 4001.
 */
import type { Credentials } from "../../core/credentials.ts";
import type { RealtimeKind } from "../../core/realtime.ts";
import { SubscribeServer } from "./server.ts";

/** What a platform tells the subscribe kind. */
export interface SubscribeRealtimeOptions<Services, Identity> {
  /** The path below the platform's prefix, e.g. `/ws`. */
  path: string;
  /**
   * Who connects, from the upgrade's credentials (`?token=`, `Authorization`, any header); throws (or answers
   * undefined) to refuse the connection with HTTP 401.
   */
  authenticate(services: Services, credentials: Credentials): Identity | undefined;
  /** Whether an identity may subscribe to a channel with these filters: undefined if so, else why not. */
  authorize(
    services: Services,
    identity: Identity,
    channel: string,
    filters: Record<string, unknown> | undefined,
  ): string | undefined;
  /** Event-bus channels to listen on, and the protocol channel each one feeds. */
  routes: ReadonlyArray<{ bus: string; channel: string }>;
  /**
   * What one subscriber receives of an event: the `data` to send, or undefined to send nothing (another user's
   * resource, a filter that does not match).
   */
  deliver(
    services: Services,
    identity: Identity,
    channel: string,
    filters: Record<string, unknown> | undefined,
    event: string,
    data: unknown,
  ): unknown;
  /**
   * Whether a connection's identity still holds (its token has not expired, its session is open), checked before
   * each event it would receive; a connection that no longer holds is closed with 1008, so that a client
   * reconnects with fresh credentials. @default always
   */
  stillValid?(services: Services, identity: Identity): boolean;
  /** Called when a connection opens; answers what to call when it closes (a connection count, say). */
  onConnection?(services: Services, identity: Identity): () => void;
  /**
   * Subscriptions one connection may hold (beyond it, an `error` frame with code 429).
   * @default the server's `subscriptionsPerConnection` limit
   */
  maxSubscriptions?: number;
}

/** The subscribe-over-WebSocket kind of a platform. */
export function subscribeRealtime<Services, Identity>(
  options: SubscribeRealtimeOptions<Services, Identity>,
): RealtimeKind<Services> {
  return {
    kind: "ws",
    start: (setup) => new SubscribeServer(options, setup),
  };
}
