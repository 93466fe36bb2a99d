/**
 * @module
 * What feeds a session's terminal stream: the session's channel, subscribed with a `ws_` token from
 * `attachToken`, joined with its output logs.
 *
 * - Each time the channel is (re)subscribed, live events are held while the session and the output logs
 *   after the last chunk shown are read; the new logs are shown, then the held events that they do not
 *   already contain (each `session:output` names its log entry), then the feed goes live. The first time, the
 *   "last chunk shown" is none and the latest `replay` entries are shown instead, so a late attach starts with
 *   the current screen.
 * - A `session:terminated` event, or a session found ended on a (re)subscription, leads to one more read
 *   (for the exit code and any output logged meanwhile), then `exit` and the end of the stream.
 * - The channel is followed under the client's `realtime.channels` naming (`namings.ts`). Only the document's
 *   naming alone subscribes with a `ws_` token from `attachToken`, inline as §13.4 shows; the others authorize
 *   each channel with the client's own token at the auth endpoint, as ClaudeNest's web UI does.
 * - The `ws_` token is kept for the following reconnections and replaced when the server refuses it; a
 *   session that has already ended when the token is asked for is shown (its logs) and exits at once.
 */
import { isAPIError } from "../../../core/errors/api-error.ts";
import { Backoff, sleep } from "../../../live/backoff.ts";
import { LiveError, type LiveSubscriptionError } from "../../../live/errors.ts";
import { PusherTransport, type TriggerResult } from "../../../live/pusher-transport.ts";
import type { TransportStatus } from "../../../live/transport.ts";
import type { WatcherSink } from "../../../live/watcher.ts";
import type { Session } from "../contract/sessions.ts";
import type { ClaudeNestMethods } from "../routes.generated.ts";
import { type SessionOutputEvent, sessionChannel } from "./events.ts";
import { type NamedChannels, namedChannels, realEventReader } from "./namings.ts";
import type { RealtimeSettings } from "./realtime.ts";
import { ShownLogs } from "./shown-logs.ts";

/** The part of a ClaudeNest client this module uses. */
type Nest = Pick<ClaudeNestMethods, "sessions">;

/** What a session's terminal emits. */
export interface TerminalEvents {
  /** Terminal output, in order: first the replayed logs, then live chunks. */
  output: string;
  /** The session ended; the stream ends after this event. */
  exit: TerminalExit;
}

/** How a session ended. */
export interface TerminalExit {
  /** The process's exit code; `null` when the session was terminated by request or ran no process. */
  exitCode: number | null;
  /** The session as it ended. */
  session: Session;
}

const FINAL_STATUSES: ReadonlySet<string> = new Set(["completed", "error", "terminated"]);
const SESSION_EVENTS: ReadonlySet<string> = new Set(["session:output", "session:terminated"]);

type Held = [event: string, data: unknown];

export class TerminalFeed {
  readonly #nest: Nest;
  readonly #settings: RealtimeSettings;
  readonly #sessionId: string;
  readonly #channel: string;
  readonly #holdLimit: number;
  readonly #abort = new AbortController();
  readonly #shown: ShownLogs;
  readonly #backoff: Backoff;
  #sink: WatcherSink<TerminalEvents> | undefined;
  #transport: PusherTransport | undefined;
  #view: NamedChannels | undefined;
  #unsubscribe: (() => void) | undefined;
  #token: Promise<string> | undefined;
  /** Live events that arrived while a read is pending; undefined while live. */
  #held: Held[] | undefined = [];
  #subscribed = false;
  #reading = false;
  #readAgain = false;
  #tokenRefreshed = false;
  #ended = false;

  constructor(
    nest: Nest,
    settings: RealtimeSettings,
    sessionId: string,
    options: { replay?: number; bufferSize?: number },
  ) {
    this.#nest = nest;
    this.#settings = settings;
    this.#sessionId = sessionId;
    this.#channel = sessionChannel(sessionId);
    this.#shown = new ShownLogs(options.replay);
    this.#holdLimit = Math.max(1, options.bufferSize ?? 1000);
    this.#backoff = new Backoff(settings.backoff);
  }

