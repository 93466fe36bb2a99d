/**
 * @module
 * A server's socket: `LiteServer.listen()` serves the Hono app over `node:http` (or `node:https`, with a given or a
 * self-signed certificate), hands WebSocket upgrades to the realtime router, and answers requests Node could not
 * parse. Loaded by `listen()` itself, so an in-process server never loads any TLS code. The adaptor from Node's
 * requests to the app's `fetch` (`@hono/node-server`) is loaded by the first request: it brings Node's own fetch
 * implementation (undici), which costs a start as much as Node's own boot, so the socket listens and its URL is
 * printed without it. For the same reason `node:http` and `node:https` are required rather than imported: an ESM
 * import of `node:http` builds its whole namespace, whose `WebSocket` getter loads undici.
 */
import type { RequestListener, Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import type { Hono } from "hono";
import type { Clock } from "./core/clock.ts";
import { socketFetch } from "./core/dropped-connection.ts";
import { requestIdFrom } from "./core/pipeline/respond.ts";
import type { AnyPlatform } from "./core/platform.ts";
import type { UpgradeRouter } from "./core/realtime.ts";
import type { ServerOptions } from "./server-types.ts";

/** What `listenOnSocket` needs of the server. */
export interface SocketSetup {
  app: Hono;
  upgrades: UpgradeRouter;
  /** The mounted platforms (one alone answers unreadable requests in its envelope). */
  mounted: ReadonlyArray<{ platform: AnyPlatform }>;
  clock: Clock;
  tls: ServerOptions["tls"];
  port: number;
  host: string;
}

/** A listening socket, its URL, and the certificate it serves (with `tls`). */
export interface Listening {
  http: Server;
  url: string;
  tls: { cert: string; fingerprint256: string } | undefined;
}

/**
 * Listens on `port` and `host`; rejects with the socket's error (`EADDRINUSE`, ...).
 * @example const { url } = await listenOnSocket({ app, upgrades, mounted, clock, tls: false, port: 0, host: "127.0.0.1" });
 */
export async function listenOnSocket(setup: SocketSetup): Promise<Listening> {
  const { app, host, port } = setup;
  const pair = await certificate(setup.tls, host);
  const listener = adaptorOnFirstRequest(socketFetch(app), host);
  const http: Server = pair
    ? (requireBuiltin("node:https") as typeof import("node:https")).createServer(
        { key: pair.key, cert: pair.cert },
        listener,
      )
    : (requireBuiltin("node:http") as typeof import("node:http")).createServer(listener);
  http.on("upgrade", (request, socket, head) => setup.upgrades.handleUpgrade(request, socket, head));
  http.on("clientError", (error: NodeJS.ErrnoException, socket) =>
    answerClientError(error, socket, setup.mounted, setup.clock),
  );
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(port, host, () => resolve());
  });
  const address = http.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    http,
    url: `${pair ? "https" : "http"}://${shownHost}:${address.port}`,
    tls: pair ? { cert: pair.cert, fingerprint256: pair.fingerprint256 } : undefined,
  };
}

const requireBuiltin = createRequire(import.meta.url);

/**
 * Node's requests handed to `fetch` by `@hono/node-server`'s listener (what its `createAdaptorServer` installs),
 * imported when the first request arrives; requests that arrive meanwhile wait for it.
 */
function adaptorOnFirstRequest(
  fetch: (request: Request, env: unknown) => Promise<Response>,
  hostname: string,
): RequestListener {
  let adaptor: Promise<RequestListener> | undefined;
  return (request, response) => {
    adaptor ??= import("@hono/node-server").then(({ getRequestListener }) => getRequestListener(fetch, { hostname }));
    adaptor.then(
      (handle) => handle(request, response),
      () => response.destroy(),
    );
  };
}

/** The key pair to serve: made now (`tls: true`), the given one with its fingerprint, or none. */
async function certificate(tls: ServerOptions["tls"], host: string) {
  if (tls === true) {
    const { selfSignedCertificate } = await import("./lib/self-signed.ts");
    return selfSignedCertificate([host, "localhost", "127.0.0.1"]);
  }
  if (!tls) return undefined;
  const { X509Certificate } = await import("node:crypto");
  return { ...tls, fingerprint256: new X509Certificate(tls.cert).fingerprint256 };
}

/**
 * Answers a request Node could not parse (headers too large, say) in the platform's envelope when one platform
 * is mounted (its path is unknown: the request was never read), else as plain JSON.
 */
function answerClientError(
  error: NodeJS.ErrnoException,
  socket: Duplex,
  mounted: ReadonlyArray<{ platform: AnyPlatform }>,
  clock: Clock,
): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const status = tooLarge ? 431 : 400;
  const message = tooLarge ? "The request's headers are too large." : "The request could not be read.";
  const only = mounted.length === 1 ? mounted[0]!.platform.envelope : undefined;
  const requestId = requestIdFrom(undefined);
  const body = JSON.stringify(
    only
      ? only.failure(only.codes.badRequest, message, undefined, { requestId, timestamp: clock.iso() })
      : { error: message },
  );
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? "Request Header Fields Too Large" : "Bad Request"}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
