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
 *
 * Everything platform-specific is delegated: credentials to the client's auth scheme (renewed once after a
 * 401), unwrapping, errors and pagination to the platform's envelope codec. An error the codec finds inside
 * an HTTP success is treated as the status it stands for, so it is typed and retried like any other.
 */
import ky, { isHTTPError, TimeoutError as KyTimeoutError } from "ky";
import type { Route } from "../contract/routes.ts";
import type { RunnableSchema } from "../contract/schema.ts";
import { AnswerReader, FINAL, type FirstAttempt, isAPIErrorLike, parseBody, type Read } from "./answers.ts";
import { APIPromise, type APIResponse, PagePromise } from "./api-promise.ts";
import { AttemptInterrupted, attempt, type Received } from "./attempt.ts";
import type { AuthScheme } from "./auth.ts";
import type { EnvelopeCodec } from "./envelope.ts";
import { AbortError } from "./errors/abort-error.ts";
import { ConnectionError } from "./errors/connection-error.ts";
import type { SentRequest } from "./errors/explain.ts";
import { ResponseValidationError } from "./errors/response-validation-error.ts";
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
import { idempotentMethods, kyRetry } from "./retry-policy.ts";
import { warnUnknownKeys } from "./unknown-keys.ts";

/** Makes the stream object of a stream endpoint's call from the function that opens its response. */
export type StreamFactory = (open: (signal: AbortSignal) => Promise<Response>) => unknown;

interface Prepared {
  url: string;
  init: RequestInit & { headers: Record<string, string> };
  auth: string;
  signal: AbortSignal | undefined;
  timeout: number | false;
  totalTimeout: number | false;
  retry: NormalizedRetry;
  idempotencyKey: string | undefined;
  /** What an error's message may say about this call. */
  sent: SentRequest;
}

export class HttpClient {
  readonly options: NormalizedOptions;
  readonly envelope: EnvelopeCodec;
  /** Headers of every call. */
  readonly #baseHeaders: Record<string, string>;
  readonly #auth: AuthScheme | undefined;
  readonly #streams: StreamFactory | undefined;
  readonly #answers: AnswerReader;

  /**
   * `streams` reads stream endpoints' answers (`sseStreams` from `core/stream.ts`); platforms without stream
   * endpoints leave it out, so their bundles carry no event-stream parser.
   */
  constructor(options: ClientOptions, envelope: EnvelopeCodec, streams?: StreamFactory) {
    this.options = normalizeOptions(options);
    this.envelope = envelope;
    this.#baseHeaders = { accept: "application/json", ...this.options.headers };
    this.#auth = this.options.auth;
    this.#streams = streams;
    this.#answers = new AnswerReader(envelope);
  }

  /**
   * Calls an endpoint: list endpoints give a `PagePromise` that also iterates every page, stream endpoints an
   * `APIStream` of their events.
   */
  call(resource: string, name: string, route: Route, input: Input, options?: RequestOptions): APIPromise<unknown> {
    if (route.stream) {
      if (!this.#streams)
        throw new TypeError(
          `${resource}.${name} answers a stream: give the platform's client "streams: sseStreams" in definePlatform()`,
        );
      return this.#streams((signal) => this.open(route, input, { ...options, signal })) as never;
    }
    const first = this.request(resource, name, route, input, options);
    if (!route.paginated) return new APIPromise(first);
    const items = route.items;
    // Each page's input, by the page it asked for: `nextPage` is given the input of the page just read.
    const inputs = new WeakMap<object, Input>();
    const remember = (page: Promise<APIResponse<unknown>>, pageInput: Input) =>
      page.then((response) => {
        inputs.set(response, pageInput);
        return response;
      });
    return new PagePromise<unknown, unknown>(
      remember(first, input),
      (previous) => {
        const query = inputs.get(previous) ?? input ?? {};
        const next = this.envelope.nextPage?.({ meta: previous.meta, data: previous.data, query });
        return next ? remember(this.request(resource, name, route, next, options), next) : undefined;
      },
      (data) => {
        const list = items ? (data as Record<string, unknown> | null)?.[items] : data;
        return Array.isArray(list) ? list : [];
      },
    );
  }

  /** The credentials an endpoint with this `auth` requirement would be sent, as headers (for realtime handshakes). */
  async credentials(requirement = "user"): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    await this.#auth?.apply(headers, requirement);
    return headers;
  }

  async request(
    resource: string,
    name: string,
    route: Route,
    input: Input,
    options: RequestOptions = {},
  ): Promise<APIResponse<unknown>> {
    const received = await this.#send(route, input, options, false);
    return this.#success(resource, name, received);
  }

