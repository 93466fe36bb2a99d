/**
 * @module
 * The only way the check reaches the server. Safe by construction: it refuses to send anything but a read
 * (`GET`, `HEAD`) unless the request is the login the user's credentials ask for, or a step of the write round trip
 * on a transport the user asked to write with; it waits as long as a
 * `Retry-After` says (up to a bound) before trying again; and it keeps the raw answer (status, headers, text) so
 * that the envelope itself can be checked, not only what a codec makes of it.
 */
import { parseBody } from "../core/answers.ts";

/** One request the check sends. */
export interface ProbeRequest {
  method: string;
  /** The path below the base URL, parameters already filled in. */
  path: string;
  query?: Record<string, string> | undefined;
  headers?: Record<string, string> | undefined;
  /** A JSON body (only the login has one). */
  body?: unknown;
  /** Marks the one write the read-only mode allows: the login that turns a password into a token. */
  login?: boolean;
  /** Marks a step of the write round trip: sent only by a transport made with `allowWrites`. */
  write?: boolean;
}

/** A raw answer: status, headers, text and the body parsed (JSON, else text, else `null`). */
export interface ProbeAnswer {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

/** Options of a {@link ProbeTransport}. */
export interface ProbeTransportOptions {
  /** The API's base URL, with the platform's prefix. */
  baseUrl: string;
  /** @default globalThis.fetch */
  fetch?: ((input: Request | URL | string, init?: RequestInit) => Promise<Response>) | undefined;
  /**
   * Time allowed for one request, in milliseconds.
   * @default 15000
   */
  timeout?: number | undefined;
  /**
   * How many times a 429 or 503 that carries `Retry-After` is tried again.
   * @default 2
   */
  retries?: number | undefined;
  /**
   * The longest `Retry-After` honoured, in milliseconds; a longer one ends the call as answered.
   * @default 60000
   */
  maxRetryAfter?: number | undefined;
  /**
   * Let requests marked `write` through (the `--write` round trip); without it only reads and the login are sent.
   * @default false
   */
  allowWrites?: boolean | undefined;
}

/** Thrown when the check would send a write without being asked to: a fault of the check, never of the server. */
export class WriteRefusedError extends Error {
  override name = "WriteRefusedError";
}

/** The server could not be reached, or did not answer in time. */
export class UnreachableError extends Error {
  override name = "UnreachableError";
}

/** The innermost cause's message: `connect ECONNREFUSED 127.0.0.1:1234` rather than `fetch failed`. */
function rootMessage(error: unknown): string {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause instanceof Error; depth++)
    current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

/** How long a `Retry-After` (seconds or an HTTP date) asks to wait, in milliseconds, or `undefined`. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends the check's requests; see the module comment for what it refuses. */
export class ProbeTransport {
  readonly #options: Required<Omit<ProbeTransportOptions, "fetch">> & {
    fetch: NonNullable<ProbeTransportOptions["fetch"]>;
  };

  constructor(options: ProbeTransportOptions) {
    this.#options = {
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      timeout: options.timeout ?? 15_000,
      retries: options.retries ?? 2,
      maxRetryAfter: options.maxRetryAfter ?? 60_000,
      allowWrites: options.allowWrites ?? false,
    };
  }

  /** The URL a request goes to. */
  url(request: Pick<ProbeRequest, "path" | "query">): string {
    const search = new URLSearchParams(request.query ?? {}).toString();
    return `${this.#options.baseUrl}${request.path}${search ? `?${search}` : ""}`;
  }

  /** Sends one request, trying again after a `Retry-After`; a network failure or timeout rejects. */
  async send(request: ProbeRequest): Promise<ProbeAnswer> {
    const method = request.method.toUpperCase();
    const allowed = request.login || (request.write && this.#options.allowWrites);
    if (method !== "GET" && method !== "HEAD" && !allowed)
      throw new WriteRefusedError(
        `refusing to send ${method} ${request.path}: the check only reads unless asked to write`,
      );
    for (let attempt = 0; ; attempt++) {
      const answer = await this.#once(method, request);
      const delay = retryAfterMs(answer.headers.get("retry-after"));
      const retryable = answer.status === 429 || answer.status === 503;
      if (!retryable || delay === undefined || delay > this.#options.maxRetryAfter || attempt >= this.#options.retries)
        return answer;
      await wait(delay);
    }
  }

  async #once(method: string, request: ProbeRequest): Promise<ProbeAnswer> {
    const headers: Record<string, string> = { accept: "application/json", ...request.headers };
    if (request.body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    let text: string;
    try {
      response = await this.#options.fetch(this.url(request), {
        method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(this.#options.timeout),
      });
      text = await response.text();
    } catch (error) {
      throw new UnreachableError(`${method} ${request.path}: ${rootMessage(error)}`, { cause: error });
    }
    return { status: response.status, headers: response.headers, text, body: parseBody(text) };
  }
}
