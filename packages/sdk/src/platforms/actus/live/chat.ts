/**
 * @module
 * Watchers over Actus's POST Server-Sent Events: a chat turn (`POST /sessions/{id}/chat`) and the session list
 * (`POST /sessions/stream`). `EventSource` cannot POST, so each stream is opened with `fetch` through the
 * client's own request path (auth and its renewal, typed errors) and parsed with `eventsource-parser`; a dropped
 * stream is reopened with backoff by `SseTransport` and resumed from the last event id (`event_id` in the chat
 * body), so no event is lost or repeated. The message is sent until the server has taken it once: a reopening
 * resumes the same turn (or, dropped before its first event, follows the session's latest turn) instead of
 * starting another. A chat watcher ends after `done`, `wait` or `error`.
 */
import type { StreamEvent } from "../../../contract/endpoint.ts";
import type { RequestOptions } from "../../../core/options.ts";
import type { BackoffOptions } from "../../../live/backoff.ts";
import { SseTransport } from "../../../live/sse.ts";
import { Watcher, type WatcherOptions } from "../../../live/watcher.ts";
import type { ChatBody, ChatEvent, SessionList } from "../contract/sessions.ts";
import type { ActusMethods } from "../routes.generated.ts";

/** A chat watcher's events: each chat event's data by its name. */
export type ChatEvents = { [E in ChatEvent as E["event"]]: E["data"] };

/** The session-list watcher's events. */
export interface SessionListEvents {
  /** The whole list, at once and after every change. */
  sessions: SessionList;
}

/** Options of a watcher. */
export interface ActusWatchOptions extends WatcherOptions {
  /** Delays before a dropped stream is reopened. */
  backoff?: BackoffOptions;
}

/** The events that end a chat turn's stream. */
export const FINAL_CHAT_EVENTS: readonly string[] = ["done", "wait", "error"];

function watchStream<Events extends object>(
  channel: string,
  open: (
    lastEventId: string | undefined,
    signal: AbortSignal,
  ) => AsyncIterable<StreamEvent> | Promise<AsyncIterable<StreamEvent>>,
  final: (event: StreamEvent) => boolean,
  options: ActusWatchOptions,
): Watcher<Events> {
  return new Watcher<Events>((sink) => {
    const transport = new SseTransport({
      open: (_channel, lastEventId, signal) => open(lastEventId, signal),
      final,
      ...(options.backoff ? { backoff: options.backoff } : {}),
    });
    const onStatus = (status: Parameters<typeof sink.status>[0]) => sink.status(status);
    transport.on("status", onStatus);
    const unsubscribe = transport.subscribe(channel, {
      event(event, data) {
        sink.event(event as keyof Events & string, data as Events[keyof Events & string], channel);
        if (final({ event, data })) sink.end();
      },
      error: (error) => sink.end(error),
    });
    return () => {
      unsubscribe();
      transport.off("status", onStatus);
      transport.close();
    };
  }, options);
}

/**
 * Sends a message on a session and follows the turn: `message`, `title`, `plan`, `step`, `tool`, then `done`
 * (or `wait`, `error`), by name (`on("tool", ...)`) or with `for await`. Resumes after a dropped connection.
 */
export function watchChat(
  client: Pick<ActusMethods, "sessions">,
  sessionId: string,
  body: ChatBody,
  options: ActusWatchOptions = {},
): Watcher<ChatEvents> {
  // Whether the server took the message: after that, a reopening never sends it again.
  let sent = false;
  return watchStream<ChatEvents>(
    sessionId,
    (lastEventId, signal) => {
      const request: RequestOptions = { signal };
      if (sent) {
        // Resume after the last event seen, or (dropped before the first one) follow the latest turn.
        const resume = lastEventId === undefined ? {} : { event_id: lastEventId };
        return client.sessions.chat({ session_id: sessionId, ...resume }, request) as AsyncIterable<StreamEvent>;
      }
      const stream = client.sessions.chat({ session_id: sessionId, ...body }, request);
      return stream.withResponse().then(() => {
        sent = true;
        return stream as AsyncIterable<StreamEvent>;
      });
    },
    (event) => FINAL_CHAT_EVENTS.includes(event.event),
    options,
  );
}

/** Follows the user's session list: a `sessions` event at once and after every change, until closed. */
export function watchSessions(
  client: Pick<ActusMethods, "sessions">,
  options: ActusWatchOptions = {},
): Watcher<SessionListEvents> {
  return watchStream<SessionListEvents>(
    "sessions",
    (_lastEventId, signal) => client.sessions.stream(undefined, { signal }) as AsyncIterable<StreamEvent>,
    () => false,
    options,
  );
}
