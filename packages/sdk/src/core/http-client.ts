/**
 * @module
 * The one place requests are made: builds the URL from a route, sends it through ky with retries and
 * timeouts, and turns every outcome into unwrapped data or a typed error.
 */
import ky, { HTTPError, isTimeoutError as isKyTimeout, isNetworkError } from "ky";
import { fillPath } from "../contract/path.ts";
import type { Route } from "../contract/routes.ts";
import type { RunnableSchema } from "../contract/schema.ts";
import { APIPromise, type APIResponse, PagePromise } from "./api-promise.ts";
import type { EnvelopeCodec } from "./envelope.ts";
import { AbortError } from "./errors/abort-error.ts";
import { type APIError, createAPIError } from "./errors/api-error.ts";
import { ConnectionError } from "./errors/connection-error.ts";
import { ResponseValidationError } from "./errors/response-validation-error.ts";
import { TimeoutError } from "./errors/timeout-error.ts";
import { newIdempotencyKey } from "./idempotency.ts";
import {
  type ClientOptions,
  type NormalizedOptions,
  normalizeOptions,
  normalizeRetry,
  type RequestOptions,
} from "./options.ts";

type Input = Record<string, unknown> | undefined;

const idempotentMethods = ["get", "put", "delete", "head", "options"] as const;

function appendQuery(url: string, route: Route, input: Input): string {
  if (!input || route.query.length === 0) return url;
  const search = new URLSearchParams();
  for (const key of route.query) {
    const value = input[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `${url}?${text}` : url;
}

function bodyOf(route: Route, input: Input): Record<string, unknown> | undefined {
  if (!input || route.method === "GET" || route.method === "DELETE") return undefined;
  let body: Record<string, unknown> | undefined;
  for (const key in input) {
    if (route.params.includes(key) || route.query.includes(key) || input[key] === undefined) continue;
    body ??= {};
    body[key] = input[key];
  }
  return body;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class HttpClient {
  readonly options: NormalizedOptions;
  readonly envelope: EnvelopeCodec;

  constructor(options: ClientOptions, envelope: EnvelopeCodec) {
    this.options = normalizeOptions(options);
    this.envelope = envelope;
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
    const o = this.options;
    const url = appendQuery(o.baseUrl + fillPath(route.path, input ?? {}), route, input);
    const body = bodyOf(route, input);
    const headers: Record<string, string> = { accept: "application/json", ...o.headers, ...options.headers };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (route.auth !== "none") {
      const token = options.token ?? (typeof o.token === "function" ? await o.token() : o.token);
      if (token) headers.authorization = `Bearer ${token}`;
    }
    let idempotencyKey = options.idempotencyKey === true ? newIdempotencyKey() : options.idempotencyKey;
    if (idempotencyKey === undefined && o.idempotencyKeys && route.method === "POST")
      idempotencyKey = newIdempotencyKey();
    if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;

    const retry = options.retry === undefined ? o.retry : normalizeRetry(options.retry, o.retry);
    const signal = options.signal ?? o.signal;
    let response: Response;
    try {
      response = await ky(url, {
        method: route.method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        fetch: o.fetch,
        signal,
        timeout: options.timeout ?? o.timeout,
        totalTimeout: options.totalTimeout ?? o.totalTimeout,
        retry: {
          limit: retry.limit,
          methods: idempotencyKey ? [...idempotentMethods, "post", "patch"] : [...idempotentMethods],
          statusCodes: retry.statusCodes,
          afterStatusCodes: [429, 503],
          maxRetryAfter: retry.maxRetryAfter,
          backoffLimit: retry.maxDelay,
          delay: (attempt) => retry.baseDelay * 2 ** (attempt - 1),
          jitter: true,
          retryOnTimeout: true,
        },
      });
    } catch (error) {
      throw this.#translate(error, signal);
    }
    const parsed = await readJson(response);
    const decoded = this.envelope.decode(parsed, response.status, response.headers);
    if (!decoded.ok) throw this.#apiError(response.status, response.headers, decoded.error, parsed);
    const result: APIResponse<unknown> = {
      data: decoded.data,
      meta: decoded.meta,
      status: response.status,
      headers: response.headers,
      requestId: decoded.meta.requestId ?? response.headers.get("x-request-id") ?? undefined,
    };
    if (o.validate) this.#validate(resource, name, decoded.data);
    return result;
  }

  #validate(resource: string, name: string, data: unknown): void {
    const spec = this.options.validate!.contract[resource]?.[name]?.spec;
    if (!spec) return;
    const outcome = (spec.response as RunnableSchema).safeParse(data);
    if (outcome.success) return;
    const error = new ResponseValidationError(`${resource}.${name}`, outcome.error.issues, data);
    if (this.options.validate!.mode === "strict") throw error;
    console.warn(error.message);
  }

  #apiError(
    status: number,
    headers: Headers,
    error: ReturnType<EnvelopeCodec["decodeError"]>,
    body: unknown,
  ): APIError {
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
    if (error instanceof HTTPError) {
      const { response } = error;
      const decoded = this.envelope.decodeError(error.data, response.status, response.headers);
      return this.#apiError(response.status, response.headers, decoded, error.data);
    }
    if (signal?.aborted) return new AbortError(undefined, { cause: signal.reason });
    if (isKyTimeout(error)) return new TimeoutError(undefined, { cause: error });
    if (isNetworkError(error) || error instanceof TypeError) {
      return new ConnectionError(`Connection error: ${(error as Error).message}`, { cause: error });
    }
    return error instanceof Error ? error : new ConnectionError(String(error));
  }
}
