/**
 * @module
 * Builds the Pusher server of a server-lite instance: one app per mounted platform that has realtime
 * hooks (or when the server options supply them), each with its auth endpoint.
 */
import { randomBytes } from "node:crypto";
import type { Hono } from "hono";
import type { Clock } from "../../core/clock.ts";
import type { EventBus } from "../../core/events.ts";
import type { MountedPlatform } from "../../core/implement.ts";
import type { AnyPlatform } from "../../core/platform.ts";
import type { RateLimiter } from "../../core/rate-limit.ts";
import { RealtimeApp } from "./app.ts";
import { mountAuthEndpoint } from "./auth-endpoint.ts";
import type { ChannelAuthorizer, ClientEventHandler } from "./hooks.ts";
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

export interface RealtimeSetup {
  app: Hono;
  platforms: ReadonlyArray<{ platform: AnyPlatform; mount: MountedPlatform; prefix: string; services: unknown }>;
  events: EventBus;
  clock: Clock;
  rateLimiter: RateLimiter | undefined;
  options: RealtimeOptions | undefined;
  maxPayload: number;
  onError(error: unknown): void;
}

/** The Pusher server always exists, so that upgrades of unknown paths are answered (404) even without apps. */
export function setupRealtime(setup: RealtimeSetup): { server: PusherServer; info: Record<string, RealtimeInfo> } {
  const options = setup.options ?? {};
  const info: Record<string, RealtimeInfo> = {};
  const server = new PusherServer({
    clock: setup.clock,
    rateLimiter: setup.rateLimiter,
    activityTimeout: positive(options.activityTimeout, 30),
    pongTimeout: positive(options.pongTimeout, 30),
    maxPayload: setup.maxPayload,
    onError: setup.onError,
  });
  for (const { platform, mount, prefix, services } of setup.platforms) {
    const hooks = platform.realtime;
    if (!hooks && !setup.options) continue;
    const realtime = new RealtimeApp({
      platform: platform.id,
      prefix,
      appKey: options.appKey ?? hooks?.appKey ?? `${platform.id}-key`,
      appSecret: options.appSecret ?? hooks?.appSecret ?? randomBytes(32).toString("hex"),
      services,
      events: setup.events,
      authorize: options.authorize ?? hooks?.authorize,
      onClientEvent: options.onClientEvent ?? hooks?.onClientEvent,
      clientEvents: options.clientEvents ?? true,
      connectionsPerMinute: platform.rateLimits.groups.websocket,
      statusOf: (code) => platform.envelope.statusOf(code),
      onError: setup.onError,
    });
    server.addApp(realtime);
    mountAuthEndpoint(setup.app, mount.base, realtime, platform.envelope, mount.failWith);
    info[platform.id] = { appKey: realtime.appKey, wsPath: prefix, authEndpoint: `${mount.base}/broadcasting/auth` };
  }
  return { server, info };
}

function positive(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError("realtime timeouts are positive numbers of seconds");
  return value;
}
