/**
 * @module
 * What the core's tests share: a client on a fake origin (answered by msw), success and error bodies in
 * the ClaudeNest envelope, and a recorder of the requests a handler saw.
 */
import type { Route } from "../src/contract/routes.ts";
import { HttpClient } from "../src/core/http-client.ts";
import type { ClientOptions, RequestOptions } from "../src/core/options.ts";
import { claudenestEnvelope } from "../src/platforms/claudenest/envelope.ts";

export const origin = "https://api.test";
export const baseUrl = `${origin}/api`;

/** A success body, with a request id in `meta`. */
export function ok(data: unknown, requestId = "req_ok"): Record<string, unknown> {
  return { success: true, data, meta: { timestamp: "2026-01-01T00:00:00.000Z", request_id: requestId } };
}

/** An error body. */
export function failed(code: string, message: string, errors?: Record<string, string[]>): Record<string, unknown> {
  return {
    success: false,
    error: { code, message, ...(errors ? { errors } : {}) },
    meta: { timestamp: "2026-01-01T00:00:00.000Z", request_id: `req_${code}` },
  };
}

/** An HTTP client with the ClaudeNest envelope, calling `baseUrl` through the global `fetch` (msw's). */
export function client(options: Partial<ClientOptions> = {}): HttpClient {
  return new HttpClient({ baseUrl, ...options }, claudenestEnvelope);
}

export function route(method: Route["method"], path = "/thing", extra: Partial<Route> = {}): Route {
  return { method, path, auth: "none", params: [], query: [], ...extra };
}

/** Sends one call of a route through a client, the way a generated SDK method does. */
export function send(
  http: HttpClient,
  r: Route,
  input?: Record<string, unknown>,
  options?: RequestOptions,
): Promise<unknown> {
  return http.call("things", "get", r, input, options);
}

export interface Hit {
  /** Milliseconds since the recorder was made, on the (possibly fake) clock. */
  at: number;
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/** Records every request a handler receives. */
export function recorder(): { hits: Hit[]; record(request: Request): Promise<Hit> } {
  const start = Date.now();
  const hits: Hit[] = [];
  return {
    hits,
    async record(request) {
      const hit = {
        at: Date.now() - start,
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: await request.text(),
      };
      hits.push(hit);
      return hit;
    },
  };
}
