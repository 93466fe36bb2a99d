/**
 * @module
 * A `ws` WebSocketServer made on the first upgrade it answers: `ws` and what it loads cost a server nothing until a
 * client connects, so a server that never sees a WebSocket never loads it. Loaded with `require` because an upgrade
 * is answered synchronously (`ws` is CommonJS either way).
 */
import { createRequire } from "node:module";
import type { ServerOptions, WebSocketServer } from "ws";

const requireModule = createRequire(import.meta.url);

/** A `WebSocketServer` with its options, made when first asked for. */
export class LazyWebSocketServer {
  readonly #options: ServerOptions;
  #server: WebSocketServer | undefined;

  /** @param options as `new WebSocketServer(options)` takes them (`noServer: true` for upgrades handed over). */
  constructor(options: ServerOptions) {
    this.#options = options;
  }

  /** The server, made now if this is its first use. */
  get server(): WebSocketServer {
    this.#server ??= new (requireModule("ws") as typeof import("ws")).WebSocketServer(this.#options);
    return this.#server;
  }

  /** The server if it was ever made, else `undefined` (there is then nothing to close). */
  get made(): WebSocketServer | undefined {
    return this.#server;
  }
}
