/**
 * @module
 * server-lite as msw handlers: requests to a platform's API root are answered by an in-process server, so
 * code that calls a platform with plain `fetch` (or the SDK with its default fetch) is tested without a socket.
 *
 * `baseUrl` is the platform's API root as the code under test calls it (what it would pass to the SDK as
 * `baseUrl`); `baseUrl + "/machines"` is answered by the platform's `/machines`, wherever the server mounts it.
 *
 * @example
 * const server = await createServer({ seed: true });
 * const network = setupServer(...toMswHandlers(server, "https://api.claudenest.test/api", "claudenest"));
 * network.listen();
 */
import { http } from "msw";
import { ConnectionDroppedError } from "./core/dropped-connection.ts";
import type { LiteServer } from "./server.ts";

/**
 * @param platform which mounted platform answers; it may be left out when the server mounts only one.
 */
export function toMswHandlers(server: Pick<LiteServer, "fetch" | "bases">, baseUrl: string, platform?: string) {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, "");
  const mounted = Object.keys(server.bases);
  const id = platform ?? (mounted.length === 1 ? mounted[0] : undefined);
  const target = id === undefined ? undefined : server.bases[id];
  if (target === undefined) {
    throw new TypeError(
      platform === undefined
        ? `toMswHandlers: the server mounts several platforms (${mounted.join(", ")}); name the one at ${baseUrl}`
        : `toMswHandlers: platform "${platform}" is not mounted (mounted: ${mounted.join(", ")})`,
    );
  }
  return [
    http.all(`${base.origin}${prefix}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const path = target + url.pathname.slice(prefix.length);
      const init: RequestInit = { method: request.method, headers: request.headers };
      if (request.method !== "GET" && request.method !== "HEAD") init.body = await request.arrayBuffer();
      try {
        return await server.fetch(new Request(`${base.origin}${path}${url.search}`, init));
      } catch (error) {
        // A connection the server dropped (an injected fault) is a network error for the code under test too.
        if (error instanceof ConnectionDroppedError) return Response.error();
        throw error;
      }
    }),
  ];
}
