/**
 * @module
 * Outbound HTTP for the CAIPE services: JSON calls with a timeout, and a failure that handlers answer as 502
 * `UPSTREAM_ERROR`. Calls made in the background are tracked, so that closing the server waits for them
 * instead of leaving requests in flight.
 */
import { Failure } from "../../../core/failure.ts";

/** Calls a JSON endpoint; any network error, timeout, non-2xx status or unreadable body is an `UPSTREAM_ERROR`. */
export async function fetchJson(
  what: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown; timeoutMs: number },
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? "GET",
      headers: {
        accept: "application/json",
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(init.timeoutMs),
    });
  } catch (error) {
    throw new Failure("UPSTREAM_ERROR", `${what} could not be reached: ${(error as Error).message}`);
  }
  const text = await response.text().catch(() => "");
  if (!response.ok)
    throw Object.assign(new Failure("UPSTREAM_ERROR", `${what} answered HTTP ${response.status}`), {
      upstreamStatus: response.status,
    });
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    throw new Failure("UPSTREAM_ERROR", `${what} answered something that is not JSON`);
  }
}

/** Background calls in flight, so that `drain()` can wait for them. */
export class Background {
  readonly #pending = new Set<Promise<unknown>>();

  /** Runs a call in the background; its failure is reported to `onError`, never thrown. */
  run(call: () => Promise<unknown>, onError: (error: unknown) => void): void {
    const promise = call()
      .catch(onError)
      .finally(() => this.#pending.delete(promise));
    this.#pending.add(promise);
  }

  /** Resolves once every background call has ended. */
  async drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }
}
