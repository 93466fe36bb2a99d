/**
 * @module
 * A subscribe-over-WebSocket protocol (CoordinAItor's `/ws` and many others): the client sends
 * `{type: "subscribe", channel, filters}`, the server sends events as `{type: "<event>", channel?, data}`,
 * acknowledges with `{type: "subscribed", channel}` and reports `{type: "error", channel?, message, code?}`.
 *
 * Like the Pusher transport it reconnects (partysocket, with jittered backoff drawn here so that `close()` leaves
 * no timer), subscribes every channel again after a reconnection, and stops for good on close codes 4000–4099
 * (a refusal: a bad or revoked token). Credentials go in the URL's query (`?token=`), since browsers cannot set
 * headers on a WebSocket; Node clients may send headers too through their `WebSocket` class.
 *
 * Servers that never acknowledge a subscription are supported: with `ack: false` a channel counts as subscribed
 * once its frame is sent.
 */
import { EventEmitter } from "eventemitter3";
import type { BackoffOptions } from "./backoff.ts";
import { BackoffSocket } from "./backoff-socket.ts";
import { LiveError, type LiveRefusedError, LiveSubscriptionError } from "./errors.ts";
import type { ChannelHandlers, LiveTransport, TransportStatus } from "./transport.ts";

/** A frame the server sent, as the transport reads it. */
export type WsIncoming =
  | { kind: "event"; event: string; channel: string | undefined; data: unknown }
  | { kind: "subscribed"; channel: string }
  | { kind: "error"; channel: string | undefined; message: string; code: number | string | undefined }
  | { kind: "ignore" };

/** Options of a {@link WsSubscribeTransport}. */
export interface WsSubscribeTransportOptions {
  /**
   * The WebSocket URL; `http(s)` becomes `ws(s)`.
   * @example "ws://localhost:3000/ws"
   */
  url: string;
  /**
   * Query parameters added to the URL at every (re)connection: the credential, read fresh each time.
   * @example async () => ({ token: await currentAccessToken() })
   */
  query?: () => Record<string, string | undefined> | Promise<Record<string, string | undefined>>;
  /**
   * The WebSocket class (the `ws` package, or the global one on Node 22+ and in browsers).
   * @default globalThis.WebSocket
   */
  WebSocket?: unknown;
  /** Reconnection delays. */
  backoff?: BackoffOptions;
  /**
   * Wait for the server's `{type: "subscribed"}` before a channel counts as subscribed.
   * @default true
   */
  ack?: boolean;
  /**
   * The subscribe frame for a channel.
   * @default (channel, filters) => ({ type: "subscribe", channel, filters })
   */
  subscribeFrame?: (channel: string, filters: Record<string, unknown> | undefined) => unknown;
  /**
   * The unsubscribe frame for a channel.
   * @default (channel) => ({ type: "unsubscribe", channel })
   */
  unsubscribeFrame?: (channel: string) => unknown;
  /** Reads a frame the server sent. @default {@link readWsFrame} */
  read?: (frame: unknown) => WsIncoming;
  /** Milliseconds allowed for a connection attempt. @default 10000 */
  connectionTimeout?: number;
}

/** The default reading of a server frame: `{type, channel?, data}`, `subscribed` and `error` frames. */
export function readWsFrame(frame: unknown): WsIncoming {
  if (typeof frame !== "object" || frame === null) return { kind: "ignore" };
  const { type, channel, data, message, code } = frame as Record<string, unknown>;
  const name = typeof channel === "string" ? channel : undefined;
  if (type === "subscribed" && name) return { kind: "subscribed", channel: name };
  if (type === "error")
    return {
      kind: "error",
      channel: name,
      message: typeof message === "string" ? message : "The server reported an error.",
      code: typeof code === "number" || typeof code === "string" ? code : undefined,
    };
  if (type === "pong" || type === "unsubscribed" || type === "connected") return { kind: "ignore" };
  return typeof type === "string" ? { kind: "event", event: type, channel: name, data } : { kind: "ignore" };
}

interface Subscription {
  handlers: Set<ChannelHandlers>;
  filters: Record<string, unknown> | undefined;
  subscribed: boolean;
}

/** What a {@link WsSubscribeTransport} emits. */
export interface WsSubscribeTransportEvents {
  /** The connection's status changed. */
  status: (status: TransportStatus) => void;
  /** A subscription failed or was refused. */
  error: (error: Error) => void;
}

/** One reconnecting WebSocket carrying any number of channel subscriptions. */
export class WsSubscribeTransport extends EventEmitter<WsSubscribeTransportEvents> implements LiveTransport {
  readonly #options: WsSubscribeTransportOptions;
  readonly #socket: BackoffSocket;
  readonly #channels = new Map<string, Subscription>();
  readonly #read: (frame: unknown) => WsIncoming;
  #status: TransportStatus = "connecting";
  #open = false;
  #closed = false;
  #closeError: Error | undefined;

