/**
 * @module
 * The two event streams as async iterables: a session's events (chat) and a user's session list. Each subscribes
 * to its bus channel before it reads the store, so nothing published in between is lost, and drops what it
 * has already sent (by `seq`). Both stop when the client goes away: every wait also ends on `signal`.
 */
import type { StreamEvent } from "@agentlane/sdk/contract";
import { JsonEvent } from "../../../realtime/sse/json-event.ts";
import type { ActusServices } from "../state/services.ts";
import { eventRowsAfter, lastSeq, listChannel, listSessions, sessionChannel } from "../state/sessions.ts";

/** A wake-up that a bus listener rings and a waiting stream awaits; ringing before the wait is not lost. */
class Bell {
  #rung = false;
  #waiter: (() => void) | undefined;

  ring(): void {
    this.#rung = true;
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.();
  }

  /** Resolves at the next ring (at once if one came since the last wait) or when `signal` aborts. */
  wait(signal: AbortSignal): Promise<void> {
    if (this.#rung || signal.aborted) {
      this.#rung = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        signal.removeEventListener("abort", done);
        this.#rung = false;
        resolve();
      };
      this.#waiter = done;
      signal.addEventListener("abort", done, { once: true });
    });
  }
}

/**
 * A session's events after `afterSeq`, then the live ones; it ends after a final event (`done`, `wait`,
 * `error`) when nothing follows it and no turn runs, or when the log is read and no turn runs.
 */
export async function* sessionEvents(
  services: ActusServices,
  sessionId: string,
  afterSeq: number,
  signal: AbortSignal,
): AsyncGenerator<StreamEvent> {
  const bell = new Bell();
  const unsubscribe = services.events.subscribe(sessionChannel(sessionId), () => bell.ring());
  let cursor = afterSeq;
  try {
    while (!signal.aborted) {
      // The data goes out as the JSON text stored, not parsed and serialized again.
      for (const row of eventRowsAfter(services, sessionId, cursor)) {
        cursor = row.seq;
        yield new JsonEvent(row.event, row.data, row.event_id);
        if (signal.aborted) return;
      }
      const running = services.agent.isRunning(sessionId);
      if (lastSeq(services, sessionId) > cursor) continue;
      if (!running) return;
      await bell.wait(signal);
    }
  } finally {
    unsubscribe();
  }
}

/** The user's session list at once, then again after every change, until the client goes away. */
export async function* sessionLists(
  services: ActusServices,
  userId: string,
  signal: AbortSignal,
): AsyncGenerator<StreamEvent> {
  const bell = new Bell();
  const unsubscribe = services.events.subscribe(listChannel(userId), () => bell.ring());
  try {
    let last = "";
    while (!signal.aborted) {
      const sessions = listSessions(services, userId);
      const text = JSON.stringify(sessions);
      if (text !== last) {
        last = text;
        yield { event: "sessions", data: { sessions } };
      }
      await bell.wait(signal);
    }
  } finally {
    unsubscribe();
  }
}
