/**
 * @module
 * Server-Sent Events on the request path: a stream endpoint's handler returns an async iterable of
 * `{ event, data, id? }`, and this turns it into a `text/event-stream` answer (data as JSON, one event per
 * frame). A burst of events goes out as one chunk, so a replayed history costs one socket write rather than one
 * per event; an event never waits for a later one past the current turn of the event loop. The iteration stops
 * when the client goes away; a handler that throws mid-stream ends the stream with an
 * `error` event carrying the platform's failure body, since the status line is long gone by then.
 */
import type { StreamEvent } from "@agentlane/sdk/contract";
import { JsonEvent } from "./json-event.ts";

/**
 * One SSE frame; multi-line data is split over `data:` lines as the format requires. A {@link JsonEvent}'s text
 * is framed as it is, without parsing it.
 */
export function sseFrame(event: StreamEvent): string {
  const data = event instanceof JsonEvent ? event.json : event.data === undefined ? "" : JSON.stringify(event.data);
  const id = event.id !== undefined && event.id !== "" ? `id: ${event.id}\n` : "";
  // JSON text has no line break unless it was given one (`JSON.stringify`'s indentation): one `data:` line.
  const lines = data.includes("\n") ? data.replaceAll("\n", "\ndata: ") : data;
  return `event: ${event.event}\n${id}data: ${lines}\n\n`;
}

/** Frames coalesced into one chunk stop growing at about this many characters. */
const COALESCE_LIMIT = 64 * 1024;
const NOT_YET = Symbol("not yet");

/** Settles once the work queued before the event loop turns (microtasks, no I/O) is done. */
function loopTurn(): Promise<typeof NOT_YET> {
  return new Promise((resolve) => setImmediate(resolve, NOT_YET));
}

/** Options of {@link sseResponse}. */
export interface SseResponseOptions {
  headers?: Record<string, string>;
  /** Aborts the iteration (the client went away). */
  signal: AbortSignal;
  /** The `error` event's data for a handler that threw mid-stream. */
  onError(error: unknown): unknown;
}

/** A `text/event-stream` response that streams `events`. */
export function sseResponse(events: AsyncIterable<StreamEvent>, options: SseResponseOptions): Response {
  const encoder = new TextEncoder();
  const iterator = events[Symbol.asyncIterator]();
  let closed = false;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  /** An event asked for while coalescing that was not ready yet: the next pull waits for it. */
  let pending: Promise<IteratorResult<StreamEvent>> | undefined;
  let first = true;
  const finish = (last?: string) => {
    options.signal.removeEventListener("abort", end);
    if (closed) return;
    closed = true;
    if (last) controller?.enqueue(encoder.encode(last));
    controller?.close();
  };
  // Ending does not wait for the handler: a generator waiting inside an `await` finishes when it can.
  function end() {
    finish();
    Promise.resolve(iterator.return?.()).catch(() => {});
  }
  options.signal.addEventListener("abort", end, { once: true });
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      if (options.signal.aborted) end();
    },
    async pull(c) {
      // Events the handler produces before the event loop turns go out as one chunk: one socket write for a
      // burst, and no event waits longer than that turn. The first event goes out alone, at once.
      let frames = "";
      try {
        let next = await (pending ?? iterator.next());
        pending = undefined;
        let turn: Promise<typeof NOT_YET> | undefined;
        while (!next.done && !closed && !options.signal.aborted) {
          frames += sseFrame(next.value);
          if (first || frames.length >= COALESCE_LIMIT) break;
          const following = iterator.next();
          turn ??= loopTurn();
          const ready = await Promise.race([following, turn]);
          if (ready === NOT_YET) {
            // Asked for, not ready: the next pull waits for it (a failure is its, not an unhandled one).
            following.catch(() => {});
            pending = following;
            break;
          }
          next = ready;
        }
        first = false;
        if (frames && !closed) c.enqueue(encoder.encode(frames));
        if (next.done || options.signal.aborted) finish();
      } catch (error) {
        pending = undefined;
        // A reader that cancelled (or a client that left) is told nothing, and nothing is reported.
        if (closed || options.signal.aborted) {
          finish();
          return;
        }
        // The events produced before the failure still go out, then the `error` event.
        finish(frames + sseFrame({ event: "error", data: options.onError(error) }));
      }
    },
    cancel() {
      closed = true;
      end();
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      "x-accel-buffering": "no",
      ...options.headers,
    },
  });
}
