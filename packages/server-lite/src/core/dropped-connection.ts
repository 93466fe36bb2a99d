/**
 * @module
 * A connection the server drops instead of answering. A step that decides no answer must reach the client
 * returns {@link droppedConnection}; each transport then does what a network failure does there: a socket is
 * destroyed, an in-process `fetch` rejects as `fetch` does, msw answers a network error.
 */

import type { Duplex } from "node:stream";
import type { Hono } from "hono";

const dropped = new WeakSet<Response>();

/** A response that stands for a connection dropped before any answer reached the client. */
export function droppedConnection(): Response {
  const response = new Response(null, { status: 599 });
  dropped.add(response);
  return response;
}

/** Whether `response` stands for a dropped connection. */
export function isDroppedConnection(response: Response): boolean {
  return dropped.has(response);
}

/** What an in-process `fetch` rejects with for a dropped connection, as `fetch` does on a network failure. */
export class ConnectionDroppedError extends TypeError {
  override name = "TypeError";
  constructor() {
    super("fetch failed", { cause: new Error("server-lite dropped the connection") });
  }
}

/** An app's `fetch` for in-process use: a dropped connection rejects, as `fetch` does on a network failure. */
export function inProcessFetch(app: Hono): (request: Request) => Promise<Response> {
  return async (request) => {
    const response = await app.fetch(request);
    if (dropped.has(response)) throw new ConnectionDroppedError();
    return response;
  };
}

/** An app's `fetch` for a Node socket: a dropped connection destroys the socket instead of answering. */
export function socketFetch(app: Hono): (request: Request, env: unknown) => Promise<Response> {
  return async (request, env) => {
    const response = await app.fetch(request, env);
    if (dropped.has(response)) (env as { incoming?: { socket?: Duplex } }).incoming?.socket?.destroy();
    return response;
  };
}