  /** Opens a stream endpoint: the unread `text/event-stream` response, after the same auth, retries and errors. */
  async open(route: Route, input: Input, options: RequestOptions = {}): Promise<Response> {
    const received = await this.#send(route, input, options, true);
    if (received.text === undefined) return received.response;
    // Not a stream: a platform that reports errors inside a success, or an answer that is not a stream at all.
    const parsed = parseBody(received.text);
    const decoded = this.envelope.decode(parsed, received.response.status, received.response.headers);
    if (!decoded.ok)
      throw this.#answers.apiError(
        decoded.error.status ?? received.response.status,
        received.response,
        decoded.error,
        parsed,
      );
    throw new ConnectionError(
      `Expected an event stream, got ${received.response.headers.get("content-type") ?? "no content type"}`,
    );
  }

  /** Sends a call with auth and retries; after a 401 it renews the credentials once and sends it again. */
  async #send(route: Route, input: Input, options: RequestOptions, streaming: boolean): Promise<Received> {
    try {
      return await this.#sendOnce(route, input, options, streaming);
    } catch (error) {
      const renew = this.#auth?.renew;
      if (!renew || options.token || route.auth === "none" || !isAPIErrorLike(error) || error.status !== 401)
        throw error;
      if (!(await renew.call(this.#auth))) throw error;
      return this.#sendOnce(route, input, options, streaming);
    }
  }

  async #sendOnce(route: Route, input: Input, options: RequestOptions, streaming: boolean): Promise<Received> {
    const prepared = this.#prepare(route, input, options);
    if (route.auth !== "none") {
      const { headers } = prepared.init;
      const auth = this.#auth;
      const before = Object.keys(headers).length;
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      else if (auth?.fixed) headers[auth.fixed.name] = auth.fixed.value;
      else if (auth) await auth.apply(headers, route.auth);
      prepared.sent.credentialsSent = Object.keys(headers).length > before;
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
          streaming,
        );
        if (received.response.ok) {
          const failed = received.text === undefined ? undefined : this.#answers.failedInside(received);
          if (!failed) return received;
          // An error inside a success that names no status is final: nothing says a repeat could help.
          if (failed === FINAL) return received;
          first = { received, status: failed };
        } else first = { received };
      } catch (error) {
        if (prepared.signal?.aborted) throw new AbortError(undefined, { cause: prepared.signal.reason });
        first = { error };
      }
    }
    if (first && !this.#retryable(prepared)) throw this.#answers.firstFailure(first, prepared.signal, prepared.sent);
    const response = await this.#withRetries(prepared, options, first, streaming);
    if (streaming && response.ok && (response.headers.get("content-type") ?? "").startsWith("text/event-stream"))
      return { response, text: undefined };
    return { response, text: await response.text() };
  }

  /** Whether ky could retry this request at all (method, idempotency key, limit). */
  #retryable(prepared: Prepared): boolean {
    if (prepared.retry.limit === 0) return false;
    const method = (prepared.init.method ?? "GET").toLowerCase();
    return (idempotentMethods as readonly string[]).includes(method) || prepared.idempotencyKey !== undefined;
  }

  #prepare(route: Route, input: Input, options: RequestOptions): Prepared {
    const o = this.options;
    warnUnknownKeys(route, input);
    const url = urlOf(o.baseUrl, route, input);
    const encoded = bodyOf(route, input);
    const body = encoded?.body;
    const headers = options.headers
      ? { ...this.#baseHeaders, ...lowerCaseHeaders(options.headers) }
      : { ...this.#baseHeaders };
    if (route.stream) headers.accept = "text/event-stream";
    if (encoded?.contentType) headers["content-type"] = encoded.contentType;
    let idempotencyKey = options.idempotencyKey === true ? newIdempotencyKey() : options.idempotencyKey;
    if (idempotencyKey === undefined && o.idempotencyKeys && route.method === "POST")
      idempotencyKey = newIdempotencyKey();
    if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
    return {
      url,
      auth: route.auth,
      init: body === undefined ? { method: route.method, headers } : { method: route.method, headers, body },
      signal: options.signal ?? o.signal,
      timeout: options.timeout === undefined ? o.timeout : normalizeTimeout("timeout", options.timeout),
      totalTimeout:
        options.totalTimeout === undefined ? o.totalTimeout : normalizeTimeout("totalTimeout", options.totalTimeout),
      retry: options.retry === undefined ? o.retry : normalizeRetry(options.retry, o.retry),
      idempotencyKey,
      sent: { method: route.method, url, baseUrl: o.baseUrl, credentialsSent: undefined },
    };
  }

  /** ky's retry loop; `first`, when given, is the outcome of ky's first attempt. */
  async #withRetries(
    prepared: Prepared,
    options: RequestOptions,
    first: FirstAttempt | undefined,
    streaming: boolean,
  ): Promise<Response> {
    const o = this.options;
    let pending = first;
    /** The HTTP status of the latest attempt, which a replayed error status hides from ky. */
    let httpStatus = first && "received" in first ? first.received.response.status : undefined;
    const fetch = async (request: Request | URL | string, init?: RequestInit): Promise<Response> => {
      if (pending) {
        const outcome = pending;
        pending = undefined;
        if ("received" in outcome) return this.#answers.replay(outcome.received, outcome.status);
        if (outcome.error instanceof AttemptInterrupted) throw new KyTimeoutError(request as Request);
        throw outcome.error;
      }
      const received = await attempt(o.fetch, request as Request, init, false, undefined, streaming);
      httpStatus = received.response.status;
      const failed = received.response.ok ? this.#answers.failedInside(received) : undefined;
      return this.#answers.replay(received, failed === FINAL ? undefined : failed);
    };
    const auth = options.token === undefined && !this.#auth?.fixed ? this.#auth : undefined;
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
              ? this.#answers.decodeFailure(
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
      throw this.#answers.translate(error, prepared.signal, httpStatus, prepared.sent);
    }
  }

  #success(resource: string, name: string, received: Received & Partial<Read>): APIResponse<unknown> {
    const { response } = received;
    const parsed = received.decoded ? received.parsed : parseBody(received.text);
    const decoded = received.decoded ?? this.envelope.decode(parsed, response.status, response.headers);
    if (!decoded.ok)
      throw this.#answers.apiError(decoded.error.status ?? response.status, response, decoded.error, parsed);
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
}
