/**
 * @module
 * Client and per-call options. Every option is normalized once, when the client is made; a call's options
 * are merged over the client's with `mergeRequestOptions`.
 */
import type { Contract } from "../contract/endpoint.ts";
import { type AuthScheme, bearerAuth, type TokenSource } from "./auth.ts";

export type { TokenSource };

/** How failed attempts are retried: exponential backoff with full jitter, honouring `Retry-After`. */
export interface RetryOptions {
  /**
   * How many times a failed attempt is retried.
   * @default 2
   */
  limit?: number;
  /**
   * Delay before the first retry, in milliseconds; it doubles with each retry, and each delay is drawn at
   * random between zero and that value (full jitter).
   * @default 500
   */
  baseDelay?: number;
  /**
   * Upper bound of a computed backoff delay, in milliseconds.
   * @default 8000
   */
  maxDelay?: number;
  /**
   * Upper bound of a delay the server asks for with `Retry-After` (seconds or HTTP-date) or an
   * `X-RateLimit-Reset` header, in milliseconds.
   * @default 60000
   */
  maxRetryAfter?: number;
  /**
   * Statuses that are retried. Network errors and timeouts are always retried. A `Retry-After` header
   * (or, without one, `X-RateLimit-Reset`) sets the delay of a 429 or 503.
   * @default [408, 429, 500, 502, 503, 504]
   */
  statusCodes?: number[];
}

/** Options of one call (the second argument of every method), merged over the client's. */
export interface RequestOptions {
  /**
   * Time allowed for one attempt to get a response and read its body, in milliseconds, or `false` for none.
   * @default 30000
   */
  timeout?: number | false;
  /**
   * Time allowed for the whole call including retries and their delays, in milliseconds, or `false`.
   * @default false
   */
  totalTimeout?: number | false;
  /**
   * Retry policy, or a number as the retry limit. Only idempotent methods (GET, PUT, DELETE) are retried,
   * unless the call sends an `Idempotency-Key`.
   * @example { limit: 5, maxDelay: 2000 }
   */
  retry?: RetryOptions | number;
  /** Cancels the call, including any retry delay. */
  signal?: AbortSignal;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
  /**
   * An `Idempotency-Key` for this call; `true` generates one. A POST or PATCH that sends one is retried
   * like an idempotent request, with the same key on every attempt.
   * @example { idempotencyKey: true }
   */
  idempotencyKey?: string | true;
  /** A token for this call only (the pairing poll uses the temporary pairing token). */
  token?: string;
}

/** Options of a client (`new ClaudeNest(options)`); every call may override the `RequestOptions` among them. */
export interface ClientOptions extends Omit<RequestOptions, "idempotencyKey" | "token"> {
  /**
   * The API's base URL, including the platform's API prefix.
   * @example "http://localhost:8000/api"
   */
  baseUrl: string;
  /**
   * Bearer token sent to every endpoint that needs one; shorthand for `auth: bearerAuth(token)`.
   * @example process.env.CLAUDENEST_TOKEN
   */
  token?: TokenSource;
  /**
   * How credentials are sent and renewed, when not a plain bearer token: an API key header, a JWT refreshed on
   * 401, OAuth client credentials (see `bearerAuth`, `apiKeyAuth`, `refreshingAuth`, `clientCredentialsAuth`).
   * @default bearerAuth(token) when `token` is given
   * @example apiKeyAuth({ key: process.env.API_KEY })
   */
  auth?: AuthScheme;
  /**
   * The `fetch` to use: a test can route calls in-process to a server's `fetch`.
   * @default globalThis.fetch
   */
  fetch?: (input: Request | URL | string, init?: RequestInit) => Promise<Response>;
  /**
   * Generate an `Idempotency-Key` for every POST, making POSTs safe to retry.
   * @default false
   */
  idempotencyKeys?: boolean;
  /**
   * Validate every response against the contract (import it from `@agentlane/sdk/<platform>/contract`).
   * Off by default, so that browser bundles need neither zod nor the schemas.
   * @example { contract: claudenestContract, mode: "strict" }
   */
  validate?: { contract: Contract; mode?: "strict" | "warn" };
}

