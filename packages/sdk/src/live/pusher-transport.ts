/**
 * @module
 * The Pusher protocol (Laravel Reverb, ClaudeNest) over partysocket's reconnecting WebSocket.
 *
 * - Reconnection delays are drawn here, with jitter, inside partysocket's URL provider (its own delays are
 *   set to zero): they can be cancelled by `close()`, which leaves no timer behind.
 * - Close codes 4000–4099 stop reconnecting; 4200–4299 reconnect at once; others back off.
 * - After every (re)connection every channel is subscribed again, private ones re-authorized (the socket id
 *   changed). Client events wait, in a bounded queue, for their channel's subscription.
 * - After `activity_timeout` without traffic the client pings; without an answer it reconnects.
 */
import { EventEmitter } from "eventemitter3";
import type { TokenSource } from "../core/options.ts";
import { Backoff, type BackoffOptions, sleep } from "./backoff.ts";
import { LiveError, LiveRefusedError, LiveSubscriptionError } from "./errors.ts";
import {
  decodeFrame,
  encodeFrame,
  isPrivateChannel,
  isReconnectNowCode,
  isRefusalCode,
  pusherUrl,
} from "./pusher-frames.ts";
import { type ReconnectingSocket, reconnectingSocket } from "./reconnecting-socket.ts";
import type { ChannelHandlers, LiveTransport, TransportStatus } from "./transport.ts";

/** Where a Pusher-protocol server listens, its app key, and how private channels are authorized. */
export interface PusherTransportOptions {
  /**
   * Where the Pusher server listens, with any path prefix before `/app/{appKey}`; `http(s)` becomes `ws(s)`.
   * @example "ws://127.0.0.1:8080"
   * @example "http://localhost:3000/claudenest"
   */
  url: string;
  /** The Pusher app key. */
  appKey: string;
  /**
   * Signs a private channel for a socket (the standard flow, usually through the auth endpoint: see
   * `pusherAuthEndpoint`); answers `"<appKey>:<signature>"`.
   */
  authorize?: (socketId: string, channel: string) => Promise<string>;
  /**
   * A bearer token sent inline in each private subscription (`auth: {headers: {Authorization}}`, as the
   * ClaudeNest document shows), used when `authorize` is not given.
   */
  token?: TokenSource;
  /**
   * The WebSocket class (the `ws` package, or Node's global `WebSocket` on Node 22+).
   * @default globalThis.WebSocket
   */
  WebSocket?: unknown;
  /** Reconnection delays. */
  backoff?: BackoffOptions;
  /**
   * Milliseconds without traffic before the client pings; the server's `activity_timeout` wins when shorter.
   * @default 120000
   */
  activityTimeout?: number;
  /**
   * Milliseconds to wait for an answer to a ping before reconnecting.
   * @default 30000
   */
  pongTimeout?: number;
  /**
   * Milliseconds allowed for a connection attempt.
   * @default 10000
   */
  connectionTimeout?: number;
  /**
   * Client events kept while their channel is not (yet) subscribed; more are dropped.
   * @default 100
   */
  maxQueuedEvents?: number;
}

/** What a {@link PusherTransport} emits. */
export interface PusherTransportEvents {
  /** The connection's status changed. */
  status: (status: TransportStatus) => void;
  /** A connection was established; its socket id. */
  connected: (socketId: string) => void;
  /** A `pusher:error` frame, an unreadable frame, or the refusal that closed the transport. */
  error: (error: Error) => void;
}

/** What `trigger()` did with a client event. */
export type TriggerResult = "sent" | "queued" | "dropped";

interface ChannelState {
  handlers: Set<ChannelHandlers>;
  subscribed: boolean;
  queue: string[];
}

/**
 * One reconnecting Pusher-protocol connection shared by any number of channel subscriptions; resubscribes after
 * every reconnection.
 */
