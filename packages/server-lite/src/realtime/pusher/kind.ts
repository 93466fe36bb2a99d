/**
 * @module
 * The Pusher protocol (Laravel Reverb) as a realtime kind: `pusherRealtime(hooks)` in a platform's `realtime`
 * list starts, per server, a Pusher app at `{prefix}/app/{appKey}` and its channel auth endpoint at
 * `{base}/broadcasting/auth` and `{prefix}/broadcasting/auth` (Laravel's own place, laravel-echo's default). `createServer({ realtime })` overrides the hooks (or adds the kind to a platform
 * that has none), for tests and benchmarks.
 */
import { randomBytes } from "node:crypto";
import type { RealtimeEndpoint, RealtimeKind, RealtimeStart } from "../../core/realtime.ts";
import { RealtimeApp } from "./app.ts";
import { mountAuthEndpoint } from "./auth-endpoint.ts";
import type { ChannelAuthorizer, ClientEventHandler, PlatformRealtime } from "./hooks.ts";
import { PusherServer } from "./pusher-server.ts";

/** Realtime settings of `createServer()`; they override the platform's own hooks. */
export interface RealtimeOptions {
  /** The app key clients connect with. @default the platform's, else `"{platform}-key"` */
  appKey?: string;
  /** The secret that signs channel authorizations. @default the platform's, else random per server */
  appSecret?: string;
  /** Who may subscribe to which private channel (replaces the platform's authorizer, e.g. in tests). */
  authorize?: ChannelAuthorizer;
  /** Receives client events before they are relayed (replaces the platform's handler). */
  onClientEvent?: ClientEventHandler;
  /**
   * Whether `client-*` events are accepted; refused ones get error 4301.
   * @default true
   */
  clientEvents?: boolean;
  /**
   * Seconds without traffic before the server pings a client; sent to clients in the handshake.
   * @default 30
   */
  activityTimeout?: number;
  /**
   * Seconds a pinged client has to answer before it is dropped with 4201.
   * @default 30
   */
  pongTimeout?: number;
}

/** Where a platform's Pusher app listens, for configuring a client. */
export interface RealtimeInfo {
  appKey: string;
  /** The path prefix before `/app/{appKey}` (pusher-js `wsPath`), `""` at the root. */
  wsPath: string;
  /** The path of the channel auth endpoint. */
  authEndpoint: string;
}

/** The Pusher kind of a platform, with the hooks it was made from (so server options can override them). */
export interface PusherKind<Services = unknown> extends RealtimeKind<Services> {
  readonly kind: "pusher";
  readonly hooks: Partial<PlatformRealtime<Services>>;
}

/** The Pusher protocol with a platform's hooks: its app key, who may subscribe, and its client events. */
export function pusherRealtime<Services>(
  hooks: Partial<PlatformRealtime<Services>>,
  options: RealtimeOptions = {},
): PusherKind<Services> {
  return {
    kind: "pusher",
    hooks,
    start(setup: RealtimeStart<Services>): RealtimeEndpoint {
      const server = new PusherServer({
        clock: setup.clock,
        rateLimiter: setup.rateLimiter,
        activityTimeout: positive(options.activityTimeout, 30),
        pongTimeout: positive(options.pongTimeout, 30),
        maxPayload: setup.maxPayload,
        onError: setup.onError,
      });
      const app = new RealtimeApp({
        platform: setup.platformId,
        prefix: setup.prefix,
        appKey: options.appKey ?? hooks.appKey ?? `${setup.platformId}-key`,
        appSecret: options.appSecret ?? hooks.appSecret ?? randomBytes(32).toString("hex"),
        services: setup.services,
        events: setup.events,
        authorize: (options.authorize ?? hooks.authorize) as ChannelAuthorizer | undefined,
        onClientEvent: (options.onClientEvent ?? hooks.onClientEvent) as ClientEventHandler | undefined,
        clientEvents: options.clientEvents ?? true,
        connectionsPerMinute: setup.connectionsPerMinute,
        statusOf: (code) => setup.envelope.statusOf(code),
        maxSubscriptions: setup.subscriptionsPerConnection,
        maxConnectionsPerIdentity: setup.connectionsPerIdentity,
        onError: setup.onError,
      });
      server.addApp(app);
      const stopListening = setup.revocations.listen((revocation) => {
        if (revocation.platformId === setup.platformId) app.revoke(revocation.covers, revocation.reason);
      });
      mountAuthEndpoint(setup.app, setup.base, app, setup.envelope, setup.failWith);
      // Laravel serves it at the origin's root, where laravel-echo posts by default (`/broadcasting/auth` on the
      // page's origin): a page built for a Laravel server finds it there too.
      if (setup.prefix !== setup.base) mountAuthEndpoint(setup.app, setup.prefix, app, setup.envelope, setup.failWith);
      const pattern = /^(.*)\/app\/[^/]+\/?$/;
      return {
        kind: "pusher",
        accepts: (path) => pattern.exec(path)?.[1] === setup.prefix,
        handleUpgrade: (request, socket, head) => server.handleUpgrade(request, socket, head),
        info: { appKey: app.appKey, wsPath: setup.prefix, authEndpoint: `${setup.base}/broadcasting/auth` },
        close: () => {
          stopListening();
          return server.close();
        },
      };
    },
  };
}

/**
 * A platform's realtime kinds with the server's Pusher options applied: they override the hooks of its Pusher
 * kind, or add one to a platform that has no realtime at all.
 */
export function withPusherOptions(
  kinds: readonly RealtimeKind[] | undefined,
  options: RealtimeOptions | undefined,
): readonly RealtimeKind[] {
  if (!options) return kinds ?? [];
  if (!kinds || kinds.length === 0) return [pusherRealtime({}, options)];
  return kinds.map((kind) => (kind.kind === "pusher" ? pusherRealtime((kind as PusherKind).hooks, options) : kind));
}

function positive(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError("realtime timeouts are positive numbers of seconds");
  return value;
}
