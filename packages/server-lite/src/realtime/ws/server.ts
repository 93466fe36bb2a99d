/**
 * @module
 * The running subscribe kind of one platform: upgrades, connections, their subscriptions, and the fan-out of
 * bus events to the subscribers the platform says may receive them.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import type { RealtimeEndpoint, RealtimeStart } from "../../core/realtime.ts";
import { upgradeAdmitted } from "../admit-upgrade.ts";
import { LazyWebSocketServer } from "../lazy-wss.ts";
import type { SubscribeRealtimeOptions } from "./kind.ts";
import { readClientFrame } from "./protocol.ts";

interface Connection<Identity> {
  ws: WebSocket;
  identity: Identity;
  subscriptions: Map<string, Record<string, unknown> | undefined>;
  release: () => void;
}

/** Close code of a connection whose credentials were revoked: a refusal, so clients do not reconnect with them. */
export const CLOSE_REVOKED = 4001;
/** Close code of a connection whose credentials expired: the client may reconnect with fresh ones. */
export const CLOSE_EXPIRED = 1008;

export class SubscribeServer<Services, Identity> implements RealtimeEndpoint {
  readonly kind = "ws";
  readonly info: Readonly<Record<string, string>>;
  readonly #options: SubscribeRealtimeOptions<Services, Identity>;
  readonly #setup: RealtimeStart<Services>;
  readonly #path: string;
  readonly #wss: LazyWebSocketServer;
  readonly #connections = new Set<Connection<Identity>>();
  readonly #unsubscribe: Array<() => void>;
  #closing = false;

  constructor(options: SubscribeRealtimeOptions<Services, Identity>, setup: RealtimeStart<Services>) {
    this.#options = options;
    this.#setup = setup;
    this.#path = setup.prefix + options.path;
    this.info = { path: this.#path };
    this.#wss = new LazyWebSocketServer({ noServer: true, clientTracking: false, maxPayload: setup.maxPayload });
    this.#unsubscribe = options.routes.map(({ bus, channel }) =>
      setup.events.subscribe(bus, (event, data) => this.#fanOut(channel, event, data)),
    );
    // Credentials revoked (a logout, say): the connections they opened close before the revoking call answers.
    this.#unsubscribe.push(
      setup.revocations.listen((revocation) => {
        if (revocation.platformId !== setup.platformId) return;
        for (const connection of [...this.#connections])
          if (revocation.covers(connection.identity)) this.#drop(connection, CLOSE_REVOKED, revocation.reason);
      }),
    );
  }

  accepts(path: string): boolean {
    return path === this.#path;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const upgrade = { request, socket, head, closing: this.#closing };
    upgradeAdmitted(this.#setup, this.#wss.server, upgrade, this.#options.authenticate, (ws, identity) =>
      this.#accept(ws, identity),
    );
  }

  async close(): Promise<void> {
    this.#closing = true;
    for (const stop of this.#unsubscribe) stop();
    for (const connection of [...this.#connections]) connection.ws.close(1001, "Server shutting down");
    for (const connection of [...this.#connections]) connection.ws.terminate();
    this.#wss.made?.close();
  }

  #accept(ws: WebSocket, identity: Identity): void {
    const release = this.#options.onConnection?.(this.#setup.services, identity) ?? (() => {});
    const connection: Connection<Identity> = { ws, identity, subscriptions: new Map(), release };
    this.#connections.add(connection);
    ws.on("message", (raw, isBinary) => {
      if (isBinary) this.#send(connection, { type: "error", message: "Frames must be text", code: 400 });
      else this.#onFrame(connection, raw.toString());
    });
    ws.on("error", () => ws.terminate());
    ws.on("close", () => {
      if (!this.#connections.delete(connection)) return;
      connection.release();
    });
  }

  #onFrame(connection: Connection<Identity>, text: string): void {
    const frame = readClientFrame(text);
    switch (frame.type) {
      case "ping":
        this.#send(connection, { type: "pong" });
        return;
      case "invalid":
        this.#send(connection, { type: "error", channel: frame.channel, message: frame.message, code: 400 });
        return;
      case "unsubscribe":
        connection.subscriptions.delete(frame.channel);
        this.#send(connection, { type: "unsubscribed", channel: frame.channel });
        return;
      case "subscribe": {
        const max = this.#options.maxSubscriptions ?? 100;
        if (!connection.subscriptions.has(frame.channel) && connection.subscriptions.size >= max) {
          this.#send(connection, {
            type: "error",
            channel: frame.channel,
            message: `At most ${max} subscriptions`,
            code: 400,
          });
          return;
        }
        let refusal: string | undefined;
        try {
          refusal = this.#options.authorize(this.#setup.services, connection.identity, frame.channel, frame.filters);
        } catch (error) {
          this.#setup.onError(error);
          refusal = "The subscription could not be authorized";
        }
        if (refusal !== undefined) {
          this.#send(connection, { type: "error", channel: frame.channel, message: refusal, code: 403 });
          return;
        }
        connection.subscriptions.set(frame.channel, frame.filters);
        this.#send(connection, { type: "subscribed", channel: frame.channel });
      }
    }
  }

  #fanOut(channel: string, event: string, data: unknown): void {
    for (const connection of [...this.#connections]) {
      if (!connection.subscriptions.has(channel)) continue;
      let payload: unknown;
      try {
        if (this.#options.stillValid && !this.#options.stillValid(this.#setup.services, connection.identity)) {
          this.#drop(connection, CLOSE_EXPIRED, "The credentials have expired");
          continue;
        }
        payload = this.#options.deliver(
          this.#setup.services,
          connection.identity,
          channel,
          connection.subscriptions.get(channel),
          event,
          data,
        );
      } catch (error) {
        this.#setup.onError(error);
        continue;
      }
      if (payload !== undefined) this.#send(connection, { type: event, channel, data: payload });
    }
  }

  #drop(connection: Connection<Identity>, code: number, reason: string): void {
    this.#connections.delete(connection);
    connection.release();
    connection.ws.close(code, reason.slice(0, 120));
  }

  #send(connection: Connection<Identity>, frame: unknown): void {
    if (connection.ws.readyState === connection.ws.OPEN) connection.ws.send(JSON.stringify(frame));
  }
}
