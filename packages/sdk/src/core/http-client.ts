/**
 * @module
 * The one place requests are made: builds the request from a route, sends it, and turns every outcome into
 * unwrapped data or a typed error.
 *
 * The first attempt is sent directly with `fetch` (one timer, no `Request` copies), because almost every
 * call succeeds at once. Anything else (an error status, a network error, a timeout) is handed to ky with
 * that outcome as ky's own first attempt, so ky alone decides whether and when to retry, exactly as if it
 * had sent the first attempt itself. A call with `totalTimeout` goes to ky from the start, since ky keeps
 * that budget.
 */
import ky, {
  type HTTPError,
  isHTTPError,
  isTimeoutError as isKyTimeout,
  isNetworkError,
  TimeoutError as KyTimeoutError,
} from "ky";
import type { Route } from "../contract/routes.ts";
import type { RunnableSchema } from "../contract/schema.ts";
import { APIPromise, type APIResponse, PagePromise } from "./api-promise.ts";
import { AttemptInterrupted, attempt, type Received, replay } from "./attempt.ts";
import type { DecodedError, EnvelopeCodec } from "./envelope.ts";
import { AbortError } from "./errors/abort-error.ts";
import { type APIError, createAPIError } from "./errors/api-error.ts";
import { ConnectionError } from "./errors/connection-error.ts";
import { ResponseValidationError } from "./errors/response-validation-error.ts";
import { TimeoutError } from "./errors/timeout-error.ts";
import { newIdempotencyKey } from "./idempotency.ts";
import {
  type ClientOptions,
  lowerCaseHeaders,
  type NormalizedOptions,
  type NormalizedRetry,
  normalizeOptions,
  normalizeRetry,
  normalizeTimeout,
  type RequestOptions,
} from "./options.ts";
import { bodyOf, type Input, urlOf } from "./request-parts.ts";
import { kyRetry } from "./retry-policy.ts";

