/**
 * @module
 * The connection state of a platform without a live connection of its own (its views poll or stream per
 * request): connected while requests succeed, offline with the reason after one fails for want of the server
 * (no answer, a server error) or of valid credentials (401), connected again with the next success. A refusal of
 * one request (403, 404, 409, ...) says the server is there: it leaves the state as it is. The status bar shows it
 * like a live connection's.
 */
import { isAPIError } from "@agentlane/sdk";
import type { Backend, Disposable, LiveStatus } from "./types.ts";

/** The status of a backend whose connection is its requests. */
export class RequestStatus {
  #status: LiveStatus = { state: "connected" };
  readonly #listeners = new Set<(status: LiveStatus) => void>();

  get status(): LiveStatus {
    return this.#status;
  }

  /** A request succeeded. */
  succeeded(): void {
    if (this.#status.state !== "connected") this.#set({ state: "connected" });
  }

  /** A request failed; the message says why. */
  failed(error: unknown): void {
    if (isAPIError(error) && error.status < 500 && error.status !== 401) return;
    const reason = error instanceof Error ? error.message : String(error);
    if (this.#status.state !== "offline" || this.#status.reason !== reason) this.#set({ state: "offline", reason });
  }

  /** Runs a request, noting how it went. */
  async track<T>(request: () => Promise<T>): Promise<T> {
    try {
      const result = await request();
      this.succeeded();
      return result;
    } catch (error) {
      this.failed(error);
      throw error;
    }
  }

  onStatus(listener: (status: LiveStatus) => void): Disposable {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  }

  #set(status: LiveStatus): void {
    this.#status = status;
    for (const listener of this.#listeners) listener(status);
  }
}

/** The parts a backend offers. */
export type BackendParts = Pick<Backend, "skills" | "tasks" | "terminals" | "chats">;

/**
 * A backend whose status is that of its requests.
 * @param close what disposing it stops (streams, timers); nothing by default.
 * @example return requestBackend("caipe", { skills }, status);
 */
export function requestBackend(
  platform: string,
  parts: BackendParts,
  status: RequestStatus,
  close = () => {},
): Backend {
  return {
    platform,
    ...parts,
    get status() {
      return status.status;
    },
    onStatus: (listener) => status.onStatus(listener),
    dispose: close,
  };
}
