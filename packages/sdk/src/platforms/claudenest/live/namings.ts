/**
 * @module
 * ClaudeNest's live channels under both their namings, heard as one. The document (§13) names them
 * `private-session.{id}` and `private-project.{id}` with colon-named events (`session:output`); ClaudeNest's own
 * server (`routes/channels.php`, `app/Events/*.php`) and its web UI name them `private-sessions.{id}` and
 * `private-projects.{id}` with dot-named events (`session.output`) and payloads of their own.
 *
 * `namedChannels()` is a view of a transport on which a helper subscribes to the document's channel name and hears
 * the document's events, whatever the server speaks:
 *
 * - `document` subscribes the document's channel only; `real` the real server's only, its events read into the
 *   document's (`real-events.ts`); `both` subscribes both.
 * - With `both`, a naming the server refuses (4xx: a Laravel server that knows no `private-session.*`, a
 *   document-only server that knows no `private-sessions.*`) is dropped; the subscription fails only when both are
 *   refused, and counts as subscribed once neither is pending. A server that publishes every event in both
 *   namings (server-lite does) is heard once: the first event heard decides which naming the view listens to, and
 *   the other's copies are dropped (events only one naming carries never decide).
 * - Events reach the helper in the order they arrived, also when reading one takes a request (a real task event
 *   carries no task: it is read).
 */
import { LiveSubscriptionError } from "../../../live/errors.ts";
import type { ChannelHandlers, LiveTransport } from "../../../live/transport.ts";
import type { Task } from "../contract/tasks.ts";

/** Which names ClaudeNest's live helpers subscribe and listen with; see the module comment. */
export type ChannelNaming = "document" | "real" | "both";

/** A real-server event read as the document's `[event, payload]`; `undefined` for events the document lacks. */
export type Reading = readonly [event: string, payload: unknown] | undefined;

/** Reads a real-server event into the document's, synchronously or with a request. */
export type RealEventReader = (event: string, data: unknown) => Reading | Promise<Reading>;

/** Whether a channel is named as ClaudeNest's own server names it (`private-sessions.{id}`, `private-projects.{id}`). */
export const isRealChannel = (channel: string): boolean => /^private-(session|project)s\./.test(channel);

/** The real server's name of a document channel: `private-session.{id}` is `private-sessions.{id}`. */
export const realChannel = (channel: string): string => channel.replace(/^private-(session|project)\./, "private-$1s.");

/**
 * A reader of real-server events that loads `real-events.ts` on the first one, so that a client that never hears
 * the real server's naming does not carry it; `readTask` reads a task event's task.
 */
export function realEventReader(readTask?: (id: string) => Promise<Task>): RealEventReader {
  let loaded: typeof import("./real-events.ts") | undefined;
  return (event, data) => {
    if (loaded) return loaded.readRealEvent(event, data, readTask);
    return import("./real-events.ts").then((module) => {
      loaded = module;
      return module.readRealEvent(event, data, readTask);
    });
  };
}

/** A view that also says whether the document's channel is subscribed (client events go only there). */
export interface NamedChannels extends LiveTransport {
  /** Whether the document's name of a channel subscribed through the view is subscribed now. */
  documentSubscribed(channel: string): boolean;
}

type State = "pending" | "subscribed" | "refused";

/**
 * A view of `transport` under `naming`, passing on only `accepted` document events. An owned transport is closed
 * once the last subscription made through the view is released.
 * @example namedChannels(transport, "both", realEventReader(), new Set(["session:output"]), true)
 */
export function namedChannels(
  transport: LiveTransport,
  naming: ChannelNaming,
  read: RealEventReader,
  accepted: ReadonlySet<string>,
  owned: boolean,
): NamedChannels {
  let subscriptions = 0;
  const states = new Map<string, Map<string, State>>();
  return {
    get status() {
      return transport.status;
    },
    get closeError() {
      return transport.closeError;
    },
    documentSubscribed: (channel) => states.get(channel)?.get(channel) === "subscribed",
    subscribe(channel: string, handlers: ChannelHandlers) {
      subscriptions++;
      const names =
        naming === "document"
          ? [channel]
          : naming === "real"
            ? [realChannel(channel)]
            : [channel, realChannel(channel)];
      const state = new Map<string, State>(names.map((name) => [name, "pending"]));
      states.set(channel, state);
      /** The naming the view listens to, once an event has decided it (with `both`). */
      let heard: string | undefined;
      let queue: Promise<void> | undefined;
      const unsubscribes = new Map<string, () => void>();

      const pass = (name: string, reading: Reading) => {
        if (!reading || !accepted.has(reading[0])) return;
        heard ??= name;
        if (heard === name) handlers.event(reading[0], reading[1]);
      };
      const failed = (name: string, error: unknown) =>
        handlers.error?.(new LiveSubscriptionError(name, "an event could not be read", { cause: error }));
      const settle = () => {
        const all = [...state.values()];
        if (!all.includes("pending") && all.includes("subscribed")) handlers.subscribed?.();
      };
      const onStatus = (status: string) => {
        if (status === "connected") return;
        for (const [name, value] of state) if (value === "subscribed") state.set(name, "pending");
      };
      transport.on("status", onStatus);

      for (const name of names) {
        const real = isRealChannel(name);
        const unsubscribe = transport.subscribe(name, {
          event(event, data) {
            let reading: Reading | Promise<Reading>;
            try {
              reading = real ? read(event, data) : [event, data];
            } catch (error) {
              failed(name, error);
              return;
            }
            if (!queue && !(reading instanceof Promise)) return pass(name, reading);
            const step = (queue ?? Promise.resolve())
              .then(() => reading)
              .then(
                (value) => pass(name, value),
                (error: unknown) => failed(name, error),
              );
            queue = step;
            void step.finally(() => {
              if (queue === step) queue = undefined;
            });
          },
          subscribed() {
            state.set(name, "subscribed");
            settle();
          },
          error(error) {
            // A naming that failed no longer decides which one is heard: the other may be the only one left.
            if (heard === name) heard = undefined;
            const refused = error.status !== undefined && error.status >= 400 && error.status < 500;
            if (!refused || names.length === 1) return handlers.error?.(error);
            state.set(name, "refused");
            unsubscribes.get(name)?.();
            if ([...state.values()].every((value) => value === "refused")) handlers.error?.(error);
            else settle();
          },
        });
        unsubscribes.set(name, unsubscribe);
      }

      let released = false;
      return () => {
        if (released) return;
        released = true;
        for (const unsubscribe of unsubscribes.values()) unsubscribe();
        transport.off("status", onStatus);
        if (states.get(channel) === state) states.delete(channel);
        if (--subscriptions === 0 && owned) transport.close();
      };
    },
    on: (event: any, listener: any) => transport.on(event, listener),
    off: (event: any, listener: any) => transport.off(event, listener),
    close: () => {
      if (owned) transport.close();
    },
  };
}