/** A body as JSON when it is JSON, else as text; an empty body is `null`. */
function parseBody(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** How the first attempt, sent outside ky, ended. */
type FirstAttempt = { received: Received } | { error: unknown };

interface Prepared {
  url: string;
  init: RequestInit & { headers: Record<string, string> };
  signal: AbortSignal | undefined;
  timeout: number | false;
  totalTimeout: number | false;
  retry: NormalizedRetry;
  idempotencyKey: string | undefined;
}

export class HttpClient {
  readonly options: NormalizedOptions;
  readonly envelope: EnvelopeCodec;
  /** Headers of every call. */
  readonly #baseHeaders: Record<string, string>;
  /** The `authorization` value of a fixed client token, formatted once. */
  readonly #fixedAuthorization: string | undefined;

  constructor(options: ClientOptions, envelope: EnvelopeCodec) {
    this.options = normalizeOptions(options);
    this.envelope = envelope;
    this.#baseHeaders = { accept: "application/json", ...this.options.headers };
    const { token } = this.options;
    this.#fixedAuthorization = typeof token === "string" && token ? `Bearer ${token}` : undefined;
  }

  /** Calls an endpoint; list endpoints give a `PagePromise` that also iterates every page. */
  call(resource: string, name: string, route: Route, input: Input, options?: RequestOptions): APIPromise<unknown> {
    const first = this.request(resource, name, route, input, options);
    if (!route.paginated) return new APIPromise(first);
    return new PagePromise(first as Promise<APIResponse<unknown[]>>, (previous) => {
      const next = this.envelope.nextPage?.(previous.meta, input ?? {});
      return next
        ? (this.request(resource, name, route, { ...input, ...next }, options) as Promise<APIResponse<unknown[]>>)
        : undefined;
    });
  }

  async request(
    resource: string,
    name: string,
    route: Route,
    input: Input,
    options: RequestOptions = {},
  ): Promise<APIResponse<unknown>> {
    const prepared = this.#prepare(route, input, options);
    if (route.auth !== "none") {
      const { headers } = prepared.init;
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      else if (this.#fixedAuthorization) headers.authorization = this.#fixedAuthorization;
      else if (typeof this.options.token === "function") await this.#authorize(headers, this.options.token);
    }

    let first: FirstAttempt | undefined;
    if (prepared.totalTimeout === false) {
      try {
        const received = await attempt(
          this.options.fetch,
          prepared.url,
          prepared.init,
          prepared.timeout,
          prepared.signal,
        );
        if (received.response.ok) return this.#success(resource, name, received);
        first = { received };
      } catch (error) {
        if (prepared.signal?.aborted) throw new AbortError(undefined, { cause: prepared.signal.reason });
        first = { error };
      }
    }
    const response = await this.#withRetries(prepared, options, first);
    return this.#success(resource, name, { response, text: await response.text() });
  }

  #prepare(route: Route, input: Input, options: RequestOptions): Prepared {
    const o = this.options;
    const url = urlOf(o.baseUrl, route, input);
    const body = bodyOf(route, input);
    const headers = options.headers
      ? { ...this.#baseHeaders, ...lowerCaseHeaders(options.headers) }
      : { ...this.#baseHeaders };
    if (body !== undefined) headers["content-type"] = "application/json";
    let idempotencyKey = options.idempotencyKey === true ? newIdempotencyKey() : options.idempotencyKey;
    if (idempotencyKey === undefined && o.idempotencyKeys && route.method === "POST")
      idempotencyKey = newIdempotencyKey();
    if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
    return {
      url,
      init: body === undefined ? { method: route.method, headers } : { method: route.method, headers, body },
      signal: options.signal ?? o.signal,
      timeout: options.timeout === undefined ? o.timeout : normalizeTimeout("timeout", options.timeout),
      totalTimeout:
        options.totalTimeout === undefined ? o.totalTimeout : normalizeTimeout("totalTimeout", options.totalTimeout),
      retry: options.retry === undefined ? o.retry : normalizeRetry(options.retry, o.retry),
      idempotencyKey,
    };
  }

  async #authorize(headers: Record<string, string>, source: () => string | undefined | Promise<string | undefined>) {
    const token = await source();
    if (token) headers.authorization = `Bearer ${token}`;
  }

  /** ky's retry loop; `first`, when given, is the outcome of ky's first attempt. */
  async #withRetries(prepared: Prepared, options: RequestOptions, first: FirstAttempt | undefined): Promise<Response> {
    const o = this.options;
    let pending = first;
    const fetch = async (request: Request | URL | string, init?: RequestInit): Promise<Response> => {
      if (pending) {
        const outcome = pending;
        pending = undefined;
        if ("received" in outcome) return replay(outcome.received);
        if (outcome.error instanceof AttemptInterrupted) throw new KyTimeoutError(request as Request);
        throw outcome.error;
      }
      return replay(await attempt(o.fetch, request as Request, init, false, undefined));
    };
    const tokenSource = options.token === undefined && typeof o.token === "function" ? o.token : undefined;
    const { method, headers, body } = prepared.init;
    try {
      return await ky(prepared.url, {
        method,
        headers,
        body,
        fetch,
        signal: prepared.signal,
        timeout: prepared.timeout,
        totalTimeout: prepared.totalTimeout,
        retry: kyRetry(prepared.retry, prepared.idempotencyKey !== undefined),
        hooks: tokenSource
          ? {
              beforeRetry: [
                async ({ request }) => {
                  const token = await tokenSource();
                  if (token) request.headers.set("authorization", `Bearer ${token}`);
                },
              ],
            }
          : {},
      });
    } catch (error) {
      throw this.#translate(error, prepared.signal);
    }
  }

  #success(resource: string, name: string, { response, text }: Received): APIResponse<unknown> {
    const parsed = parseBody(text);
    const decoded = this.envelope.decode(parsed, response.status, response.headers);
    if (!decoded.ok) throw this.#apiError(response.status, response.headers, decoded.error, parsed);
    if (this.options.validate) this.#validate(resource, name, decoded.data);
    return {
      data: decoded.data,
      meta: decoded.meta,
      status: response.status,
      headers: response.headers,
      requestId: decoded.meta.requestId ?? response.headers.get("x-request-id") ?? undefined,
    };
  }

  #validate(resource: string, name: string, data: unknown): void {
    const { contract, mode } = this.options.validate!;
    const spec = contract[resource]?.[name]?.spec;
    if (!spec) return;
    const outcome = (spec.response as RunnableSchema).safeParse(data);
    if (outcome.success) return;
    const error = new ResponseValidationError(`${resource}.${name}`, outcome.error.issues, data);
    if (mode === "strict") throw error;
    console.warn(error.message);
  }

  #apiError(status: number, headers: Headers, error: DecodedError, body: unknown): APIError {
    return createAPIError({
      status,
      code: error.code,
      message: error.message,
      details: error.details,
      requestId: error.requestId ?? headers.get("x-request-id") ?? undefined,
      headers,
      body,
    });
  }

  #translate(error: unknown, signal: AbortSignal | undefined): Error {
    if (isHTTPError(error)) {
      const { response } = error as HTTPError;
      // ky parses an error body as JSON only when it is labelled JSON; platforms do not always label it.
      const data = typeof error.data === "string" ? parseBody(error.data) : error.data;
      const decoded = this.envelope.decodeError(data, response.status, response.headers);
      return this.#apiError(response.status, response.headers, decoded, data);
    }
    if (signal?.aborted) return new AbortError(undefined, { cause: signal.reason });
    if (isKyTimeout(error)) return new TimeoutError(undefined, { cause: error });
    if (isNetworkError(error) || error instanceof TypeError)
      return new ConnectionError(`Connection error: ${rootMessage(error as Error)}`, { cause: error });
    return error instanceof Error ? error : new ConnectionError(String(error));
  }
}

/** The innermost cause's message: `connect ECONNREFUSED 127.0.0.1:1234` rather than `fetch failed`. */
function rootMessage(error: Error): string {
  let current: unknown = isNetworkError(error) ? error.cause : error;
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause instanceof Error; depth++)
    current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