export interface NormalizedRetry {
  limit: number;
  baseDelay: number;
  maxDelay: number;
  maxRetryAfter: number;
  statusCodes: number[];
}

export interface NormalizedOptions {
  baseUrl: string;
  token: TokenSource | undefined;
  auth: AuthScheme | undefined;
  fetch: NonNullable<ClientOptions["fetch"]>;
  timeout: number | false;
  totalTimeout: number | false;
  retry: NormalizedRetry;
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
  idempotencyKeys: boolean;
  validate: { contract: Contract; mode: "strict" | "warn" } | undefined;
}

export const defaultRetry: NormalizedRetry = {
  limit: 2,
  baseDelay: 500,
  maxDelay: 8000,
  maxRetryAfter: 60_000,
  statusCodes: [408, 429, 500, 502, 503, 504],
};

/** Longest delay a JavaScript timer can wait; longer ones fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

function checkDuration(name: string, value: number, allowZero: boolean): number {
  if (
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    value < 0 ||
    (!allowZero && value === 0) ||
    value > MAX_TIMER_MS
  )
    throw new RangeError(
      `\`${name}\` must be ${allowZero ? "a non-negative" : "a positive"} number of milliseconds up to ${MAX_TIMER_MS}, not ${String(value)}`,
    );
  return value;
}

/** Header names in lower case, so that a caller's `Accept` replaces the default `accept` instead of joining it. */
export function lowerCaseHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers) for (const name in headers) out[name.toLowerCase()] = headers[name]!;
  return out;
}

/** Checks a `timeout` or `totalTimeout` value. */
export function normalizeTimeout(name: string, value: number | false): number | false {
  return value === false ? false : checkDuration(name, value, false);
}

export function normalizeRetry(
  retry: RetryOptions | number | undefined,
  base: NormalizedRetry = defaultRetry,
): NormalizedRetry {
  if (retry === undefined) return base;
  const merged: NormalizedRetry =
    typeof retry === "number"
      ? { ...base, limit: retry }
      : { ...base, ...Object.fromEntries(Object.entries(retry).filter(([, v]) => v !== undefined)) };
  if (!Number.isInteger(merged.limit) || merged.limit < 0)
    throw new RangeError(`\`retry.limit\` must be a non-negative integer, not ${String(merged.limit)}`);
  checkDuration("retry.baseDelay", merged.baseDelay, true);
  checkDuration("retry.maxDelay", merged.maxDelay, true);
  checkDuration("retry.maxRetryAfter", merged.maxRetryAfter, true);
  if (!Array.isArray(merged.statusCodes)) throw new TypeError("`retry.statusCodes` must be an array of statuses");
  return merged;
}

export function normalizeOptions(options: ClientOptions): NormalizedOptions {
  if (!options || typeof options.baseUrl !== "string" || options.baseUrl === "") {
    throw new TypeError("`baseUrl` is required, e.g. http://localhost:8000/api");
  }
  const url = new URL(options.baseUrl);
  return {
    baseUrl: url.href.replace(/\/+$/, ""),
    token: options.token,
    auth: options.auth ?? (options.token ? bearerAuth(options.token) : undefined),
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeout: normalizeTimeout("timeout", options.timeout ?? 30_000),
    totalTimeout: normalizeTimeout("totalTimeout", options.totalTimeout ?? false),
    retry: normalizeRetry(options.retry),
    headers: lowerCaseHeaders(options.headers),
    signal: options.signal,
    idempotencyKeys: options.idempotencyKeys ?? false,
    validate: options.validate
      ? { contract: options.validate.contract, mode: options.validate.mode ?? "strict" }
      : undefined,
  };
}
