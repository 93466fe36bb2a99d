/**
 * @module
 * `nest.sessions.attach(id)`: a session's terminal as a duplex stream. Output arrives as `output` events and
 * through `for await (const chunk of terminal)`, starting with the session's recent output so that a late
 * attach shows the current screen; `write`, `resize` and `terminate` send the §13.3 client events while the
 * document's channel is subscribed, else (a server that does not serve it, or `realtime.channels: "real"`) the
 * HTTP requests ClaudeNest's web UI falls back to (`POST /sessions/{id}/input`, `/resize`, `DELETE /sessions/{id}`),
 * one after another so that input keeps its order. The stream
 * survives dropped connections without losing or repeating output (see `terminal-feed.ts`), emits `exit` once
 * the session has ended, and `close()` releases its connection and timers.
 */
import { EventEmitter } from "eventemitter3";
import { LiveError } from "../../../live/errors.ts";
import { Watcher, type WatcherStatus } from "../../../live/watcher.ts";
import type { ClaudeNestMethods } from "../routes.generated.ts";
import type { RealtimeSettings } from "./realtime.ts";
import { type TerminalEvents, type TerminalExit, TerminalFeed } from "./terminal-feed.ts";

/** The part of a ClaudeNest client this module uses. */
type Nest = Pick<ClaudeNestMethods, "sessions">;

export type { TerminalEvents, TerminalExit };

/** Options of `nest.sessions.attach()`. */
export interface AttachOptions {
  /**
   * How many of the latest output log entries are shown first; `0` shows only what comes next.
   * @default 1000
   */
  replay?: number;
  /**
   * Chunks buffered per `for await` loop that has not caught up; beyond it the oldest are dropped (with an
   * `error` event).
   * @default 1000
   */
  bufferSize?: number;
}

/** What a {@link SessionTerminal} emits. */
export interface SessionTerminalEvents {
  output: (data: string) => void;
  exit: (exit: TerminalExit) => void;
  /** `connecting`, `connected` (live and caught up), `reconnecting`, `closed`. */
  status: (status: WatcherStatus) => void;
  /** A refused client event, a failed read (retried), lost output; a fatal one also ends the stream. */
  error: (error: Error) => void;
}

/**
 * A session's live terminal (`nest.sessions.attach(id)`): `output` events and `for await` chunks, `write`, `resize`,
 * `terminate`, and `exit`.
 */
export class SessionTerminal extends EventEmitter<SessionTerminalEvents> implements AsyncIterable<string> {
  readonly sessionId: string;
  /** Resolves with the session's end, or with `undefined` when the stream stops first (closed, or refused). */
  readonly exited: Promise<TerminalExit | undefined>;
  readonly #feed: TerminalFeed;
  readonly #watcher: Watcher<TerminalEvents>;
  readonly #nest: Nest;
  #requests: Promise<unknown> = Promise.resolve();

  constructor(nest: Nest, settings: RealtimeSettings, sessionId: string, options: AttachOptions = {}) {
    super();
    this.sessionId = sessionId;
    this.#nest = nest;
    this.#feed = new TerminalFeed(nest, settings, sessionId, options);
    let settle!: (exit: TerminalExit | undefined) => void;
    this.exited = new Promise((resolve) => {
      settle = resolve;
    });
    this.#watcher = new Watcher<TerminalEvents>((sink) => this.#feed.start(sink), options);
    this.#watcher.on("output", (data) => this.emit("output", data));
    this.#watcher.on("exit", (exit) => {
      settle(exit);
      this.emit("exit", exit);
    });
    this.#watcher.on("error", (error) => this.emit("error", error));
    this.#watcher.on("status", (status) => {
      if (status === "closed") settle(undefined);
      this.emit("status", status);
    });
  }

  get status(): WatcherStatus {
    return this.#watcher.status;
  }

  /** Types into the terminal (`client-session:input`, or HTTP); queued while reconnecting, false when dropped. */
  write(data: string): boolean {
    const id = this.sessionId;
    return this.#send("client-session:input", { data }, () => this.#nest.sessions.input({ id, data }));
  }

  /** Resizes the terminal (`client-session:resize`, or HTTP). */
  resize(cols: number, rows: number): boolean {
    const id = this.sessionId;
    return this.#send("client-session:resize", { cols, rows }, () => this.#nest.sessions.resize({ id, cols, rows }));
  }

  /** Ends the session (`client-session:terminate`, or HTTP); `exit` follows. */
  terminate(): boolean {
    return this.#send("client-session:terminate", {}, () => this.#nest.sessions.remove({ id: this.sessionId }));
  }

  /** A client event where the server takes them, else the request, after the ones before it; a failure is `error`. */
  #send(event: string, data: object, request: () => Promise<unknown>): boolean {
    if (this.#feed.clientEvents) return this.#feed.send(event, data);
    if (this.status === "closed") return false;
    this.#requests = this.#requests
      .then(request)
      .catch((error: unknown) => this.emit("error", new LiveError(`${event} could not be sent.`, { cause: error })));
    return true;
  }

  /** Stops following the session (the session itself keeps running); leaves no socket or timer. */
  close(): void {
    this.#watcher.close();
  }

  /** The output, chunk by chunk, until the session exits or the stream is closed; throws a fatal error. */
  async *[Symbol.asyncIterator](): AsyncGenerator<string, void, undefined> {
    for await (const item of this.#watcher) {
      if (item.event === "exit") return;
      yield item.data;
    }
  }
}