  constructor(options: WsSubscribeTransportOptions) {
    super();
    this.#options = options;
    this.#read = options.read ?? readWsFrame;
    const WebSocketClass = options.WebSocket ?? (globalThis as { WebSocket?: unknown }).WebSocket;
    if (typeof WebSocketClass !== "function")
      throw new TypeError("No WebSocket class: pass `WebSocket` (the `ws` package, or a global WebSocket)");
    this.#socket = new BackoffSocket({
      url: () => this.#url(),
      WebSocket: WebSocketClass,
      backoff: options.backoff,
      connectionTimeout: options.connectionTimeout,
      onOpen: () => this.#onOpen(),
      onMessage: (data) => this.#onMessage(data),
      onClose: (_code, _reason, refused) => this.#onClose(refused),
    });
  }

  /** Where the connection is: `connecting`, `open`, `reconnecting` or `closed`. */
  get status(): TransportStatus {
    return this.#status;
  }

  get closeError(): Error | undefined {
    return this.#closeError;
  }

  /** Subscribes to a channel, with the filters the server applies to its events. */
  subscribe(channel: string, handlers: ChannelHandlers, filters?: Record<string, unknown>): () => void {
    if (this.#closed) throw new LiveError("This transport is closed.");
    let sub = this.#channels.get(channel);
    if (!sub) {
      sub = { handlers: new Set(), filters, subscribed: false };
      this.#channels.set(channel, sub);
      if (this.#open) this.#subscribeOnServer(channel, sub);
    } else if (sub.subscribed) {
      const joined = sub;
      queueMicrotask(() => {
        if (joined.handlers.has(handlers) && joined.subscribed) handlers.subscribed?.();
      });
    }
    sub.handlers.add(handlers);
    const owner = sub;
    return () => {
      if (!owner.handlers.delete(handlers) || owner.handlers.size > 0) return;
      if (this.#channels.get(channel) !== owner) return;
      this.#channels.delete(channel);
      if (this.#open)
        this.#send((this.#options.unsubscribeFrame ?? ((c) => ({ type: "unsubscribe", channel: c })))(channel));
    };
  }

  /** Sends a frame of the caller's own (a ping, a command) on the current connection; false when not connected. */
  send(frame: unknown): boolean {
    return this.#open && this.#send(frame);
  }

  /** Closes the connection for good; no socket or timer is left behind. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#socket.close(1000, "Closed by the client");
    this.#open = false;
    this.#channels.clear();
    this.#setStatus("closed");
  }

  async #url(): Promise<string> {
    const url = new URL(this.#options.url.replace(/^http/, "ws"));
    const query = (await this.#options.query?.()) ?? {};
    for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
    return url.href;
  }

  #onOpen(): void {
    this.#open = true;
    this.#setStatus("connected");
    for (const [channel, sub] of this.#channels) this.#subscribeOnServer(channel, sub);
  }

  #subscribeOnServer(channel: string, sub: Subscription): void {
    const frame = (this.#options.subscribeFrame ?? ((c, f) => ({ type: "subscribe", channel: c, filters: f })))(
      channel,
      sub.filters,
    );
    this.#send(frame);
    if (this.#options.ack === false) this.#subscribed(sub);
  }

  #subscribed(sub: Subscription): void {
    sub.subscribed = true;
    for (const handlers of [...sub.handlers]) handlers.subscribed?.();
  }

  #onMessage(raw: unknown): void {
    let frame: unknown;
    try {
      frame = JSON.parse(String(raw));
    } catch {
      this.emit("error", new LiveError("The server sent a frame that is not JSON."));
      return;
    }
    const incoming = this.#read(frame);
    switch (incoming.kind) {
      case "subscribed": {
        const sub = this.#channels.get(incoming.channel);
        if (sub && !sub.subscribed) this.#subscribed(sub);
        return;
      }
      case "error": {
        const sub = incoming.channel === undefined ? undefined : this.#channels.get(incoming.channel);
        if (!sub) {
          this.emit("error", new LiveError(incoming.message));
          return;
        }
        const status = typeof incoming.code === "number" ? incoming.code : undefined;
        const error = new LiveSubscriptionError(incoming.channel!, incoming.message, { status });
        for (const handlers of [...sub.handlers]) handlers.error?.(error);
        return;
      }
      case "event": {
        // An event that names no channel goes to every subscription: such servers send one stream per socket.
        const targets =
          incoming.channel === undefined ? [...this.#channels.values()] : [this.#channels.get(incoming.channel)];
        for (const sub of targets)
          if (sub) for (const handlers of [...sub.handlers]) handlers.event(incoming.event, incoming.data);
        return;
      }
    }
  }

  #onClose(refused: LiveRefusedError | undefined): void {
    this.#open = false;
    for (const sub of this.#channels.values()) sub.subscribed = false;
    if (this.#closed) return;
    if (refused) {
      this.#closed = true;
      this.#closeError = refused;
      this.emit("error", refused);
      this.#setStatus("closed");
      return;
    }
    if (this.#status === "connected") this.#setStatus("reconnecting");
  }

  #send(frame: unknown): boolean {
    return this.#socket.send(JSON.stringify(frame));
  }

  #setStatus(status: TransportStatus): void {
    if (this.#status === status) return;
    this.#status = status;
    this.emit("status", status);
  }
}
