/**
 * @module
 * The Pusher-protocol WebSocket server: it takes over HTTP upgrades of `{prefix}/app/{appKey}` on the
 * server-lite HTTP server, rate-limits connections per address, and pings idle clients (dropping those
 * that do not answer). Idle times are read on the server clock, so a test moves them with `advance()`.
 */
import { randomInt } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import type { Clock } from "../../core/clock.ts";
import type { RateLimiter } from "../../core/rate-limit.ts";
import { LazyWebSocketServer } from "../lazy-wss.ts";
import type { RealtimeApp } from "./app.ts";
import { PusherConnection } from "./connection.ts";
import { errorFrame, PusherCode } from "./protocol.ts";

export interface PusherServerOptions {
  clock: Clock;
  /** Present when rate limits are on. */
  rateLimiter: RateLimiter | undefined;
  /** Seconds without traffic before the server pings a client (and what the handshake tells clients). */
  activityTimeout: number;
  /** Seconds a pinged client has to answer before it is dropped. */
  pongTimeout: number;
  /** Largest frame accepted, in bytes. */
  maxPayload: number;
  onError(error: unknown): void;
}

/** How often idle connections are looked for, in real milliseconds. */
const SWEEP_EVERY_MS = 500;
/** How long `close()` waits for clients to answer the closing handshake before cutting them off. */
const CLOSE_GRACE_MS = 500;

export class PusherServer {
  readonly #options: PusherServerOptions;
  readonly #apps: RealtimeApp[] = [];
  readonly #wss: LazyWebSocketServer;
  readonly #connections = new Map<WebSocket, PusherConnection | undefined>();
  #sweep: ReturnType<typeof setInterval> | undefined;
  #closing = false;

  constructor(options: PusherServerOptions) {
    this.#options = options;
    this.#wss = new LazyWebSocketServer({ noServer: true, clientTracking: false, maxPayload: options.maxPayload });
  }

  addApp(app: RealtimeApp): void {
    this.#apps.push(app);
  }

  get apps(): readonly RealtimeApp[] {
    return this.#apps;
  }

  /** Handles an HTTP upgrade: a known app path becomes a connection, anything else is refused with 404. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on("error", () => socket.destroy());
    const route = this.#route(request.url ?? "/");
    if (!route || this.#closing) {
      refuseUpgrade(socket, this.#closing ? 503 : 404);
      return;
    }
    try {
      this.#wss.server.handleUpgrade(request, socket, head, (ws) => this.#accept(ws, route.app, request));
    } catch (error) {
      this.#options.onError(error);
      refuseUpgrade(socket, 400);
    }
  }

  /** Closes every connection (clients see 1001, "going away") and stops the idle sweep. */
  async close(): Promise<void> {
    this.#closing = true;
    this.#stopSweep();
    const sockets = [...this.#connections.keys()];
    const closed = sockets.map(
      (ws) =>
        new Promise<void>((resolve) => (ws.readyState === ws.CLOSED ? resolve() : ws.once("close", () => resolve()))),
    );
    for (const ws of sockets) {
      const connection = this.#connections.get(ws);
      if (connection) connection.close(1001, "Server shutting down");
      else ws.close(1001, "Server shutting down");
    }
    let grace: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(closed),
      new Promise<void>((resolve) => {
        grace = setTimeout(resolve, CLOSE_GRACE_MS);
      }),
    ]);
    clearTimeout(grace);
    for (const ws of sockets) ws.terminate();
    await Promise.all(closed);
    this.#connections.clear();
    this.#wss.made?.close();
  }

  #route(url: string): { app: RealtimeApp | undefined } | undefined {
    const path = url.split("?", 1)[0] ?? "/";
    const match = /^(.*)\/app\/([^/]+)\/?$/.exec(path);
    if (!match) return undefined;
    const [, prefix, key] = match;
    const apps = this.#apps.filter((app) => app.prefix === prefix);
    if (apps.length === 0) return undefined;
    return { app: apps.find((app) => app.appKey === decodeURIComponent(key!)) };
  }

  #accept(ws: WebSocket, app: RealtimeApp | undefined, request: IncomingMessage): void {
    if (this.#closing) {
      ws.terminate();
      return;
    }
    const address = request.socket.remoteAddress ?? "unknown";
    this.#connections.set(ws, undefined);
    ws.on("error", () => ws.terminate());
    ws.once("close", () => {
      this.#connections.get(ws)?.dispose();
      this.#connections.delete(ws);
      if (this.#connections.size === 0) this.#stopSweep();
    });
    if (!app) {
      // Pusher clients stop reconnecting on 4001.
      ws.send(errorFrame(PusherCode.applicationDoesNotExist, "Application does not exist."));
      ws.close(PusherCode.applicationDoesNotExist, "Application does not exist");
      return;
    }
    const limit = app.connectionsPerMinute;
    if (this.#options.rateLimiter && limit !== undefined) {
      const decision = this.#options.rateLimiter.take(`${app.platform}:websocket:${address}`, limit);
      if (!decision.allowed) {
        // 4100 ("over capacity") makes Pusher clients back off before trying again.
        const message = `Too many connections: at most ${limit} per minute; retry in ${decision.retryAfter} s.`;
        ws.send(errorFrame(PusherCode.overCapacity, message));
        ws.close(PusherCode.overCapacity, "Too many connections");
        return;
      }
    }
    const connection = new PusherConnection(ws, app, this.#socketId(app), address, () => this.#options.clock.now());
    this.#connections.set(ws, connection);
    app.register(connection);
    ws.on("message", (data, isBinary) => {
      try {
        connection.receive(data, isBinary);
      } catch (error) {
        this.#options.onError(error);
      }
    });
    ws.on("ping", () => connection.touch());
    ws.on("pong", () => connection.touch());
    connection.establish(this.#options.activityTimeout);
    this.#startSweep();
  }

  #socketId(app: RealtimeApp): string {
    for (;;) {
      const id = `${randomInt(1, 2 ** 31)}.${randomInt(1, 2 ** 31)}`;
      if (!app.hasSocket(id)) return id;
    }
  }

  #startSweep(): void {
    if (this.#sweep) return;
    // Runs only while there are connections (which keep the process alive anyway).
    this.#sweep = setInterval(() => this.#checkActivity(), SWEEP_EVERY_MS);
  }

  #stopSweep(): void {
    clearInterval(this.#sweep);
    this.#sweep = undefined;
  }

  #checkActivity(): void {
    const now = this.#options.clock.now();
    const { activityTimeout, pongTimeout } = this.#options;
    for (const connection of this.#connections.values()) {
      if (!connection || connection.closed) continue;
      if (connection.pingedAt !== undefined) {
        if (now - connection.pingedAt >= pongTimeout * 1000)
          connection.close(PusherCode.pongNotReceived, "Pong reply not received");
      } else if (now - connection.lastSeen >= activityTimeout * 1000) {
        connection.ping();
      }
    }
  }
}

function refuseUpgrade(socket: Duplex, status: 400 | 404 | 503): void {
  const text = { 400: "Bad Request", 404: "Not Found", 503: "Service Unavailable" }[status];
  socket.once("finish", () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
