/**
 * @module
 * The connection state of a ClaudeNest client for the status bar: one shared realtime connection, whose
 * status the SDK reports, plus the number of the current reconnection attempt, counted by handing the SDK a
 * WebSocket class that notes each connection it opens (the SDK takes the class as a public option).
 */
import type { PusherTransport } from "@agentlane/sdk";

/** What the tracker reads of a transport. */
export type StatusSource = Pick<PusherTransport, "status" | "closeError" | "on">;

import type { Disposable, LiveStatus } from "../types.ts";

type WebSocketClass = new (url: string | URL, protocols?: string | string[]) => object;

/** Follows one transport's status; `countingWebSocket` must be the class the transport opens sockets with. */
export class LiveStatusTracker {
  #status: LiveStatus = { state: "connecting" };
  #attempts = 0;
  #transport: StatusSource | undefined;
  readonly #listeners = new Set<(status: LiveStatus) => void>();

  /** A WebSocket class that counts the sockets opened since the last successful connection. */
  countingWebSocket(base: unknown = (globalThis as { WebSocket?: unknown }).WebSocket): unknown {
    if (typeof base !== "function") return base;
    const tracker = this;
    const Base = base as WebSocketClass;
    return class CountingWebSocket extends Base {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        tracker.#attempted();
      }
    };
  }

  follow(transport: StatusSource): void {
    this.#transport = transport;
    transport.on("status", (status) => {
      if (status === "connected") {
        this.#attempts = 0;
        this.#set({ state: "connected" });
      } else if (status === "reconnecting") {
        this.#set({ state: "reconnecting", attempt: Math.max(1, this.#attempts) });
      } else if (status === "closed") {
        this.#set({ state: "offline", ...(transport.closeError ? { reason: transport.closeError.message } : {}) });
      } else {
        this.#set({ state: "connecting" });
      }
    });
  }

  get status(): LiveStatus {
    return this.#status;
  }

  onStatus(listener: (status: LiveStatus) => void): Disposable {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  }

  #attempted(): void {
    // Counted since the last successful connection: after a drop, the first new socket is attempt 1.
    this.#attempts++;
    if (this.#transport?.status === "reconnecting") this.#set({ state: "reconnecting", attempt: this.#attempts });
  }

  #set(status: LiveStatus): void {
    this.#status = status;
    for (const listener of [...this.#listeners]) listener(status);
  }
}
