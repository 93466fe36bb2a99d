/**
 * @module
 * Server-Sent Events on the request path: a stream endpoint's handler returns an async iterable of
 * `{ event, data, id? }`, and this turns it into a `text/event-stream` answer (data as JSON, one event per
 * frame). The iteration stops when the client goes away; a handler that throws mid-stream ends the stream with an
 * `error` event carrying the platform's failure body, since the status line is long gone by then.
 */
import type { StreamEvent } from "@agentlane/sdk/contract";

/** One SSE frame; multi-line data is split over `data:` lines as the format requires. */
export function sseFrame(event: StreamEvent): string {
  const data = event.data === undefined ? "" : JSON.stringify(event.data);
  const lines = [`event: ${event.event}`];
  if (event.id !== undefined && event.id !== "") lines.push(`id: ${event.id}`);
  for (const line of data.split("\n")) lines.push(`data: ${line}`);
  return `${lines.join("\n")}\n\n`;
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
      try {
        const { value, done } = await iterator.next();
        if (done || options.signal.aborted) finish();
        else if (!closed) c.enqueue(encoder.encode(sseFrame(value)));
      } catch (error) {
        // A reader that cancelled (or a client that left) is told nothing, and nothing is reported.
        if (closed || options.signal.aborted) {
          finish();
          return;
        }
        finish(sseFrame({ event: "error", data: options.onError(error) }));
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
