/**
 * @module
 * The retry policy as ky options: which methods, statuses and errors are retried, and how long to wait.
 */
import type { RetryOptions as KyRetryOptions } from "ky";
import type { NormalizedRetry } from "./options.ts";

/** Methods safe to repeat; POST and PATCH join them when the request carries an `Idempotency-Key`. */
export const idempotentMethods = ["get", "put", "delete", "head", "options"] as const;
const withIdempotencyKey = [...idempotentMethods, "post", "patch"];

/**
 * Exponential backoff with full jitter: retry `n` waits a random time between zero and
 * `min(maxDelay, baseDelay * 2^(n-1))`. A 429 or 503 that says when to come back (`Retry-After` in seconds
 * or as an HTTP-date, else `X-RateLimit-Reset`) is retried then, at most `maxRetryAfter` later, without jitter.
 */
export function kyRetry(retry: NormalizedRetry, idempotencyKey: boolean): KyRetryOptions {
  return {
    limit: retry.limit,
    methods: idempotencyKey ? withIdempotencyKey : [...idempotentMethods],
    statusCodes: retry.statusCodes,
    afterStatusCodes: [429, 503],
    maxRetryAfter: retry.maxRetryAfter,
    backoffLimit: retry.maxDelay,
    delay: (attempt) => Math.min(retry.maxDelay, retry.baseDelay * 2 ** (attempt - 1)),
    jitter: true,
    retryOnTimeout: true,
  };
}
