/**
 * @module
 * A small typed client of the `/_lite/*` routes, so tests do not hand-write URLs: faults, recorded requests,
 * snapshots, reset, the clock and the seed. It speaks HTTP, so it works against a server in another process (the
 * CLI with `--lite`) as well as in-process (`liteClient(server)`).
 *
 * @example
 * const lite = liteClient("http://127.0.0.1:8000");
 * const scenario = await lite.snapshot();
 * await lite.chaos({ rate: 0.2, seed: 7 });
 * // ... run the code under test ...
 * await lite.restore(scenario);
 */
import type { ChaosState } from "../chaos/injector.ts";
import type { ChaosOptions, ResolvedChaos } from "../chaos/options.ts";
import type { LiteHar, RequestFilter } from "../recording/recorder.ts";
import type { LiteSnapshot } from "../snapshot/format.ts";

/** A `/_lite/*` call the server refused: its status and what it said. */
export class LiteError extends Error {
  override name = "LiteError";
  /** The HTTP status of the answer. */
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Options of {@link liteClient}. */
export interface LiteClientOptions {
  /**
   * The `fetch` to call the server with.
   * @default globalThis.fetch (or the server's own `fetch`, for a server object)
   */
  fetch?: (request: Request) => Promise<Response>;
}

/** The `/_lite/*` routes, typed. */
export interface LiteClient {
  /** Configures faults (`{ rate: 0 }` turns them off); answers the configuration with its defaults. */
  chaos(options: ChaosOptions): Promise<ResolvedChaos>;
  /** The fault configuration, the counts by kind and the latest injected faults. */
  faults(): Promise<ChaosState>;
  /** The whole state of every platform. */
  snapshot(): Promise<LiteSnapshot>;
  /** Replaces the whole state with a snapshot's; answers the number of rows written. */
  restore(snapshot: LiteSnapshot): Promise<{ rows: number }>;
  /** Empties the state; `keepSeed` puts back what seeding made. */
  reset(options?: { keepSeed?: boolean }): Promise<void>;
  /** Recorded exchanges as HAR 1.2, filtered by path (prefix or glob) and time. */
  requests(filter?: RequestFilter): Promise<LiteHar>;
  /** Forgets the recorded exchanges. */
  clearRequests(): Promise<void>;
  /** The server clock's time (ISO 8601). */
  now(): Promise<string>;
  /** Moves the server clock forward; answers the new time. */
  advance(ms: number): Promise<string>;
  /** What seeding made, by platform (credentials to log in with). */
  seed(): Promise<Record<string, Record<string, string>>>;
}

/**
 * A client of a server's `/_lite/*` routes (the server needs `lite: true`, or `--lite`).
 * @param target the server's base URL (`http://127.0.0.1:8000`), or an in-process server
 */
export function liteClient(
  target: string | { fetch(request: Request): Promise<Response> },
  options: LiteClientOptions = {},
): LiteClient {
  const base = typeof target === "string" ? target.replace(/\/+$/, "") : "http://lite.test";
  const send =
    options.fetch ??
    (typeof target === "string" ? (request: Request) => globalThis.fetch(request) : (r: Request) => target.fetch(r));

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { "content-type": "application/json" };
    }
    const response = await send(new Request(`${base}/_lite${path}`, init));
    const answer = (await response.json().catch(() => undefined)) as { error?: string } | undefined;
    if (response.status === 404)
      throw new LiteError(404, `${method} /_lite${path} is not served: start the server with \`lite: true\` or --lite`);
    if (!response.ok)
      throw new LiteError(response.status, answer?.error ?? `${method} /_lite${path} answered ${response.status}`);
    return answer as T;
  }

  return {
    chaos: async (chaos) => (await call<{ config: ResolvedChaos }>("POST", "/chaos", chaos)).config,
    faults: () => call("GET", "/chaos"),
    snapshot: () => call("GET", "/snapshot"),
    restore: async (snapshot) => {
      const { rows } = await call<{ rows: number }>("PUT", "/snapshot", snapshot);
      return { rows };
    },
    reset: async (how = {}) => {
      await call("POST", "/reset", how);
    },
    requests: (filter = {}) => {
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(filter)) if (value !== undefined) query.set(name, String(value));
      const search = query.size > 0 ? `?${query}` : "";
      return call("GET", `/requests${search}`);
    },
    clearRequests: async () => {
      await call("DELETE", "/requests");
    },
    now: async () => (await call<{ now: string }>("GET", "/clock")).now,
    advance: async (ms) => (await call<{ now: string }>("POST", "/clock", { advance_ms: ms })).now,
    seed: () => call("GET", "/seed"),
  };
}
