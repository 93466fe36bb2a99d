/**
 * @module
 * server-lite as msw handlers: requests to `baseUrl` are answered by an in-process server, so code that
 * calls a platform with plain `fetch` can be tested without a socket.
 *
 * @example
 * const server = await createServer({ seed: true });
 * const worker = setupServer(...toMswHandlers(server, "https://api.claudenest.test"));
 */
import { http, passthrough } from "msw";
import type { LiteServer } from "./server.ts";

export function toMswHandlers(server: Pick<LiteServer, "fetch">, baseUrl: string) {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, "");
  return [
    http.all(`${base.origin}${prefix}/*`, async ({ request }) => {
      const url = new URL(request.url);
      if (url.origin !== base.origin) return passthrough();
      url.pathname = url.pathname.slice(prefix.length) || "/";
      const init: RequestInit & { duplex?: "half" } = { method: request.method, headers: request.headers };
      if (request.method !== "GET" && request.method !== "HEAD") {
        init.body = await request.arrayBuffer();
      }
      return server.fetch(new Request(`http://server-lite.internal${url.pathname}${url.search}`, init));
    }),
  ];
}