  /** Starts the feed (the `Watcher` source); answers the function that stops it. */
  start(sink: WatcherSink<TerminalEvents>): () => void {
    this.#sink = sink;
    const naming = this.#settings.naming;
    const transport = new PusherTransport(
      this.#settings.transportOptions(naming === "document" ? () => this.#websocketToken() : undefined),
    );
    this.#transport = transport;
    this.#view = namedChannels(transport, naming, realEventReader(), SESSION_EVENTS, false);
    transport.on("status", this.#onStatus);
    transport.on("error", this.#onError);
    this.#subscribe();
    return () => this.#stop();
  }

  /** Whether client events reach the session: only on the document's channel, while it is subscribed. */
  get clientEvents(): boolean {
    return this.#settings.naming === "document" || this.#view?.documentSubscribed(this.#channel) === true;
  }

  /** Sends a client event on the session's channel (queued while reconnecting); false when it was dropped. */
  send(event: string, data: unknown): boolean {
    if (this.#ended || !this.#transport) return false;
    const result: TriggerResult = this.#transport.trigger(this.#channel, event, data);
    return result !== "dropped";
  }

  #websocketToken(): Promise<string> {
    this.#token ??= this.#nest.sessions
      .attachToken({ id: this.#sessionId }, { signal: this.#abort.signal })
      .then((answer) => answer.websocket_token);
    const token = this.#token;
    // A failed request is not kept: the next subscription asks again.
    token.catch(() => {
      if (this.#token === token) this.#token = undefined;
    });
    return token;
  }

  #subscribe(): void {
    this.#unsubscribe = this.#view!.subscribe(this.#channel, {
      event: (event, data) => this.#live(event, data),
      subscribed: () => {
        this.#subscribed = true;
        this.#tokenRefreshed = false;
        void this.#read();
      },
      error: (error) => this.#subscriptionFailed(error),
    });
  }

  #resubscribe(): void {
    this.#unsubscribe?.();
    if (!this.#ended) this.#subscribe();
  }

  readonly #onStatus = (status: TransportStatus): void => {
    if (status === "connected") return;
    this.#subscribed = false;
    this.#held ??= [];
    if (status === "closed") this.#end(this.#transport?.closeError);
    else this.#sink?.status(status);
  };

  readonly #onError = (error: Error): void => {
    if (error !== this.#transport?.closeError) this.#sink?.error(error);
  };

  #subscriptionFailed(error: LiveSubscriptionError): void {
    if (this.#ended) return;
    const cause = error.cause;
    if (isAPIError(cause) && cause.code === "SES_002") {
      // The session ended before this attach: show what it wrote, then its end.
      void this.#read();
      return;
    }
    if (error.status === 401 && !isAPIError(cause) && !this.#tokenRefreshed) {
      // The server no longer takes the `ws_` token (it expired): ask for a new one, once per subscription.
      this.#tokenRefreshed = true;
      this.#token = undefined;
      this.#resubscribe();
      return;
    }
    if (error.status !== undefined && error.status >= 400 && error.status < 500) {
      this.#end(error);
      return;
    }
    // The auth request failed on the way (network, 5xx): try again after a while.
    this.#sink?.error(error);
    void sleep(this.#backoff.next(), this.#abort.signal).then(() => this.#resubscribe());
  }

  #live(event: string, data: unknown): void {
    if (this.#ended) return;
    if (!this.#held) {
      this.#apply(event, data);
      return;
    }
    if (this.#held.length < this.#holdLimit) {
      this.#held.push([event, data]);
      return;
    }
    // Too much arrived during one read: drop what is held and read the logs once more instead.
    this.#held = [];
    this.#readAgain = true;
  }

  #apply(event: string, data: unknown): void {
    if (event === "session:terminated") {
      void this.#read();
      return;
    }
    if (event !== "session:output") return;
    const chunk = data as SessionOutputEvent;
    if (typeof chunk?.data !== "string") return;
    if (typeof chunk.id === "string") {
      if (this.#shown.has(chunk.id)) return;
      this.#shown.remember(chunk.id);
    } else {
      this.#shown.lostJoin();
    }
    this.#sink?.event("output", chunk.data, this.#channel);
  }

  /** Reads the session and the new logs, shows them, then the held events; one read at a time. */
  async #read(): Promise<void> {
    this.#held ??= [];
    if (this.#reading) {
      this.#readAgain = true;
      return;
    }
    this.#reading = true;
    this.#backoff.reset();
    try {
      do {
        this.#readAgain = false;
        try {
          await this.#catchUp();
        } catch (error) {
          if (this.#ended || this.#abort.signal.aborted) return;
          if (isAPIError(error) && error.status >= 400 && error.status < 500 && ![408, 429].includes(error.status)) {
            // The session is gone (its machine was deleted) or the token no longer reaches it.
            this.#end(error);
            return;
          }
          this.#sink?.error(new LiveError("Reading the session's output failed; retrying.", { cause: error }));
          await sleep(this.#backoff.next(), this.#abort.signal);
          this.#readAgain = true;
        }
      } while (this.#readAgain && !this.#ended);
    } finally {
      this.#reading = false;
    }
  }

  async #catchUp(): Promise<void> {
    const signal = this.#abort.signal;
    const session = await this.#nest.sessions.get({ id: this.#sessionId }, { signal });
    const read = (limit: number) =>
      this.#nest.sessions.logs({ id: this.#sessionId, type: "output", limit }, { signal });
    const logs = await this.#shown.newLogs(read, (error) => this.#sink?.error(error));
    if (this.#ended) return;
    const shown = new Set<string>();
    for (const log of logs) {
      shown.add(log.id);
      if (this.#shown.has(log.id)) continue;
      this.#shown.remember(log.id);
      this.#sink?.event("output", log.data, this.#channel);
    }
    const held = this.#held ?? [];
    this.#held = undefined;
    // Held chunks up to the last one the logs contain are older than what was just shown.
    let from = 0;
    held.forEach(([event, data], index) => {
      const id = event === "session:output" ? (data as SessionOutputEvent | undefined)?.id : undefined;
      if (id !== undefined && shown.has(id)) from = index + 1;
    });
    let terminated = false;
    held.forEach(([event, data], index) => {
      if (event === "session:terminated") terminated = true;
      else if (index >= from) this.#apply(event, data);
    });
    if (FINAL_STATUSES.has(session.status)) {
      this.#sink?.event("exit", { exitCode: session.exit_code, session }, this.#channel);
      this.#end(undefined);
      return;
    }
    // Ended after the session was read: read it again for the exit code.
    if (terminated) this.#readAgain = true;
    else if (this.#subscribed && !this.#readAgain) this.#sink?.status("connected");
    if (this.#readAgain) this.#held = [];
  }

  #end(error: Error | undefined): void {
    if (this.#ended) return;
    this.#sink?.end(error);
  }

  #stop(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#abort.abort();
    this.#unsubscribe?.();
    this.#transport?.off("status", this.#onStatus);
    this.#transport?.off("error", this.#onError);
    this.#transport?.close();
  }
}
