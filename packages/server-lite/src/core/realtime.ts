/**
 * @module
 * Realtime kinds: how a platform's live protocol plugs into a server. A platform lists the kinds it speaks
 * (the Pusher protocol, a subscribe-over-WebSocket `/ws`, ...); when the server starts, each kind is started
 * for the platform and answers the WebSocket upgrades of its own paths, so the core dispatches upgrades by
 * path and knows no protocol. Server-Sent Events need no kind: a stream endpoint's handler answers them on the
 * request path (`realtime/sse`).
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Context, Hono } from "hono";
import type { Clock } from "./clock.ts";
import type { EventBus } from "./events.ts";
import type { Failure } from "./failure.ts";
import type { ServerEnvelope } from "./platform.ts";
import type { RateLimiter } from "./rate-limit.ts";

/** Credentials that stopped being valid: every live connection they authorized must go. */
export interface Revocation {
  platformId: string;
  /** Whether a connection's identity (what the platform's authorizer handed back) came from these credentials. */
  covers(identity: unknown): boolean;
  /** Said to the client as the close reason. */
  reason: string;
}

/**
 * Where platforms announce revoked credentials (a revoked token, a logout, a regenerated machine token, a deleted
 * user) and realtime endpoints hear of it. Delivery is synchronous: by the time `revoke()` returns, every
 * endpoint has dropped the sockets and streams concerned, so the API call that revoked answers after they are gone.
 */
export class RevocationBus {
  readonly #listeners = new Set<(revocation: Revocation) => void>();

  revoke(revocation: Revocation): void {
    for (const listener of [...this.#listeners]) listener(revocation);
  }

  /** Hears every revocation; answers the function that stops. */
  listen(listener: (revocation: Revocation) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** What a realtime kind is given when a server starts it for one platform. */
export interface RealtimeStart<Services = unknown> {
  /** The server's app, for HTTP routes the protocol needs (a channel auth endpoint, say). */
  app: Hono;
  platformId: string;
  /** Where the platform's API is mounted (`/claudenest/api`, or `/api` at the root). */
  base: string;
  /** The platform's prefix before its documented root (`/claudenest`, or `""`). */
  prefix: string;
  services: Services;
  events: EventBus;
  /** Revoked credentials: an endpoint closes what they authorized (see {@link RevocationBus}). */
  revocations: RevocationBus;
  clock: Clock;
  envelope: ServerEnvelope;
  /** Present when rate limits are on. */
  rateLimiter: RateLimiter | undefined;
  /** Connections a minute per address, when the platform documents a limit. */
  connectionsPerMinute: number | undefined;
  /** Largest frame accepted, in bytes. */
  maxPayload: number;
  /** Channels one connection may subscribe to. */
  subscriptionsPerConnection: number;
  /** Live connections one set of credentials may hold. */
  connectionsPerIdentity: number;
  onError(error: unknown): void;
  /** Answers a failure in the platform's envelope. */
  failWith(c: Context, failure: Failure): Response;
}

/** A started realtime protocol: the upgrades it takes, and how it is stopped. */
export interface RealtimeEndpoint {
  /** The protocol's name, e.g. `pusher` or `ws`. */
  readonly kind: string;
  /** Whether an upgrade of this path (without its query) is this endpoint's. */
  accepts(path: string): boolean;
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** What a client needs to connect (paths, keys), shown as `server.realtime[platform]`. */
  readonly info: Readonly<Record<string, string>>;
  /** Closes every connection. */
  close(): Promise<void>;
}

/** A live protocol a platform speaks; started once per server and platform. */
export interface RealtimeKind<Services = unknown> {
  readonly kind: string;
  start(setup: RealtimeStart<Services>): RealtimeEndpoint;
}

/** Answers an upgrade nobody takes, without a WebSocket. */
export function refuseUpgrade(socket: Duplex, status: 400 | 401 | 403 | 404 | 429 | 503): void {
  const text = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    429: "Too Many Requests",
    503: "Service Unavailable",
  }[status];
  socket.once("finish", () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** What may happen to a WebSocket upgrade before its endpoint takes it (server-lite's chaos testing aid is one). */
export interface UpgradeFaults {
  /** Sees the upgrade first; answers `true` when it has dealt with the socket itself (dropped it). */
  intercept(request: IncomingMessage, socket: Duplex): boolean;
}

/** Sends each WebSocket upgrade to the endpoint that accepts its path; anything else gets 404. */
export class UpgradeRouter {
  readonly #endpoints: RealtimeEndpoint[] = [];
  readonly #faults: UpgradeFaults | undefined;

  /** @param faults what may happen to an upgrade of a known path before its endpoint takes it */
  constructor(faults?: UpgradeFaults) {
    this.#faults = faults;
  }

  add(endpoint: RealtimeEndpoint): void {
    this.#endpoints.push(endpoint);
  }

  get endpoints(): readonly RealtimeEndpoint[] {
    return this.#endpoints;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = (request.url ?? "/").split("?", 1)[0] ?? "/";
    const endpoint = this.#endpoints.find((e) => e.accepts(path));
    if (endpoint) {
      if (this.#faults?.intercept(request, socket)) return;
      endpoint.handleUpgrade(request, socket, head);
    } else {
      socket.on("error", () => socket.destroy());
      refuseUpgrade(socket, 404);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#endpoints.map((e) => e.close()));
  }
}
