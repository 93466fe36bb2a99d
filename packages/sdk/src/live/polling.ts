/**
 * @module
 * Polling as a live transport, for platforms with no push channel (and as a fallback): each channel is read on
 * a timer and the read's answer becomes events. Failures back off; a 4xx refusal ends the channel; a final
 * event (a task that completed) stops its polling.
 */
import type { BackoffOptions } from "./backoff.ts";
import { type LoopSink, LoopTransport } from "./loop-transport.ts";

/** An event a poll produced. */
export interface PolledEvent {
  event: string;
  data: unknown;
}

/** Options of a {@link PollingTransport}. */
export interface PollingTransportOptions {
  /**
   * Reads a channel once and answers the events it implies (none when nothing changed).
   * @example async (id, signal) => [{ event: "update", data: await client.tasks.get({ id }, { signal }) }]
   */
  poll(channel: string, signal: AbortSignal, filters?: Record<string, unknown>): Promise<readonly PolledEvent[]>;
  /**
   * Milliseconds between two successful polls.
   * @default 2000
   */
  interval?: number;
  /**
   * Whether an event completes the channel, so that it is not polled again.
   * @default () => false
   */
  final?: (event: PolledEvent) => boolean;
  /** Delays after failed polls. */
  backoff?: BackoffOptions;
}

/** Channels read on a timer. */
export class PollingTransport extends LoopTransport {
  readonly #options: PollingTransportOptions;
  protected readonly streaming = false;

  constructor(options: PollingTransportOptions) {
    super(options.backoff);
    this.#options = options;
  }

  protected async run(channel: string, sink: LoopSink, signal: AbortSignal, filters?: Record<string, unknown>) {
    const events = await this.#options.poll(channel, signal, filters);
    if (signal.aborted) return;
    sink.up();
    for (const event of events) {
      sink.event(event.event, event.data);
      if (this.#options.final?.(event)) {
        sink.finish();
        return;
      }
    }
  }

  protected pause(): number {
    return this.#options.interval ?? 2000;
  }
}
