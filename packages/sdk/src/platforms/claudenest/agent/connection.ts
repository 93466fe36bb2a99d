/**
 * @module
 * The agent side of ClaudeNest's `/ws/agent` socket, as a typed client: what a machine agent uses to take the
 * sessions the server routes to its machine and report what they do. It is how the ClaudeNest agent talks to its
 * server, so users can write agents of their own, or fake one in tests.
 *
 * The socket authenticates with the machine's id and token in the `X-Machine-ID` and `X-Machine-Token` headers of
 * the upgrade (the `ws` package sends headers; a browser cannot, so `credentials: "query"` puts them in the URL).
 * It reconnects like the SDK's other live transports (partysocket, jittered exponential backoff drawn here, reset
 * after a connection that lasted; no reconnection after a close code 4000–4099, a refusal), sends `machine:info` on
 * every connection when given one, and a `ping` every `heartbeatMs`. A handler that throws or rejects is answered
 * to the server as an `error {originalType, message}` frame, as the ClaudeNest agent does.
 */
import { EventEmitter } from "eventemitter3";
import type { BackoffOptions } from "../../../live/backoff.ts";
import { BackoffSocket } from "../../../live/backoff-socket.ts";
import { LiveError, type LiveRefusedError } from "../../../live/errors.ts";
import type { TransportStatus } from "../../../live/transport.ts";
import type {
  AgentFrame,
  AgentToServerMessages,
  AgentToServerType,
  MachineInfoPayload,
  ServerToAgentMessages,
  ServerToAgentType,
} from "./messages.ts";

/** Options of {@link connectAgent}. */
export interface AgentConnectionOptions {
  /**
   * The server's URL as the agent is configured with it: the socket is `<serverUrl>/ws/agent` (`http` becomes `ws`).
   * @example "http://localhost:8080/claudenest"
   */
  serverUrl: string;
  /** The machine's id, from pairing or `POST /machines`. */
  machineId: string;
  /** The machine's `mn_` token. */
  token: string;
  /**
   * The WebSocket class. With `credentials: "headers"` it must take the `ws` package's third argument (`{headers}`).
   * @default globalThis.WebSocket
   */
  WebSocket?: unknown;
  /**
   * Where the credentials go: the upgrade's headers (as the ClaudeNest agent sends them), or the URL's query
   * (`?machine_id=&token=`) where headers cannot be set.
   * @default "headers"
   */
  credentials?: "headers" | "query";
  /** What to tell of the machine after each connection (`machine:info`); nothing is sent when absent. */
  machineInfo?: () => MachineInfoPayload;
  /** Reconnection delays. */
  backoff?: BackoffOptions;
  /**
   * Milliseconds between the agent's `ping` frames; 0 sends none.
   * @default 30000
   */
  heartbeatMs?: number;
  /** Milliseconds allowed for a connection attempt. @default 10000 */
  connectionTimeout?: number;
}

/**
 * A handler of one message type: its payload, and the whole frame (for its id, or to reply). What it returns is
 * ignored, except a promise, whose rejection is reported like a throw.
 */
export type AgentHandler<Payload> = (payload: Payload, frame: AgentFrame<string, Payload>) => unknown;

/** What an {@link AgentConnection} emits. */
export interface AgentConnectionEvents {
  /** The connection's status changed. */
  status: (status: TransportStatus) => void;
  /** The connection failed or a message could not be handled. */
  error: (error: Error) => void;
  /** Every frame the server sent, handled or not. */
  frame: (frame: AgentFrame) => void;
}

let counter = 0;
const frameId = (): string =>
  globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** An agent's connection to its server; see the module comment. */
export class AgentConnection extends EventEmitter<AgentConnectionEvents> {
  readonly #options: AgentConnectionOptions;
  readonly #socket: BackoffSocket;
  readonly #handlers = new Map<string, Set<AgentHandler<never>>>();
  #status: TransportStatus = "connecting";
  #closeError: Error | undefined;
  #heartbeat: ReturnType<typeof setInterval> | undefined;

