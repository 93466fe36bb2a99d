/**
 * @module
 * A reconnecting WebSocket with the SDK's reconnection rules, for transports that keep one socket: each new
 * connection waits a jittered, growing delay (`Backoff`, drawn here and cancellable, so that `close()` leaves no
 * timer; partysocket's own delays would be neither), the delays start over after a connection that lasted
 * `minUptime`, and a close code 4000–4099 is a refusal that ends reconnection for good. The owner keeps its
 * protocol state and status; this keeps the connection.
 */
import { Backoff, type BackoffOptions, sleep } from "./backoff.ts";
import { LiveRefusedError } from "./errors.ts";
import { type ReconnectingSocket, reconnectingSocket } from "./reconnecting-socket.ts";

/** Whether a close code means "do not reconnect". */
export const isRefusalCode = (code: number): boolean => code >= 4000 && code < 4100;

/** Options of a {@link BackoffSocket}. */
export interface BackoffSocketOptions {
  /** The URL of each connection, read after its delay (so a credential in it is fresh). */
  url: () => string | Promise<string>;
  /** The WebSocket class. */
  WebSocket: unknown;
  /** Reconnection delays. */
  backoff?: BackoffOptions | undefined;
  /** Milliseconds allowed for a connection attempt. @default 10000 */
  connectionTimeout?: number | undefined;
  onOpen(): void;
  onMessage(data: unknown): void;
  /**
   * A connection closed. `refused` when the server refused it (4000–4099): the socket is then closed for good;
   * not called after the owner's own `close()`.
   */
  onClose(code: number, reason: string, refused: LiveRefusedError | undefined): void;
}

/** One reconnecting WebSocket; see the module comment. */
export class BackoffSocket {
  readonly #options: BackoffSocketOptions;
  readonly #socket: ReconnectingSocket;
  readonly #backoff: Backoff;
  readonly #abort = new AbortController();
  #attempts = 0;
  #openedAt: number | undefined;
  #closed = false;

  constructor(options: BackoffSocketOptions) {
    this.#options = options;
    this.#backoff = new Backoff(options.backoff);
    this.#socket = reconnectingSocket(() => this.#nextUrl(), {
      WebSocket: options.WebSocket,
      minReconnectionDelay: 0,
      maxReconnectionDelay: 0,
      connectionTimeout: options.connectionTimeout ?? 10_000,
      maxEnqueuedMessages: 0,
      shouldReconnectOnClose: (event) => !this.#closed && !isRefusalCode(event.code),
    });
    this.#socket.addEventListener("open", () => {
      this.#openedAt = Date.now();
      options.onOpen();
    });
    this.#socket.addEventListener("message", (event) => options.onMessage(event.data));
    this.#socket.addEventListener("close", (event) => this.#onClose(event.code, event.reason));
  }

  /** Whether the socket is closed for good (by its owner, or refused). */
  get closed(): boolean {
    return this.#closed;
  }

  /** Sends a frame on the open connection; false when none is open (nothing is queued). */
  send(text: string): boolean {
    return this.#socket.send(text);
  }

  /** Closes for good; no socket or timer is left behind. */
  close(code = 1000, reason = "Closed by the client"): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#abort.abort();
    this.#socket.close(code, reason);
  }

  async #nextUrl(): Promise<string> {
    if (this.#attempts++ > 0) await sleep(this.#backoff.next(), this.#abort.signal);
    return this.#options.url();
  }

  #onClose(code: number, reason: string): void {
    if (this.#openedAt !== undefined && Date.now() - this.#openedAt >= this.#backoff.minUptime) this.#backoff.reset();
    this.#openedAt = undefined;
    if (this.#closed) return;
    if (!isRefusalCode(code)) {
      this.#options.onClose(code, reason, undefined);
      return;
    }
    this.#closed = true;
    this.#abort.abort();
    this.#socket.close();
    this.#options.onClose(code, reason, new LiveRefusedError(code, reason));
  }
}
