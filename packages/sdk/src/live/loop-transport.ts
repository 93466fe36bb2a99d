/**
 * @module
 * The common shape of transports that are not one socket: each subscribed channel runs a loop of its own (an
 * event stream reopened after a drop, a poll repeated on a timer). This base keeps the bookkeeping in one place:
 * handlers per channel, the transport's status (connected while every loop is up), backoff after failures,
 * refusals (a 4xx) that end a channel for good, and `close()` that stops every loop and timer.
 */
import { EventEmitter } from "eventemitter3";
import { Backoff, type BackoffOptions, sleep } from "./backoff.ts";
import { LiveError, LiveSubscriptionError } from "./errors.ts";
import type { ChannelHandlers, LiveTransport, TransportStatus } from "./transport.ts";

/** What a channel's loop reports to the transport. */
export interface LoopSink {
  /** The channel is live (its stream answered, or a poll succeeded). */
  up(): void;
  /** An event arrived on the channel. */
  event(event: string, data: unknown): void;
  /** The channel has finished for good (a final event): its loop is not run again. */
  finish(): void;
}

/** What a {@link LoopTransport} emits. */
export interface LoopTransportEvents {
  /** The transport's status changed. */
  status: (status: TransportStatus) => void;
  /** A channel failed or was refused. */
  error: (error: Error) => void;
}

interface Loop {
  handlers: Set<ChannelHandlers>;
  filters: Record<string, unknown> | undefined;
  up: boolean;
  abort: AbortController;
}

/** The status a 4xx refusal carries, from an `APIError` (or anything with a numeric `status`). */
function refusalStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" && status >= 400 && status < 500 && status !== 408 && status !== 429
    ? status
    : undefined;
}

/** A transport whose channels each run a loop; subclasses say what one run of the loop does. */
export abstract class LoopTransport extends EventEmitter<LoopTransportEvents> implements LiveTransport {
  readonly #loops = new Map<string, Loop>();
  readonly #backoff: BackoffOptions | undefined;
  #status: TransportStatus = "connecting";
  #closed = false;

  constructor(backoff?: BackoffOptions) {
    super();
    this.#backoff = backoff;
  }

  /**
   * One run of a channel's loop: resolves when the run ends normally (a stream closed by the server, one poll
   * done), throws when it failed. The loop runs it again, after `pause()` or after a backoff delay.
   */
  protected abstract run(
    channel: string,
    sink: LoopSink,
    signal: AbortSignal,
    filters?: Record<string, unknown>,
  ): Promise<void>;

  /** Milliseconds to wait between two runs that ended normally (polls). */
  protected abstract pause(): number;

  /** Whether a run is a connection (a stream), so that its end means the channel dropped. */
  protected abstract readonly streaming: boolean;

  /** Where the transport is: `connecting`, `open`, `reconnecting` or `closed`. */
  get status(): TransportStatus {
    return this.#status;
  }

  get closeError(): Error | undefined {
    return undefined;
  }

  subscribe(channel: string, handlers: ChannelHandlers, filters?: Record<string, unknown>): () => void {
    if (this.#closed) throw new LiveError("This transport is closed.");
    let loop = this.#loops.get(channel);
    if (!loop) {
      loop = { handlers: new Set(), filters, up: false, abort: new AbortController() };
      this.#loops.set(channel, loop);
      void this.#runLoop(channel, loop);
    } else if (loop.up) {
      const joined = loop;
      queueMicrotask(() => {
        if (joined.handlers.has(handlers) && joined.up) handlers.subscribed?.();
      });
    }
    loop.handlers.add(handlers);
    const owner = loop;
    return () => {
      if (!owner.handlers.delete(handlers) || owner.handlers.size > 0) return;
      owner.abort.abort();
      if (this.#loops.get(channel) === owner) this.#loops.delete(channel);
      this.#updateStatus();
    };
  }

  /** Stops every channel's loop and timer; the transport is `closed` for good. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const loop of this.#loops.values()) loop.abort.abort();
    this.#loops.clear();
    this.#setStatus("closed");
  }

  async #runLoop(channel: string, loop: Loop): Promise<void> {
    const backoff = new Backoff(this.#backoff);
    const { signal } = loop.abort;
    let finished = false;
    const sink: LoopSink = {
      up: () => {
        if (signal.aborted || loop.up) return;
        loop.up = true;
        backoff.reset();
        for (const handlers of [...loop.handlers]) handlers.subscribed?.();
        this.#updateStatus();
      },
      event: (event, data) => {
        if (signal.aborted) return;
        for (const handlers of [...loop.handlers]) handlers.event(event, data);
      },
      finish: () => {
        finished = true;
      },
    };
    const down = () => {
      if (!loop.up) return;
      loop.up = false;
      this.#updateStatus();
    };
    while (!signal.aborted && !finished) {
      let delay: number;
      try {
        await this.run(channel, sink, signal, loop.filters);
        if (finished || signal.aborted) return;
        // A stream that ends has dropped: the channel is down until it is open again. A poll stays up.
        if (this.streaming) {
          down();
          delay = backoff.next();
        } else delay = this.pause();
      } catch (error) {
        if (signal.aborted) return;
        const status = refusalStatus(error);
        if (status !== undefined) {
          const message = error instanceof Error ? error.message : "refused by the server";
          const refusal = new LiveSubscriptionError(channel, message, { status, cause: error });
          for (const handlers of [...loop.handlers]) handlers.error?.(refusal);
          return;
        }
        this.emit("error", error instanceof Error ? error : new LiveError(String(error)));
        down();
        delay = backoff.next();
      }
      await sleep(delay, signal);
    }
  }

  #updateStatus(): void {
    if (this.#closed) return;
    const loops = [...this.#loops.values()];
    if (loops.length > 0 && loops.every((l) => l.up)) this.#setStatus("connected");
    else if (this.#status === "connected") this.#setStatus("reconnecting");
  }

  #setStatus(status: TransportStatus): void {
    if (this.#status === status) return;
    this.#status = status;
    this.emit("status", status);
  }
}