export class PusherTransport extends EventEmitter<PusherTransportEvents> implements LiveTransport {
  readonly #options: PusherTransportOptions;
  readonly #socket: ReconnectingSocket;
  readonly #backoff: Backoff;
  readonly #abort = new AbortController();
  readonly #channels = new Map<string, ChannelState>();
  #status: TransportStatus = "connecting";
  #socketId: string | undefined;
  #closeError: Error | undefined;
  #closed = false;
  #attempts = 0;
  #lastCloseCode: number | undefined;
  #establishedAt: number | undefined;
  #queued = 0;
  #lastActivity = 0;
  #activityTimeout = 0;
  #awaitingPong = false;
  #activityTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: PusherTransportOptions) {
    super();
    this.#options = options;
    const url = pusherUrl(options.url, options.appKey);
    const WebSocketClass = options.WebSocket ?? (globalThis as { WebSocket?: unknown }).WebSocket;
    if (typeof WebSocketClass !== "function")
      throw new TypeError("No WebSocket class: pass `WebSocket` (the `ws` package, or a global WebSocket)");
    this.#backoff = new Backoff(options.backoff);
    this.#socket = reconnectingSocket(() => this.#nextUrl(url), {
      WebSocket: WebSocketClass,
      // Delays are drawn by #nextUrl, with jitter and cancellable; partysocket's would be neither.
      minReconnectionDelay: 0,
      maxReconnectionDelay: 0,
      connectionTimeout: options.connectionTimeout ?? 10_000,
      // Frames are never queued by the socket: subscriptions are replayed and client events queued here.
      maxEnqueuedMessages: 0,
      shouldReconnectOnClose: (event) => !this.#closed && !isRefusalCode(event.code),
    });
    this.#socket.addEventListener("message", (event) => this.#onMessage(event.data));
    this.#socket.addEventListener("close", (event) => this.#onClose(event.code, event.reason));
  }

  /** Where the connection is: `connecting`, `open`, `reconnecting` or `closed`. */
  get status(): TransportStatus {
    return this.#status;
  }

  /** The current connection's socket id, while connected. */
  get socketId(): string | undefined {
    return this.#socketId;
  }

  get closeError(): Error | undefined {
    return this.#closeError;
  }

  subscribe(channel: string, handlers: ChannelHandlers): () => void {
    if (this.#closed) throw new LiveError("This transport is closed.");
    let state = this.#channels.get(channel);
    if (!state) {
      state = { handlers: new Set(), subscribed: false, queue: [] };
      this.#channels.set(channel, state);
      if (this.#socketId) void this.#subscribeOnServer(channel, this.#socketId);
    } else if (state.subscribed) {
      const joined = state;
      queueMicrotask(() => {
        if (joined.handlers.has(handlers) && joined.subscribed) handlers.subscribed?.();
      });
    }
    state.handlers.add(handlers);
    const owner = state;
    return () => {
      if (!owner.handlers.delete(handlers) || owner.handlers.size > 0) return;
      if (this.#channels.get(channel) !== owner) return;
      this.#channels.delete(channel);
      this.#queued -= owner.queue.length;
      // Also while the subscription is pending, so the server drops it (or abandons its authorization).
      if (this.#socketId) this.#send("pusher:unsubscribe", { channel });
    };
  }

  /**
   * Sends a client event (`client-*`) on a subscribed private channel; the server relays it to the other
   * subscribers. While the channel is not subscribed (reconnecting), the event waits in a bounded queue.
   */
  trigger(channel: string, event: string, data: unknown): TriggerResult {
    if (!event.startsWith("client-")) throw new TypeError(`Client events start with "client-": ${event}`);
    if (!isPrivateChannel(channel)) throw new TypeError(`Client events are sent on private channels, not ${channel}`);
    const state = this.#channels.get(channel);
    if (!state) throw new LiveError(`Subscribe to ${channel} before sending events on it.`);
    const frame = encodeFrame(event, data, channel);
    if (state.subscribed && this.#socket.send(frame)) return "sent";
    if (this.#queued >= (this.#options.maxQueuedEvents ?? 100)) return "dropped";
    state.queue.push(frame);
    this.#queued++;
    return "queued";
  }

  /** Closes the connection for good; no socket or timer is left behind. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#abort.abort();
    this.#stopActivityCheck();
    this.#socket.close(1000, "Closed by the client");
    this.#socketId = undefined;
    this.#channels.clear();
    this.#queued = 0;
    this.#setStatus("closed");
  }

  async #nextUrl(url: string): Promise<string> {
    if (this.#attempts++ > 0) {
      const code = this.#lastCloseCode;
      await sleep(code !== undefined && isReconnectNowCode(code) ? 0 : this.#backoff.next(), this.#abort.signal);
    }
    return url;
  }

  #onMessage(raw: unknown): void {
    this.#lastActivity = Date.now();
    this.#awaitingPong = false;
    const frame = decodeFrame(raw);
    if (!frame) {
      this.emit("error", new LiveError("The server sent a frame that is not a Pusher frame."));
      return;
    }
    const { event, channel, data } = frame;
    switch (event) {
      case "pusher:connection_established":
        this.#established(data);
        return;
      case "pusher:error": {
        const { code, message } = (data ?? {}) as { code?: unknown; message?: unknown };
        const text = typeof message === "string" ? message : "The server reported an error.";
        this.emit("error", new LiveError(text, typeof code === "number" ? { code } : undefined));
        return;
      }
      case "pusher:ping":
        this.#send("pusher:pong", {});
        return;
      case "pusher:pong":
        return;
    }
    if (channel === undefined) return;
    const state = this.#channels.get(channel);
    if (!state) return;
    if (event === "pusher_internal:subscription_succeeded") {
      state.subscribed = true;
      for (const queued of state.queue.splice(0)) {
        this.#queued--;
        this.#socket.send(queued);
      }
      for (const handlers of [...state.handlers]) handlers.subscribed?.();
    } else if (event === "pusher:subscription_error") {
      const { error, status } = (data ?? {}) as { error?: unknown; status?: unknown };
      this.#refuse(channel, typeof error === "string" ? error : "refused by the server", status);
    } else if (!event.startsWith("pusher_internal:")) {
      for (const handlers of [...state.handlers]) handlers.event(event, data);
    }
  }

  #established(data: unknown): void {
    const { socket_id: socketId, activity_timeout: seconds } = (data ?? {}) as {
      socket_id?: unknown;
      activity_timeout?: unknown;
    };
    if (typeof socketId !== "string") {
      this.emit("error", new LiveError("The handshake carried no socket id."));
      return;
    }
    this.#socketId = socketId;
    this.#establishedAt = Date.now();
    const server = typeof seconds === "number" && seconds > 0 ? seconds * 1000 : Number.POSITIVE_INFINITY;
    this.#activityTimeout = Math.min(server, this.#options.activityTimeout ?? 120_000);
    this.#scheduleActivityCheck(this.#activityTimeout);
    this.#setStatus("connected");
    this.emit("connected", socketId);
    for (const channel of this.#channels.keys()) void this.#subscribeOnServer(channel, socketId);
  }

  async #subscribeOnServer(channel: string, socketId: string): Promise<void> {
    let auth: unknown;
    if (isPrivateChannel(channel)) {
      try {
        auth = await this.#authFor(socketId, channel);
      } catch (error) {
        if (this.#socketId !== socketId || !this.#channels.has(channel)) return;
        const status = (error as { status?: unknown }).status;
        this.#refuse(channel, error instanceof Error ? error.message : String(error), status, error);
        return;
      }
      // The connection changed while authorizing: the new one subscribes with its own socket id.
      if (this.#socketId !== socketId || !this.#channels.has(channel)) return;
    }
    this.#send("pusher:subscribe", auth === undefined ? { channel } : { channel, auth });
  }

  async #authFor(socketId: string, channel: string): Promise<unknown> {
    const { authorize, token } = this.#options;
    if (authorize) return authorize(socketId, channel);
    const value = typeof token === "function" ? await token() : token;
    if (!value) throw new LiveSubscriptionError(channel, "a private channel needs `authorize` or `token`");
    return { headers: { Authorization: `Bearer ${value}` } };
  }

  #refuse(channel: string, message: string, status: unknown, cause?: unknown): void {
    const error =
      cause instanceof LiveSubscriptionError
        ? cause
        : new LiveSubscriptionError(channel, message, {
            status: typeof status === "number" ? status : undefined,
            ...(cause === undefined ? {} : { cause }),
          });
    for (const handlers of [...(this.#channels.get(channel)?.handlers ?? [])]) handlers.error?.(error);
  }

  #onClose(code: number, reason: string): void {
    this.#stopActivityCheck();
    this.#socketId = undefined;
    this.#lastCloseCode = code;
    for (const state of this.#channels.values()) state.subscribed = false;
    if (this.#establishedAt !== undefined && Date.now() - this.#establishedAt >= this.#backoff.minUptime)
      this.#backoff.reset();
    this.#establishedAt = undefined;
    if (this.#closed) return;
    if (isRefusalCode(code)) {
      this.#closed = true;
      this.#abort.abort();
      this.#closeError = new LiveRefusedError(code, reason);
      this.#socket.close();
      this.emit("error", this.#closeError);
      this.#setStatus("closed");
      return;
    }
    if (this.#status === "connected") this.#setStatus("reconnecting");
  }

  #send(event: string, data: unknown): void {
    this.#socket.send(encodeFrame(event, data));
  }

  #scheduleActivityCheck(delay: number): void {
    clearTimeout(this.#activityTimer);
    this.#activityTimer = setTimeout(() => this.#checkActivity(), delay);
  }

  #stopActivityCheck(): void {
    clearTimeout(this.#activityTimer);
    this.#activityTimer = undefined;
    this.#awaitingPong = false;
  }

  #checkActivity(): void {
    if (this.#socketId === undefined) return;
    if (this.#awaitingPong) {
      // No answer to the ping: the connection is dead without having said so.
      this.#socket.reconnect(4201, "Pong reply not received");
      return;
    }
    const idle = Date.now() - this.#lastActivity;
    if (idle < this.#activityTimeout) {
      this.#scheduleActivityCheck(this.#activityTimeout - idle);
      return;
    }
    this.#awaitingPong = true;
    this.#send("pusher:ping", {});
    this.#scheduleActivityCheck(this.#options.pongTimeout ?? 30_000);
  }

  #setStatus(status: TransportStatus): void {
    if (this.#status === status) return;
    this.#status = status;
    this.emit("status", status);
  }
}
