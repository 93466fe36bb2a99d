/**
 * @module
 * `Watcher<Events>`: live events as eventemitter3 events (`on`, `off`, `once`) and as an async iterable
 * (`for await (const e of watcher)`), plus `status` and `error` events. Each iterator has its own bounded
 * buffer: a consumer that falls behind loses the oldest events and gets an `error` event
 * (`LiveOverflowError`), it never makes memory grow without bound. `close()` ends iterators and releases
 * every connection and timer the watcher holds. The names `status` and `error` are reserved.
 */
import { EventEmitter } from "eventemitter3";
import { LiveOverflowError } from "./errors.ts";
import type { TransportStatus } from "./transport.ts";

/** Where a watcher's connection is: `connecting`, `connected`, `reconnecting` or `closed`. */
export type WatcherStatus = TransportStatus;

/** One event as `for await` yields it. */
export type WatchEvent<Events> = {
  [K in keyof Events & string]: { event: K; data: Events[K]; channel: string };
}[keyof Events & string];

/** A watcher's listeners: one per event name, plus `status` and `error`. */
export type WatcherEvents<Events> = {
  [K in keyof Events & string]: (data: Events[K], channel: string) => void;
} & {
  /** The watcher's status changed. */
  status: (status: WatcherStatus) => void;
  /** The source failed (the watcher goes on unless it is closed). */
  error: (error: Error) => void;
};

/** How a source feeds a watcher. */
export interface WatcherSink<Events> {
  /** An event arrived on a channel. */
  event<K extends keyof Events & string>(event: K, data: Events[K], channel: string): void;
  /** The source's connection status changed. */
  status(status: WatcherStatus): void;
  /** The source failed. */
  error(error: Error): void;
  /** Ends the watcher from the source's side; iterators throw `error` (if any) after their buffered events. */
  end(error?: Error): void;
}

/** Starts a source; answers the function that stops it. */
export type WatcherSource<Events> = (sink: WatcherSink<Events>) => () => void;

/** How many events a watcher buffers for each `for await` loop that lags behind. */
export interface WatcherOptions {
  /**
   * Events buffered per `for await` loop that has not caught up; beyond it the oldest are dropped.
   * @default 1000
   */
  bufferSize?: number;
}

interface IteratorState<Events> {
  buffer: WatchEvent<Events>[];
  waiting:
    | { resolve: (result: IteratorResult<WatchEvent<Events>>) => void; reject: (error: Error) => void }
    | undefined;
  overflowing: boolean;
  finished: boolean;
}

/** Live events by name (`on("task:claimed", ...)`) and as an async iterable; `close()` ends it. */
export class Watcher<Events extends object> extends EventEmitter<WatcherEvents<Events>> {
  readonly #bufferSize: number;
  readonly #iterators = new Set<IteratorState<Events>>();
  #status: WatcherStatus = "connecting";
  #stop: (() => void) | undefined;
  #ended = false;
  #endError: Error | undefined;

  constructor(source: WatcherSource<Events>, options: WatcherOptions = {}) {
    super();
    this.#bufferSize = Math.max(1, options.bufferSize ?? 1000);
    const stop = source({
      event: (event, data, channel) => this.#deliver({ event, data, channel } as WatchEvent<Events>),
      status: (status) => this.#setStatus(status),
      error: (error) => this.#emit("error", error),
      end: (error) => this.#end(error),
    });
    if (this.#ended) stop();
    else this.#stop = stop;
  }

  /** Where the watcher is: `connecting`, `open`, `reconnecting` or `closed`. */
  get status(): WatcherStatus {
    return this.#status;
  }

  /** Stops watching: iterators finish, and the connection and timers the watcher holds are released. */
  close(): void {
    this.#end(undefined);
  }

  /** The events as `{ event, data, channel }`, buffered until read; ends when the watcher closes. */
  [Symbol.asyncIterator](): AsyncIterableIterator<WatchEvent<Events>> {
    const state: IteratorState<Events> = { buffer: [], waiting: undefined, overflowing: false, finished: false };
    if (!this.#ended) this.#iterators.add(state);
    else state.finished = true;
    let thrown = false;
    const finish = (): IteratorResult<WatchEvent<Events>> => {
      state.finished = true;
      this.#iterators.delete(state);
      return { value: undefined, done: true };
    };
    const iterator: AsyncIterableIterator<WatchEvent<Events>> = {
      next: () => {
        const value = state.buffer.shift();
        if (value !== undefined) {
          if (state.buffer.length === 0) state.overflowing = false;
          return Promise.resolve({ value, done: false });
        }
        if (state.finished || this.#ended) {
          if (this.#endError && !thrown && !state.finished) {
            thrown = true;
            finish();
            return Promise.reject(this.#endError);
          }
          return Promise.resolve(finish());
        }
        return new Promise((resolve, reject) => {
          state.waiting = { resolve, reject };
        });
      },
      return: () => {
        const waiting = state.waiting;
        state.waiting = undefined;
        const done = finish();
        waiting?.resolve(done);
        return Promise.resolve(done);
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  #deliver(item: WatchEvent<Events>): void {
    if (this.#ended) return;
    for (const state of this.#iterators) {
      if (state.waiting) {
        const { resolve } = state.waiting;
        state.waiting = undefined;
        resolve({ value: item, done: false });
        continue;
      }
      if (state.buffer.length >= this.#bufferSize) {
        state.buffer.shift();
        if (!state.overflowing) {
          state.overflowing = true;
          this.#emit("error", new LiveOverflowError(this.#bufferSize));
        }
      }
      state.buffer.push(item);
    }
    // Listeners last: one that throws must not cost the iterators their event.
    (this as EventEmitter).emit(item.event, item.data, item.channel);
  }

  #setStatus(status: WatcherStatus): void {
    if (this.#ended || this.#status === status) return;
    this.#status = status;
    this.#emit("status", status);
  }

  #end(error: Error | undefined): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#endError = error;
    const stop = this.#stop;
    this.#stop = undefined;
    stop?.();
    if (error) this.#emit("error", error);
    this.#status = "closed";
    this.#emit("status", "closed");
    for (const state of [...this.#iterators]) {
      if (!state.waiting) continue;
      const { resolve, reject } = state.waiting;
      state.waiting = undefined;
      state.finished = true;
      this.#iterators.delete(state);
      if (error) reject(error);
      else resolve({ value: undefined, done: true });
    }
  }

  #emit(event: "status" | "error", value: unknown): void {
    (this as EventEmitter).emit(event, value);
  }
}
