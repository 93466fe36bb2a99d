/**
 * @module
 * The retry loop, on ky: a call whose first attempt failed (or that has a total time budget) continues here,
 * with that first outcome replayed as ky's own first attempt, so ky alone decides whether and when to retry.
 *
 * This module is imported on demand by the HTTP client, the first time a call needs it: ky is most of the
 * weight of a browser bundle, and a page whose calls all succeed at once never loads it.
 */
import ky, { type HTTPError, isHTTPError, isNetworkError, isTimeoutError, TimeoutError as KyTimeoutError } from "ky";
import { type AnswerReader, FINAL, type FirstAttempt, parseBody } from "./answers.ts";
import { AttemptInterrupted, attempt } from "./attempt.ts";
import type { AuthScheme } from "./auth.ts";
import { TimeoutError } from "./errors/timeout-error.ts";
import type { Prepared } from "./http-client.ts";
import { kyRetry } from "./retry-policy.ts";

export interface RetryLoopInput {
  prepared: Prepared;
  /** The outcome of the first attempt, sent outside ky; absent when ky sends the first attempt too. */
  first: FirstAttempt | undefined;
  streaming: boolean;
  fetch: typeof globalThis.fetch;
  answers: AnswerReader;
  /** Renews credentials before each retry; absent for a fixed credential or a per-call token. */
  auth: AuthScheme | undefined;
}

/** Sends (or goes on sending) a call with ky's retries; answers the final response or throws the SDK's error. */
export async function sendWithRetries(input: RetryLoopInput): Promise<Response> {
  const { prepared, answers, auth, streaming } = input;
  let pending = input.first;
  /** The HTTP status of the latest attempt, which a replayed error status hides from ky. */
  let httpStatus = pending && "received" in pending ? pending.received.response.status : undefined;
  const fetch = async (request: Request | URL | string, init?: RequestInit): Promise<Response> => {
    if (pending) {
      const outcome = pending;
      pending = undefined;
      if ("received" in outcome) return answers.replay(outcome.received, outcome.status);
      if (outcome.error instanceof AttemptInterrupted) throw new KyTimeoutError(request as Request);
      throw outcome.error;
    }
    const received = await attempt(input.fetch, request as Request, init, false, undefined, streaming);
    httpStatus = received.response.status;
    const failed = received.response.ok ? answers.failedInside(received) : undefined;
    return answers.replay(received, failed === FINAL ? undefined : failed);
  };
  const { method } = prepared.init;
  let headers: Record<string, string> = prepared.init.headers;
  let body = prepared.init.body;
  if (body instanceof FormData) {
    // Serialized once: ky would make a new FormData stream per request and cancel the unused one, which makes
    // undici's multipart encoder reject unhandled. The bytes (with their boundary) can be sent again as they are.
    const encoded = new Response(body);
    headers = { ...headers, "content-type": encoded.headers.get("content-type") ?? "multipart/form-data" };
    body = await encoded.arrayBuffer();
  }
  try {
    return await ky(prepared.url, {
      method,
      headers,
      body,
      fetch,
      signal: prepared.signal,
      timeout: prepared.timeout,
      totalTimeout: prepared.totalTimeout,
      retry: {
        ...kyRetry(prepared.retry, prepared.idempotencyKey !== undefined),
        // The platform may say an error is (or is not) worth repeating, whatever its status.
        shouldRetry: ({ error }) =>
          isHTTPError(error)
            ? answers.decodeFailure(
                error.response,
                typeof error.data === "string" ? parseBody(error.data) : error.data,
                httpStatus,
              ).retryable
            : undefined,
      },
      hooks:
        auth && prepared.auth !== "none"
          ? {
              beforeRetry: [
                async ({ request }) => {
                  const fresh: Record<string, string> = {};
                  await auth.apply(fresh, prepared.auth);
                  for (const [name, value] of Object.entries(fresh)) request.headers.set(name, value);
                },
              ],
            }
          : {},
    });
  } catch (error) {
    throw translate(error, input, httpStatus);
  }
}

/** Whatever ky threw, as the SDK's typed error; `httpStatus` is the latest attempt's own HTTP status. */
function translate(error: unknown, input: RetryLoopInput, httpStatus: number | undefined): Error {
  const { answers, prepared } = input;
  if (isHTTPError(error)) {
    const { response } = error as HTTPError;
    // ky parses an error body as JSON only when it is labelled JSON; platforms do not always label it.
    const data = typeof error.data === "string" ? parseBody(error.data) : error.data;
    const decoded = answers.decodeFailure(response, data, httpStatus);
    return answers.apiError(decoded.status ?? response.status, response, decoded, data, httpStatus, prepared.sent);
  }
  if (!prepared.signal?.aborted && isTimeoutError(error)) return new TimeoutError(undefined, { cause: error });
  return answers.translate(error, prepared.signal, isNetworkError(error));
}
