/**
 * @module
 * The one place requests are made: builds the request from a route, sends it, and turns every outcome into
 * unwrapped data or a typed error.
 *
 * The first attempt is sent directly with `fetch` (one timer, no `Request` copies), because almost every
 * call succeeds at once. Anything else (an error status, a network error, a timeout) goes on in the retry
 * loop (`retry-loop.ts`, on ky, loaded on first need) with that outcome as ky's own first attempt, so ky
 * alone decides whether and when to retry. A call with `totalTimeout` goes to ky from the start, since ky
 * keeps that budget.
 *
 * Everything platform-specific is delegated: credentials to the client's auth scheme (renewed once after a
 * 401), unwrapping, errors and pagination to the platform's envelope codec. An error the codec finds inside
 * an HTTP success is treated as the status it stands for, so it is typed and retried like any other.
 */
import type { Route } from "../contract/routes.ts";
import type { RunnableSchema } from "../contract/schema.ts";
import { AnswerReader, FINAL, type FirstAttempt, isAPIErrorLike, parseBody, type Read } from "./answers.ts";
import { APIPromise, type APIResponse, PagePromise } from "./api-promise.ts";
import { attempt, type Received } from "./attempt.ts";
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
import { idempotentMethods } from "./retry-policy.ts";
import { warnUnknownKeys } from "./unknown-keys.ts";

/**
 * Per endpoint (`resource` → method name), a function that turns the data an answer carries into the shape the
 * method is typed with: for a platform whose servers answer an endpoint in more than one shape. It runs before
 * response validation, so validation checks what the user receives.
 * @example { tasks: { claim: (data) => ("task" in data ? data : { task: data, message: "Task claimed" }) } }
 */
export type AnswerShapers = Readonly<Record<string, Readonly<Record<string, (data: unknown) => unknown>>>>;

/** Makes the stream object of a stream endpoint's call from the function that opens its response. */
export type StreamFactory = (open: (signal: AbortSignal) => Promise<Response>) => unknown;

/** A call ready to send: what the first attempt and any retries share. */
export interface Prepared {
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
  readonly #shapers: AnswerShapers;

  /**
   * `streams` reads stream endpoints' answers (`sseStreams` from `core/stream.ts`); platforms without stream
   * endpoints leave it out, so their bundles carry no event-stream parser. `shapers` reshape the data of the
   * endpoints a platform's servers answer in more than one shape.
   */
  constructor(options: ClientOptions, envelope: EnvelopeCodec, streams?: StreamFactory, shapers: AnswerShapers = {}) {
    this.options = normalizeOptions(options);
    this.envelope = envelope;
    this.#baseHeaders = { accept: "application/json", ...this.options.headers };
    this.#auth = this.options.auth;
    this.#streams = streams;
    this.#answers = new AnswerReader(envelope);
    this.#shapers = shapers;
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
    // ky is loaded on the first call that needs a retry: a bundle whose calls all succeed at once never loads it.
    const { sendWithRetries } = await import("./retry-loop.ts");
    const auth = options.token === undefined && !this.#auth?.fixed ? this.#auth : undefined;
    const response = await sendWithRetries({
      prepared,
      first,
      streaming,
      fetch: this.options.fetch,
      answers: this.#answers,
      auth,
    });
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

  #success(resource: string, name: string, received: Received & Partial<Read>): APIResponse<unknown> {
    const { response } = received;
    const parsed = received.decoded ? received.parsed : parseBody(received.text);
    const decoded = received.decoded ?? this.envelope.decode(parsed, response.status, response.headers);
    if (!decoded.ok)
      throw this.#answers.apiError(decoded.error.status ?? response.status, response, decoded.error, parsed);
    const shape = this.#shapers[resource]?.[name];
    const data = shape ? shape(decoded.data) : decoded.data;
    if (this.options.validate) this.#validate(resource, name, data);
    return {
      data,
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
