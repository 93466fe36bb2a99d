/**
 * @module
 * The running agent-socket kind of one platform: upgrades, one connection per key, frames in and out, and
 * revocations.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import { Failure } from "../../core/failure.ts";
import type { RealtimeEndpoint, RealtimeStart } from "../../core/realtime.ts";
import { upgradeAdmitted } from "../admit-upgrade.ts";
import { LazyWebSocketServer } from "../lazy-wss.ts";
import { readAgentFrame, serverFrame } from "./frames.ts";
import type { AgentPeer, AgentSocketOptions } from "./kind.ts";

/** Close code of a connection whose credentials were revoked: the agent must not reconnect with them. */
export const CLOSE_REVOKED = 4001;

interface Connection<Identity> extends AgentPeer<Identity> {
  ws: WebSocket;
}

export class AgentSocketServer<Services, Identity> implements RealtimeEndpoint {
  readonly kind = "agent";
  readonly info: Readonly<Record<string, string>>;
  readonly #options: AgentSocketOptions<Services, Identity>;
  readonly #setup: RealtimeStart<Services>;
  readonly #path: string;
  readonly #wss: LazyWebSocketServer;
  readonly #connections = new Map<string, Connection<Identity>>();
  readonly #stopRevocations: () => void;
  #closing = false;

  constructor(options: AgentSocketOptions<Services, Identity>, setup: RealtimeStart<Services>) {
    this.#options = options;
    this.#setup = setup;
    this.#path = setup.prefix + options.path;
    this.info = { agentPath: this.#path };
    this.#wss = new LazyWebSocketServer({ noServer: true, clientTracking: false, maxPayload: setup.maxPayload });
    this.#stopRevocations = setup.revocations.listen((revocation) => {
      if (revocation.platformId !== setup.platformId) return;
      for (const connection of [...this.#connections.values()])
        if (revocation.covers(connection.identity)) connection.close(CLOSE_REVOKED, revocation.reason);
    });
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
    this.#stopRevocations();
    for (const connection of [...this.#connections.values()]) connection.close(1001, "Server shutting down");
    this.#wss.made?.close();
  }

  #accept(ws: WebSocket, identity: Identity): void {
    const { services, clock } = this.#setup;
    const key = this.#options.key(identity);
    let gone = false;
    const connection: Connection<Identity> = {
      ws,
      identity,
      key,
      send: (type, payload) => {
        if (ws.readyState !== ws.OPEN) return false;
        ws.send(JSON.stringify(serverFrame(type, payload, clock.now())));
        return true;
      },
      close: (code, reason) => {
        this.#release(connection);
        ws.close(code, reason.slice(0, 120));
      },
    };
    // The newest connection of a key wins: the older one is released first, so it never marks the key gone.
    this.#connections.get(key)?.close(1000, "Replaced");
    this.#connections.set(key, connection);
    ws.on("message", (raw, isBinary) => {
      if (gone) return;
      if (isBinary) this.#refuse(connection, "binary", "Frames must be text");
      else this.#onFrame(connection, raw.toString());
    });
    ws.on("error", () => ws.terminate());
    ws.on("close", () => {
      gone = true;
      this.#release(connection);
    });
    try {
      this.#options.onOpen(services, connection);
    } catch (error) {
      this.#setup.onError(error);
    }
  }

  #release(connection: Connection<Identity>): void {
    if (this.#connections.get(connection.key) !== connection) return;
    this.#connections.delete(connection.key);
    try {
      this.#options.onClose(this.#setup.services, connection);
    } catch (error) {
      this.#setup.onError(error);
    }
  }

  #onFrame(connection: Connection<Identity>, text: string): void {
    if (this.#connections.get(connection.key) !== connection) return;
    const frame = readAgentFrame(text);
    if ("invalid" in frame) {
      this.#refuse(connection, "unknown", frame.invalid);
      return;
    }
    if (frame.type === "ping") {
      connection.send("pong", { timestamp: this.#setup.clock.now() });
      return;
    }
    try {
      this.#options.onMessage(this.#setup.services, connection, frame);
    } catch (error) {
      if (error instanceof Failure) {
        const message = error.message === error.code ? this.#setup.envelope.messageOf(error.code) : error.message;
        connection.send("error", { originalType: frame.type, code: error.code, message });
        return;
      }
      this.#setup.onError(error);
      const code = this.#setup.envelope.codes.internal;
      connection.send("error", { originalType: frame.type, code, message: this.#setup.envelope.messageOf(code) });
    }
  }

  #refuse(connection: Connection<Identity>, originalType: string, message: string): void {
    connection.send("error", { originalType, code: this.#options.errorCode ?? "INVALID_FRAME", message });
  }
}
