/**
 * @module
 * One client connection: the handshake, keepalive bookkeeping, subscriptions and client events. A frame
 * that cannot be understood is answered with a `pusher:error` and never ends the connection or the server.
 */
import type { RawData, WebSocket } from "ws";
import type { AppConnection, RealtimeApp } from "./app.ts";
import type { ChannelMember } from "./channels.ts";
import {
  errorFrame,
  isPrivateChannel,
  isValidChannelName,
  PusherCode,
  parseClientFrame,
  serverFrame,
} from "./protocol.ts";

/** Identities the auth endpoint granted, kept until the subscribe arrives; bounded per connection. */
const MAX_GRANTS = 64;
/** Bytes queued for a client that does not read; beyond it the client is dropped (4100: back off, then resync). */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export class PusherConnection implements AppConnection, ChannelMember {
  readonly socketId: string;
  readonly address: string;
  /** Server clock time of the last frame received. */
  lastSeen: number;
  /** Server clock time of the ping sent to an idle client, until it answers. */
  pingedAt: number | undefined;

  readonly #ws: WebSocket;
  readonly #app: RealtimeApp;
  readonly #now: () => number;
  readonly #subscriptions = new Map<string, { identity: unknown }>();
  /** The latest subscribe or unsubscribe of each channel, so a slow authorization cannot undo a later one. */
  readonly #intent = new Map<string, number>();
  readonly #grants = new Map<string, unknown>();
  #sequence = 0;
  #closed = false;

  constructor(ws: WebSocket, app: RealtimeApp, socketId: string, address: string, now: () => number) {
    this.#ws = ws;
    this.#app = app;
    this.socketId = socketId;
    this.address = address;
    this.#now = now;
    this.lastSeen = now();
  }

  get closed(): boolean {
    return this.#closed;
  }

  send(frame: string): void {
    if (this.#closed || this.#ws.readyState !== this.#ws.OPEN) return;
    if (this.#ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(PusherCode.overCapacity, "Client is not reading its events");
      return;
    }
    this.#ws.send(frame);
  }

  /** Sends the handshake: `activity_timeout` in seconds. */
  establish(activityTimeout: number): void {
    this.send(
      serverFrame("pusher:connection_established", { socket_id: this.socketId, activity_timeout: activityTimeout }),
    );
  }

  /** Any traffic proves the client alive. */
  touch(): void {
    this.lastSeen = this.#now();
    this.pingedAt = undefined;
  }

  ping(): void {
    this.pingedAt = this.#now();
    this.send(serverFrame("pusher:ping", {}));
  }

  grant(channel: string, identity: unknown): void {
    this.#grants.delete(channel);
    this.#grants.set(channel, identity);
    if (this.#grants.size > MAX_GRANTS) this.#grants.delete(this.#grants.keys().next().value!);
  }

  isSubscribed(channel: string): boolean {
    return this.#subscriptions.has(channel);
  }

  receive(raw: RawData, isBinary: boolean): void {
    this.touch();
    if (isBinary) {
      this.send(errorFrame(PusherCode.genericReconnect, "Invalid message format: frames must be text."));
      return;
    }
    const frame = parseClientFrame(textOf(raw));
    if (typeof frame === "string") {
      this.send(errorFrame(PusherCode.genericReconnect, frame));
      return;
    }
    switch (frame.event) {
      case "pusher:ping":
        this.send(serverFrame("pusher:pong", {}));
        return;
      case "pusher:pong":
        return;
      case "pusher:subscribe":
        this.#subscribe(frame.data).catch((error: unknown) => this.#fail(error));
        return;
      case "pusher:unsubscribe":
        this.#unsubscribe(frame.data);
        return;
    }
    if (frame.event.startsWith("client-")) {
      this.#clientEvent(frame.event, frame.channel, frame.data);
      return;
    }
    this.send(
      errorFrame(
        PusherCode.genericReconnect,
        `Unknown event '${frame.event}': clients may send pusher:ping, pusher:pong, pusher:subscribe, pusher:unsubscribe and client-* events.`,
      ),
    );
  }

  /**
   * Closes the connection when any of its subscriptions was authorized by credentials that `covers` names:
   * `pusher:error` 4009, then the socket closes with 4009, which tells a Pusher client not to reconnect.
   */
  revokeIf(covers: (identity: unknown) => boolean, reason: string): boolean {
    if (this.#closed) return false;
    const identities = [...[...this.#subscriptions.values()].map((s) => s.identity), ...this.#grants.values()];
    if (!identities.some((identity) => identity !== undefined && covers(identity))) return false;
    if (this.#ws.readyState === this.#ws.OPEN) this.#ws.send(errorFrame(PusherCode.unauthorized, reason));
    this.close(PusherCode.unauthorized, reason);
    return true;
  }

  /** Leaves every channel; called once the socket is gone. */
  dispose(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const channel of this.#subscriptions.keys()) this.#app.channels.leave(channel, this);
    this.#subscriptions.clear();
    this.#intent.clear();
    this.#grants.clear();
    this.#app.releaseConnections(this);
    this.#app.unregister(this);
  }

  close(code: number, reason: string): void {
    if (this.#ws.readyState === this.#ws.OPEN || this.#ws.readyState === this.#ws.CONNECTING)
      this.#ws.close(code, reason);
    this.dispose();
  }

  async #subscribe(data: unknown): Promise<void> {
    const channel = channelOf(data);
    if (channel === undefined) {
      this.send(errorFrame(PusherCode.genericReconnect, "pusher:subscribe needs `data.channel`, a string."));
      return;
    }
    const sequence = ++this.#sequence;
    this.#intent.set(channel, sequence);
    if (!isValidChannelName(channel)) {
      return this.#refuse(
        channel,
        400,
        "InvalidChannel",
        "Channel names are 1-164 characters from [-a-zA-Z0-9_=@,.;].",
      );
    }
    if (channel.startsWith("presence-")) {
      return this.#refuse(channel, 400, "InvalidChannel", "Presence channels are not supported by this server.");
    }
    if (!this.#subscriptions.has(channel) && this.#subscriptions.size >= this.#app.maxSubscriptions) {
      return this.#refuse(
        channel,
        429,
        "LimitReached",
        `A connection may subscribe to at most ${this.#app.maxSubscriptions} channels; open another connection.`,
      );
    }
    let identity: unknown;
    if (isPrivateChannel(channel)) {
      const auth = (data as { auth?: unknown }).auth;
      if (typeof auth === "string") {
        if (!this.#app.verify(this.socketId, channel, auth))
          return this.#refuse(
            channel,
            401,
            "AuthError",
            "Invalid signature: sign socket_id:channel with the app secret.",
          );
        identity = this.#grants.get(channel);
        this.#grants.delete(channel);
      } else {
        const token = inlineToken(auth);
        if (token === undefined)
          return this.#refuse(
            channel,
            401,
            "AuthError",
            "Private channels need `auth`: a signature from the auth endpoint, `{headers: {Authorization: 'Bearer ...'}}` or `{token}`.",
          );
        const decision = await this.#app.decide(token, channel, this.socketId, this.address);
        if (this.#closed || this.#intent.get(channel) !== sequence) return;
        if (!decision.allow) return this.#refuse(channel, decision.status, "AuthError", decision.message ?? "Refused.");
        identity = decision.identity;
      }
    }
    this.#intent.delete(channel);
    if (identity !== undefined && !this.#app.holdConnection(identity, this))
      return this.#refuse(
        channel,
        429,
        "LimitReached",
        `These credentials hold at most ${this.#app.maxConnectionsPerIdentity} live connections; close one first.`,
      );
    if (!this.#subscriptions.has(channel)) this.#app.channels.join(channel, this);
    this.#subscriptions.set(channel, { identity });
    this.send(serverFrame("pusher_internal:subscription_succeeded", {}, channel));
  }

  #refuse(channel: string, status: number, type: string, error: string): void {
    this.#intent.delete(channel);
    this.send(serverFrame("pusher:subscription_error", { type, error, status }, channel));
  }

  #unsubscribe(data: unknown): void {
    const channel = channelOf(data);
    if (channel === undefined) {
      this.send(errorFrame(PusherCode.genericReconnect, "pusher:unsubscribe needs `data.channel`, a string."));
      return;
    }
    // A subscription still being authorized is abandoned: its sequence no longer matches.
    this.#intent.delete(channel);
    if (this.#subscriptions.delete(channel)) this.#app.channels.leave(channel, this);
  }

  #clientEvent(event: string, channel: string | undefined, data: unknown): void {
    if (!this.#app.clientEvents) {
      this.send(errorFrame(PusherCode.clientEventRejected, "The app does not have client messaging enabled."));
      return;
    }
    const subscription = channel === undefined ? undefined : this.#subscriptions.get(channel);
    if (channel === undefined || !isPrivateChannel(channel) || !subscription) {
      this.send(
        errorFrame(
          PusherCode.unauthorized,
          "Client events are accepted only on a private channel this connection is subscribed to.",
        ),
      );
      return;
    }
    const outcome = this.#app.clientEvent(channel, event, data, subscription.identity, this.socketId, this.address);
    if ("refused" in outcome) {
      this.send(errorFrame(outcome.refused, outcome.message));
      return;
    }
    if (outcome.relay) this.#app.channels.relay(channel, serverFrame(event, data, channel), this);
  }

  #fail(error: unknown): void {
    this.send(errorFrame(PusherCode.genericReconnect, "The frame could not be handled."));
    this.#app.reportError(error);
  }
}

function channelOf(data: unknown): string | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const channel = (data as { channel?: unknown }).channel;
  return typeof channel === "string" ? channel : undefined;
}

/** The token of inline credentials: `{headers: {Authorization: "Bearer x"}}` (§13.2) or `{token: "x"}` (§13.4). */
function inlineToken(auth: unknown): string | undefined {
  if (typeof auth !== "object" || auth === null) return undefined;
  const { token, headers } = auth as { token?: unknown; headers?: unknown };
  if (typeof token === "string" && token !== "") return token;
  if (typeof headers !== "object" || headers === null) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== "authorization" || typeof value !== "string") continue;
    const match = /^Bearer\s+(.+)$/i.exec(value.trim());
    return match?.[1]?.trim();
  }
  return undefined;
}

function textOf(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString("utf8");
  return Buffer.isBuffer(raw) ? raw.toString("utf8") : Buffer.from(raw).toString("utf8");
}
