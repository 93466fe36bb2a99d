/**
 * @module
 * What every WebSocket kind checks before it upgrades: the server is not closing, the address has connections
 * left this minute (when the platform documents a limit), and the platform knows the credentials. A refusal is an
 * HTTP answer on the raw socket, so a client never sees a WebSocket it may not use.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocket, WebSocketServer } from "ws";
import { type Credentials, credentialsOf } from "../core/credentials.ts";
import { type RealtimeStart, refuseUpgrade } from "../core/realtime.ts";

/**
 * The identity an upgrade is admitted as, or undefined once it has been refused (503 while closing, 429 past the
 * connection rate, 401 for credentials `authenticate` refuses by answering undefined or throwing).
 */
export function admitUpgrade<Services, Identity>(
  setup: RealtimeStart<Services>,
  request: IncomingMessage,
  socket: Duplex,
  closing: boolean,
  authenticate: (services: Services, credentials: Credentials) => Identity | undefined,
): Identity | undefined {
  socket.on("error", () => socket.destroy());
  if (closing) {
    refuseUpgrade(socket, 503);
    return undefined;
  }
  const address = request.socket.remoteAddress ?? "unknown";
  const limit = setup.connectionsPerMinute;
  if (setup.rateLimiter && limit !== undefined) {
    const decision = setup.rateLimiter.take(`${setup.platformId}:websocket:${address}`, limit, 60_000);
    if (!decision.allowed) {
      refuseUpgrade(socket, 429);
      return undefined;
    }
  }
  const credentials = credentialsOf(
    (name) => {
      const value = request.headers[name.toLowerCase()];
      return Array.isArray(value) ? value[0] : value;
    },
    request.url ?? "/",
    address,
  );
  let identity: Identity | undefined;
  try {
    identity = authenticate(setup.services, credentials);
  } catch (error) {
    if (!(error instanceof Error && error.name === "Failure")) setup.onError(error);
    identity = undefined;
  }
  if (identity === undefined) refuseUpgrade(socket, 401);
  return identity;
}

/** Upgrades a request that {@link admitUpgrade} admits and hands the socket to `accept` with its identity. */
export function upgradeAdmitted<Services, Identity>(
  setup: RealtimeStart<Services>,
  wss: WebSocketServer,
  upgrade: { request: IncomingMessage; socket: Duplex; head: Buffer; closing: boolean },
  authenticate: (services: Services, credentials: Credentials) => Identity | undefined,
  accept: (ws: WebSocket, identity: Identity) => void,
): void {
  const { request, socket, head, closing } = upgrade;
  const identity = admitUpgrade(setup, request, socket, closing, authenticate);
  if (identity === undefined) return;
  try {
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws, identity));
  } catch {
    refuseUpgrade(socket, 400);
  }
}
