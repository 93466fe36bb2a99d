/**
 * @module
 * One platform's Pusher application: its key and secret, its channels, its live connections, and the
 * platform's plug-ins wrapped so that a throwing plug-in becomes a refusal, never a crash.
 */
import type { EventBus } from "../../core/events.ts";
import { Failure } from "../../core/failure.ts";
import { ChannelRegistry } from "./channels.ts";
import type { ChannelAuthorizer, ChannelDecision, ClientEventHandler, RealtimeContext } from "./hooks.ts";
import { signChannel, verifyChannelSignature } from "./signature.ts";

export interface RealtimeAppOptions {
  platform: string;
  /** Where the platform is mounted (`/claudenest`, or `""` at the root); clients connect to `{prefix}/app/{appKey}`. */
  prefix: string;
  appKey: string;
  appSecret: string;
  services: unknown;
  events: EventBus;
  authorize: ChannelAuthorizer | undefined;
  onClientEvent: ClientEventHandler | undefined;
  /** Whether `client-*` events are accepted at all. */
  clientEvents: boolean;
  /** Connections allowed per address and minute, when rate limits are on. */
  connectionsPerMinute: number | undefined;
  /** HTTP status of a platform error code (a thrown `Failure`). */
  statusOf(code: string): number;
  /** Channels one connection may subscribe to. @default 100 */
  maxSubscriptions?: number;
  /** Live connections one set of credentials (one identity) may hold subscriptions on. @default 20 */
  maxConnectionsPerIdentity?: number;
  onError(error: unknown): void;
}

/** What the app needs to know of a connection. */
export interface AppConnection {
  readonly socketId: string;
  /** Remembers who the auth endpoint authorized for a channel, for the subscribe that follows. */
  grant(channel: string, identity: unknown): void;
  /** Closes the connection when one of its subscriptions came from credentials `covers` names. */
  revokeIf(covers: (identity: unknown) => boolean, reason: string): boolean;
}

export type ClientEventOutcome = { relay: boolean } | { refused: number; message: string };

export class RealtimeApp {
  readonly platform: string;
  readonly prefix: string;
  readonly appKey: string;
  readonly clientEvents: boolean;
  readonly connectionsPerMinute: number | undefined;
  /** Channels one connection may subscribe to. */
  readonly maxSubscriptions: number;
  /** Live connections one identity may hold subscriptions on. */
  readonly maxConnectionsPerIdentity: number;
  /** The connections each identity (as JSON) holds subscriptions on. */
  readonly #byIdentity = new Map<string, Set<AppConnection>>();
  readonly channels: ChannelRegistry;
  readonly #options: RealtimeAppOptions;
  readonly #connections = new Map<string, AppConnection>();

  constructor(options: RealtimeAppOptions) {
    this.#options = options;
    this.platform = options.platform;
    this.prefix = options.prefix;
    this.appKey = options.appKey;
    this.clientEvents = options.clientEvents;
    this.connectionsPerMinute = options.connectionsPerMinute;
    this.maxSubscriptions = options.maxSubscriptions ?? 100;
    this.maxConnectionsPerIdentity = options.maxConnectionsPerIdentity ?? 20;
    this.channels = new ChannelRegistry(options.events);
  }

  sign(socketId: string, channel: string): string {
    return signChannel(this.appKey, this.#options.appSecret, socketId, channel);
  }

  verify(socketId: string, channel: string, auth: string): boolean {
    return verifyChannelSignature(this.appKey, this.#options.appSecret, socketId, channel, auth);
  }

  context(socketId: string | undefined, address: string): RealtimeContext {
    return { services: this.#options.services, platform: this.platform, socketId, address };
  }

  /** Asks the platform's authorizer; never throws. */
  async decide(
    token: string | undefined,
    channel: string,
    socketId: string | undefined,
    address: string,
  ): Promise<ChannelDecision> {
    const authorize = this.#options.authorize;
    if (!authorize) return { allow: false, status: 403, message: "Private channels are not enabled on this server." };
    try {
      const decision = await authorize(token, channel, this.context(socketId, address));
      if (decision?.allow === true) return decision;
      if (decision?.allow === false)
        return { allow: false, status: decision.status, message: decision.message ?? refusalMessage(decision.status) };
      throw new TypeError(`The channel authorizer answered ${String(decision)} instead of a decision`);
    } catch (error) {
      if (error instanceof Failure) {
        const status = this.#options.statusOf(error.code);
        return { allow: false, status, message: error.message === error.code ? refusalMessage(status) : error.message };
      }
      this.#options.onError(error);
      return { allow: false, status: 500, message: "The channel could not be authorized." };
    }
  }

  /** Runs the platform's client-event plug-in; never throws. */
  clientEvent(
    channel: string,
    event: string,
    data: unknown,
    identity: unknown,
    socketId: string,
    address: string,
  ): ClientEventOutcome {
    const handler = this.#options.onClientEvent;
    if (!handler) return { relay: true };
    try {
      return { relay: handler(channel, event, data, identity, this.context(socketId, address)) !== false };
    } catch (error) {
      if (error instanceof Failure) {
        const status = this.#options.statusOf(error.code);
        // 4009 is the protocol's "not authorized"; any other refusal is a generic error.
        return { refused: status === 401 || status === 403 ? 4009 : 4200, message: error.message };
      }
      this.#options.onError(error);
      return { refused: 4200, message: "The event could not be handled." };
    }
  }

  reportError(error: unknown): void {
    this.#options.onError(error);
  }

  /**
   * Counts `connection` against its identity's connections; false when the identity already holds the most it
   * may on other connections.
   */
  holdConnection(identity: unknown, connection: AppConnection): boolean {
    const key = JSON.stringify(identity);
    let held = this.#byIdentity.get(key);
    if (!held) {
      held = new Set();
      this.#byIdentity.set(key, held);
    }
    if (!held.has(connection) && held.size >= this.maxConnectionsPerIdentity) return false;
    held.add(connection);
    return true;
  }

  /** Forgets a closed connection in every identity's count. */
  releaseConnections(connection: AppConnection): void {
    for (const [key, held] of this.#byIdentity) {
      if (held.delete(connection) && held.size === 0) this.#byIdentity.delete(key);
    }
  }

  /** Closes every connection whose subscriptions `covers` names; answers how many. */
  revoke(covers: (identity: unknown) => boolean, reason: string): number {
    let closed = 0;
    for (const connection of [...this.#connections.values()]) if (connection.revokeIf(covers, reason)) closed++;
    return closed;
  }

  register(connection: AppConnection): void {
    this.#connections.set(connection.socketId, connection);
  }

  unregister(connection: AppConnection): void {
    if (this.#connections.get(connection.socketId) === connection) this.#connections.delete(connection.socketId);
  }

  connection(socketId: string): AppConnection | undefined {
    return this.#connections.get(socketId);
  }

  hasSocket(socketId: string): boolean {
    return this.#connections.has(socketId);
  }
}

function refusalMessage(status: number): string {
  return status === 401 ? "Unauthenticated." : "This token may not subscribe to this channel.";
}
