/**
 * @module
 * Server-Sent Events as a live transport: each channel is one event stream (often a POST, which `EventSource`
 * cannot send, so streams are opened with `fetch` through the client's own request path). A stream that drops
 * is reopened with backoff and resumed from the last event id it delivered; a final event (`done`) ends the
 * channel for good; a 4xx answer is a refusal that ends it too.
 */
import type { StreamEvent } from "../contract/endpoint.ts";
import type { BackoffOptions } from "./backoff.ts";
import { type LoopSink, LoopTransport } from "./loop-transport.ts";

/** Options of an {@link SseTransport}. */
export interface SseTransportOptions {
  /**
   * Opens a channel's stream; `lastEventId` is the id of the last event delivered, to resume after a drop
   * (send it as `Last-Event-ID`, or as the platform's own resume field).
   * @example (channel, lastEventId, signal) => client.sessions.chat({ id: channel, event_id: lastEventId }, { signal })
   */
  open(
    channel: string,
    lastEventId: string | undefined,
    signal: AbortSignal,
    filters?: Record<string, unknown>,
  ): AsyncIterable<StreamEvent> | Promise<AsyncIterable<StreamEvent>>;
  /**
   * Whether an event completes the channel, so that its stream is not reopened.
   * @default () => false
   * @example (e) => e.event === "done"
   */
  final?: (event: StreamEvent) => boolean;
  /** Delays before a dropped stream is reopened. */
  backoff?: BackoffOptions;
}

/** Channels as reopened, resumed event streams. */
export class SseTransport extends LoopTransport {
  readonly #options: SseTransportOptions;
  readonly #lastIds = new Map<string, string>();
  protected readonly streaming = true;

  constructor(options: SseTransportOptions) {
    super(options.backoff);
    this.#options = options;
  }

  protected async run(channel: string, sink: LoopSink, signal: AbortSignal, filters?: Record<string, unknown>) {
    const events = await this.#options.open(channel, this.#lastIds.get(channel), signal, filters);
    sink.up();
    for await (const event of events) {
      if (signal.aborted) return;
      if (event.id !== undefined && event.id !== "") this.#lastIds.set(channel, event.id);
      sink.event(event.event, event.data);
      if (this.#options.final?.(event)) {
        sink.finish();
        return;
      }
    }
  }

  protected pause(): number {
    return 0;
  }
}
