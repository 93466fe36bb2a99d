/**
 * @module
 * The in-process event bus. State-changing code publishes on a channel (`private-session.{id}`,
 * `private-project.{id}`); the realtime transports (Pusher protocol, `/ws`, SSE) subscribe. Publishing
 * happens in the same code path that changes the state, after the change is committed.
 */
export type EventListener = (event: string, data: unknown, channel: string) => void;

export class EventBus {
  readonly #listeners = new Map<string, Set<EventListener>>();

  publish(channel: string, event: string, data: unknown): void {
    const listeners = this.#listeners.get(channel);
    if (!listeners) return;
    for (const listener of [...listeners]) {
      try {
        listener(event, data, channel);
      } catch (error) {
        // A broken subscriber must not fail the request that changed the state.
        console.error("server-lite: event listener failed", error);
      }
    }
  }

  /** Listens on a channel; returns the function that stops listening. */
  subscribe(channel: string, listener: EventListener): () => void {
    let listeners = this.#listeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(channel, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#listeners.delete(channel);
    };
  }

  listenerCount(channel: string): number {
    return this.#listeners.get(channel)?.size ?? 0;
  }
}
