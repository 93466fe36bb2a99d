/**
 * @module
 * Watchers over channels of a live transport.
 *
 * `createResyncingWatcher` is list-then-watch: after every (re)connection, once every channel is
 * subscribed, it calls `resync()` (a REST read of the current state) and emits the answer as a `resync`
 * event before the live events that arrived meanwhile. The protocol never replays what was published while
 * the connection was down, so this is how no final state is missed. A failed `resync()` is retried with
 * backoff; a result that belongs to a connection that has since dropped is discarded.
 */
import { Backoff, type BackoffOptions, sleep } from "./backoff.ts";
import { LiveError, type LiveSubscriptionError } from "./errors.ts";
import type { LiveTransport, TransportStatus } from "./transport.ts";
import { Watcher, type WatcherOptions, type WatcherSink } from "./watcher.ts";

/** The channels a watcher follows and the transport it uses. */
export interface WatchOptions extends WatcherOptions {
  /**
   * A transport to share (the watcher leaves it open), or a function that makes one the watcher owns and closes:
   * any protocol (Pusher, subscribe-over-WebSocket, SSE, polling) that implements `LiveTransport`.
   * @example () => new PusherTransport({ url, appKey })
   */
  transport: LiveTransport | (() => LiveTransport);
  /** The channels to follow: names, or names with the filters the protocol sends along. */
  channels: readonly (string | ChannelSpec)[];
}

/** A channel with the filters its subscription carries. */
export interface ChannelSpec {
  name: string;
  filters?: Record<string, unknown>;
}

/** A watcher's channels plus how it re-reads the current state after every (re)connection. */
export interface ResyncingWatchOptions<State> extends WatchOptions {
  /** Reads the current state over REST; `signal` aborts when the watcher closes or the connection drops. */
  resync: (signal: AbortSignal) => Promise<State>;
  /** Delays between retries of a failed `resync()`. */
  backoff?: BackoffOptions;
}

/** The events of a resyncing watcher: the live ones plus `resync`, the state read after each (re)connection. */
export type ResyncEvents<Events, State> = Events & { resync: State };

/** Watches channels; events are typed by `Events` (event name to payload). */
export function createWatcher<Events extends object>(options: WatchOptions): Watcher<Events> {
  return new Watcher<Events>((sink) => watchChannels(options, sink as WatcherSink<object>, undefined), options);
}

/** Watches channels and re-reads the state after every (re)connection; see the module comment. */
export function createResyncingWatcher<Events extends object, State>(
  options: ResyncingWatchOptions<State>,
): Watcher<ResyncEvents<Events, State>> {
  return new Watcher<ResyncEvents<Events, State>>(
    (sink) => watchChannels(options, sink as WatcherSink<object>, options),
    options,
  );
}

function watchChannels(
  options: WatchOptions,
  sink: WatcherSink<object>,
  resyncing: Pick<ResyncingWatchOptions<unknown>, "resync" | "backoff"> | undefined,
): () => void {
  const specs = new Map<string, ChannelSpec>();
  for (const c of options.channels)
    specs.set(typeof c === "string" ? c : c.name, typeof c === "string" ? { name: c } : c);
  const channels = [...specs.keys()];
  if (channels.length === 0) throw new TypeError("A watcher needs at least one channel");
  const owned = typeof options.transport === "function";
  const transport: LiveTransport = typeof options.transport === "function" ? options.transport() : options.transport;
  const emit = sink.event as (event: string, data: unknown, channel: string) => void;
  const subscribed = new Set<string>();
  const backoff = new Backoff(resyncing?.backoff);
  /** Counts connections: a resync started for one is worthless once it is gone. */
  let connection = 0;
  let resyncAbort: AbortController | undefined;
  /** Live events that arrived while a resync is pending; emitted after its state. */
  let held: Array<[string, unknown, string]> | undefined = resyncing ? [] : undefined;
  const heldLimit = Math.max(1, options.bufferSize ?? 1000);

  const onStatus = (status: TransportStatus) => {
    if (status === "connected") {
      if (resyncing) held = [];
      return;
    }
    connection++;
    subscribed.clear();
    resyncAbort?.abort();
    if (status === "closed") sink.end(transport.closeError);
    else sink.status(status);
  };
  const onError = (error: Error) => {
    // The transport's refusal also closes it; `end` reports that one.
    if (error !== transport.closeError) sink.error(error);
  };

  const allSubscribed = () => {
    if (!resyncing) {
      sink.status("connected");
      return;
    }
    void resync(connection);
  };

  const resync = async (owner: number) => {
    resyncAbort?.abort();
    const abort = new AbortController();
    resyncAbort = abort;
    backoff.reset();
    while (owner === connection && !abort.signal.aborted) {
      try {
        const state = await resyncing!.resync(abort.signal);
        if (owner !== connection || abort.signal.aborted) return;
        emit("resync", state, "");
        const pending = held ?? [];
        held = undefined;
        for (const [event, data, channel] of pending) emit(event, data, channel);
        sink.status("connected");
        return;
      } catch (error) {
        if (owner !== connection || abort.signal.aborted) return;
        sink.error(new LiveError("Re-reading the state after a (re)connection failed; retrying.", { cause: error }));
        await sleep(backoff.next(), abort.signal);
      }
    }
  };

  transport.on("status", onStatus);
  transport.on("error", onError);
  const unsubscribes = channels.map((channel) =>
    transport.subscribe(
      channel,
      {
        event(event, data) {
          if (!held) {
            emit(event, data, channel);
            return;
          }
          if (held.length >= heldLimit) held.shift();
          held.push([event, data, channel]);
        },
        subscribed() {
          subscribed.add(channel);
          if (subscribed.size === channels.length) allSubscribed();
        },
        error(error: LiveSubscriptionError) {
          // A refusal (4xx) will not change by retrying; anything else may, at the next reconnection.
          if (error.status !== undefined && error.status >= 400 && error.status < 500) sink.end(error);
          else sink.error(error);
        },
      },
      specs.get(channel)?.filters,
    ),
  );
  if (transport.status === "closed") sink.end(transport.closeError ?? new LiveError("The transport is closed."));
  else if (transport.status === "reconnecting") sink.status("reconnecting");

  return () => {
    connection++;
    resyncAbort?.abort();
    for (const unsubscribe of unsubscribes) unsubscribe();
    transport.off("status", onStatus);
    transport.off("error", onError);
    if (owned) transport.close();
  };
}