  constructor(options: AgentConnectionOptions) {
    super();
    this.#options = options;
    const Base = (options.WebSocket ?? (globalThis as { WebSocket?: unknown }).WebSocket) as
      | (new (
          url: string,
          protocols?: string | string[],
          init?: unknown,
        ) => WebSocket)
      | undefined;
    if (typeof Base !== "function")
      throw new TypeError("No WebSocket class: pass `WebSocket` (the `ws` package, or a global WebSocket)");
    const headers = { "X-Machine-Token": options.token, "X-Machine-ID": options.machineId };
    const WebSocketClass =
      (options.credentials ?? "headers") === "headers"
        ? class extends Base {
            constructor(url: string, protocols?: string | string[]) {
              super(url, protocols, { headers });
            }
          }
        : Base;
    this.#socket = new BackoffSocket({
      url: () => this.#url(),
      WebSocket: WebSocketClass,
      backoff: options.backoff,
      connectionTimeout: options.connectionTimeout,
      onOpen: () => this.#onOpen(),
      onMessage: (data) => this.#onMessage(data),
      onClose: (_code, _reason, refused) => this.#onClose(refused),
    });
  }

  /** Where the connection is: `connecting`, `open`, `reconnecting` or `closed`. */
  get status(): TransportStatus {
    return this.#status;
  }

  /** Why the connection closed by itself (the server refused it), once it has. */
  get closeError(): Error | undefined {
    return this.#closeError;
  }

  /** Handles one message type; answers the function that stops. Several handlers of a type all run. */
  handle<Type extends ServerToAgentType>(type: Type, handler: AgentHandler<ServerToAgentMessages[Type]>): () => void;
  handle(type: string, handler: AgentHandler<unknown>): () => void;
  handle(type: string, handler: AgentHandler<never>): () => void {
    const set = this.#handlers.get(type) ?? new Set();
    this.#handlers.set(type, set);
    set.add(handler);
    return () => set.delete(handler);
  }

  /** Sends a message on the open socket; false when none is open (nothing is queued). */
  send<Type extends AgentToServerType>(type: Type, payload: AgentToServerMessages[Type]): boolean;
  send(type: string, payload: unknown): boolean;
  send(type: string, payload: unknown): boolean {
    if (this.#status !== "connected") return false;
    const frame: AgentFrame = { type, payload, id: frameId(), timestamp: Date.now() };
    return this.#socket.send(JSON.stringify(frame));
  }

  /** Answers a request: sends `type` with the request's `requestId` added to `payload`. */
  reply<Type extends AgentToServerType>(
    request: AgentFrame,
    type: Type,
    payload: Omit<AgentToServerMessages[Type], "requestId">,
  ): boolean {
    const requestId = (request.payload as { requestId?: unknown } | null)?.requestId;
    return this.send(type as string, typeof requestId === "string" ? { ...payload, requestId } : payload);
  }

  /** Resolves once the connection is up (at once if it is); rejects if it closes for good first. */
  connected(): Promise<void> {
    if (this.#status === "connected") return Promise.resolve();
    if (this.#status === "closed") return Promise.reject(this.#closeError ?? new LiveError("The agent is closed."));
    return new Promise((resolve, reject) => {
      const listener = (status: TransportStatus) => {
        if (status === "reconnecting" || status === "connecting") return;
        this.off("status", listener);
        if (status === "connected") resolve();
        else reject(this.#closeError ?? new LiveError("The agent is closed."));
      };
      this.on("status", listener);
    });
  }

  /** Closes the connection for good; no socket or timer is left behind. */
  close(): void {
    if (this.#status === "closed") return;
    this.#stopHeartbeat();
    this.#socket.close(1000, "Agent disconnecting");
    this.#setStatus("closed");
  }

  #url(): string {
    const url = new URL(`${this.#options.serverUrl.replace(/\/+$/, "").replace(/^http/, "ws")}/ws/agent`);
    if (this.#options.credentials === "query") {
      url.searchParams.set("machine_id", this.#options.machineId);
      url.searchParams.set("token", this.#options.token);
    }
    return url.href;
  }

  #onOpen(): void {
    this.#setStatus("connected");
    const info = this.#options.machineInfo?.();
    if (info) this.send("machine:info", info);
    const every = this.#options.heartbeatMs ?? 30_000;
    if (every > 0) this.#heartbeat = setInterval(() => this.send("ping", { timestamp: Date.now() }), every);
  }

  #onMessage(raw: unknown): void {
    let frame: AgentFrame;
    try {
      frame = JSON.parse(String(raw)) as AgentFrame;
    } catch {
      this.emit("error", new LiveError("The server sent a frame that is not JSON."));
      return;
    }
    if (typeof frame !== "object" || frame === null || typeof frame.type !== "string") {
      this.emit("error", new LiveError("The server sent a frame without a type."));
      return;
    }
    this.emit("frame", frame);
    if (frame.type === "ping") this.send("pong", { timestamp: Date.now() });
    for (const handler of [...(this.#handlers.get(frame.type) ?? [])]) this.#run(handler, frame);
  }

  #run(handler: AgentHandler<never>, frame: AgentFrame): void {
    const fail = (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const requestId = (frame.payload as { requestId?: unknown } | null)?.requestId;
      this.send("error", {
        originalType: frame.type,
        message,
        ...(typeof requestId === "string" ? { requestId } : {}),
      });
      this.emit("error", error instanceof Error ? error : new LiveError(message));
    };
    try {
      const result = (handler as AgentHandler<unknown>)(frame.payload, frame);
      if (result instanceof Promise) result.then(undefined, fail);
    } catch (error) {
      fail(error);
    }
  }

  #onClose(refused: LiveRefusedError | undefined): void {
    this.#stopHeartbeat();
    if (refused) {
      this.#closeError = refused;
      this.emit("error", refused);
      this.#setStatus("closed");
      return;
    }
    if (this.#status === "connected") this.#setStatus("reconnecting");
  }

  #stopHeartbeat(): void {
    clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
  }

  #setStatus(status: TransportStatus): void {
    if (this.#status === status) return;
    this.#status = status;
    this.emit("status", status);
  }
}

/**
 * Connects a machine agent to its server.
 * @example
 * const agent = connectAgent({ serverUrl: "http://localhost:8080", machineId, token, WebSocket });
 * agent.handle("session:create", ({ sessionId }) => agent.send("session:status", { sessionId, status: "running" }));
 */
export function connectAgent(options: AgentConnectionOptions): AgentConnection {
  return new AgentConnection(options);
}
