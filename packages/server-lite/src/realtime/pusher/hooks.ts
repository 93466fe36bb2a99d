/**
 * @module
 * What a platform plugs into the Pusher server: who may subscribe to a private channel, and what happens
 * with the client events sent on one. Everything else (the protocol, signatures, fan-out, keepalive, rate
 * limits) is generic.
 */

/** The answer to "may this token subscribe to this channel?". */
export type ChannelDecision =
  | {
      allow: true;
      /** Who subscribed, handed back with every client event this subscriber sends. */
      identity?: unknown;
    }
  | {
      allow: false;
      /** 401 when the token is missing or invalid, 403 when it may not read this channel. */
      status: number;
      message?: string;
    };

export interface RealtimeContext<Services = unknown> {
  /** The platform's services (store, clock, event bus). */
  services: Services;
  /** The platform id, e.g. `claudenest`. */
  platform: string;
  /** The connection asking, when known (the auth endpoint may sign for any socket id). */
  socketId: string | undefined;
  /** The remote address of the connection or request. */
  address: string;
}

/**
 * Decides whether a bearer token may subscribe to a private channel; called by the auth endpoint and for
 * inline credentials. Throwing a `Failure` refuses with that failure's status and message.
 */
export type ChannelAuthorizer<Services = unknown> = (
  token: string | undefined,
  channel: string,
  context: RealtimeContext<Services>,
) => ChannelDecision | Promise<ChannelDecision>;

/**
 * Receives a `client-*` event sent on a subscribed private channel before it is relayed to the channel's
 * other subscribers. Returning `false` keeps it from being relayed; throwing a `Failure` refuses it (the
 * sender gets a `pusher:error`).
 */
export type ClientEventHandler<Services = unknown> = (
  channel: string,
  event: string,
  data: unknown,
  identity: unknown,
  context: RealtimeContext<Services>,
) => void | boolean;

/** The realtime side of a platform definition. */
export interface PlatformRealtime<Services = unknown> {
  /** The app key clients connect with (`/app/{appKey}`). */
  appKey: string;
  /** The secret that signs channel authorizations. @default a random secret per server */
  appSecret?: string;
  authorize: ChannelAuthorizer<Services>;
  onClientEvent?: ClientEventHandler<Services>;
}
