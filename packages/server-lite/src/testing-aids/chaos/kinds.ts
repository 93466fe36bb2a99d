/**
 * @module
 * The kinds of fault and the options of a fault run, as plain data and types: the package's entry exports them
 * without loading the schema that checks them (`options.ts`).
 */

/**
 * Every kind of fault, named as requests name them:
 * - `"429"`: refused as rate-limited, with `Retry-After` and the platform's own rate-limit headers;
 * - `"500"`, `"502"`, `"503"`: that status, in the platform's error envelope;
 * - `"drop"`: the connection is dropped before any answer (nothing runs);
 * - `"lost"`: the request runs (its write happens) and the connection is dropped before the answer;
 * - `"delay"`: the answer is held back for `delayMs`;
 * - `"stream"`: a WebSocket or Server-Sent Events stream is cut after a few messages.
 */
export const faultKinds = ["429", "500", "502", "503", "drop", "lost", "delay", "stream"] as const;

/** One kind of fault (see {@link faultKinds}). */
export type FaultKind = (typeof faultKinds)[number];

/** Faults injected into a server's requests, deterministic from a seed. */
export interface ChaosOptions {
  /** Share of requests that get a fault, from 0 (faults off) to 1. */
  rate: number;
  /**
   * Seed of the generator that decides which requests fail and how: the same seed and the same requests in the
   * same order give the same faults.
   * @default 1
   */
  seed?: number;
  /**
   * The kinds to choose from, each equally likely among those that apply to a request (`"stream"` applies only
   * to streams; a WebSocket upgrade takes only `"drop"` and `"stream"`).
   * @default every kind
   * @example ["503", "drop", "lost"]
   */
  kinds?: readonly FaultKind[];
  /**
   * Only requests whose path matches one of these globs (`*` within a segment, `**` across), optionally after a
   * method: `"POST /claudenest/api/tasks"`, `"/ccjk/**"`.
   * @default every route
   */
  routes?: readonly string[];
  /**
   * How long a `"delay"` fault holds the answer back, in milliseconds.
   * @default 1000
   */
  delayMs?: number;
  /**
   * The `Retry-After` of a `"429"` fault, in seconds.
   * @default 1
   */
  retryAfter?: number;
}

/** {@link ChaosOptions} with every default filled in. */
export type ResolvedChaos = Required<ChaosOptions>;
