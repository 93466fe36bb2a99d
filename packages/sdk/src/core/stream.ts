/**
 * @module
 * `APIStream`: what a stream endpoint's method returns. The request goes through the same path as every other
 * call (auth and its renewal, retries before the first byte, typed errors, the envelope codec for an error
 * answered instead of a stream); the body is then read as Server-Sent Events with `eventsource-parser` and
 * yielded one event at a time, its `data` parsed as JSON when it is JSON.
 *
 * Nothing is sent until the stream is iterated or `withResponse()` is called, and `abort()` (or breaking out
 * of `for await`) ends the request.
 */
import { EventSourceParserStream } from "eventsource-parser/stream";
import type { StreamEvent } from "../contract/endpoint.ts";
import { AbortError } from "./errors/abort-error.ts";
import { ConnectionError } from "./errors/connection-error.ts";

/** An event's data as JSON when it parses, else the text; an empty data field is `null`. */
export function parseEventData(data: string): unknown {
  if (data === "") return null;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/** Reads a `text/event-stream` body as events, in order; `event` is `message` when the server names none. */
export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamEvent> {
  const reader = body
    .pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>)
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield { event: value.event ?? "message", data: parseEventData(value.data), id: value.id };
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** The events of a stream endpoint, as an async iterable; `abort()` ends it. */
export class APIStream<Event = StreamEvent> implements AsyncIterable<Event> {
  readonly #open: (signal: AbortSignal) => Promise<Response>;
  readonly #controller = new AbortController();
  #response: Promise<Response> | undefined;
  #iterated = false;

  constructor(open: (signal: AbortSignal) => Promise<Response>) {
    this.#open = open;
  }

  /** Sends the request (once) and resolves with the stream's response: status and headers, body unread. */
  withResponse(): Promise<Response> {
    this.#response ??= this.#open(this.#controller.signal);
    return this.#response;
  }

  /** Ends the request; an iteration in progress finishes without an error. */
  abort(): void {
    this.#controller.abort();
  }

  /** True once the stream was aborted, by `abort()` or by the request's signal. */
  get aborted(): boolean {
    return this.#controller.signal.aborted;
  }

  /** The events as they arrive; the iteration ends when the server ends the stream. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Event> {
    if (this.#iterated) throw new TypeError("An APIStream can be iterated once");
    this.#iterated = true;
    let response: Response;
    try {
      response = await this.withResponse();
    } catch (error) {
      if (this.aborted && error instanceof AbortError) return;
      throw error;
    }
    if (!response.body) return;
    try {
      for await (const event of readEvents(response.body)) yield event as Event;
    } catch (error) {
      if (this.aborted) return;
      throw new ConnectionError(`The event stream broke off: ${(error as Error).message}`, { cause: error });
    } finally {
      this.abort();
    }
  }
}

/** Stream support for a client whose platform has stream endpoints: `definePlatform({ streams: sseStreams })`. */
export const sseStreams = (open: (signal: AbortSignal) => Promise<Response>): APIStream => new APIStream(open);
