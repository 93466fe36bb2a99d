/**
 * @module
 * A connection the server drops instead of answering. A step that decides no answer must reach the client
 * returns {@link droppedConnection}; each transport then does what a network failure does there: a socket is
 * destroyed, an in-process `fetch` rejects as `fetch` does, msw answers a network error.
 */

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
