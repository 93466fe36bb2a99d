/**
 * @module
 * A Model Context Protocol client over stdio: spawns a server process and speaks newline-delimited
 * JSON-RPC 2.0 with it (`initialize`, `notifications/initialized`, `tools/list`, `tools/call`).
 *
 * Why it exists: a reference server that lists and calls MCP tools has to speak to real MCP servers; the
 * protocol is the same whatever platform asks, so the client knows nothing of any platform.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";

/** The protocol revision this client asks for; servers answer the one they speak, which is accepted. */
export const MCP_PROTOCOL_VERSION = "2025-06-18";

export interface StdioServerConfig {
  command: string;
  args: readonly string[];
  /** Added to the server's inherited environment. */
  env: Readonly<Record<string, string>>;
}

export interface McpToolInfo {
  name: string;
  description?: string;
  inputSchema?: Record<string, unknown>;
}

export interface McpContentItem {
  type: string;
  text?: string;
  data?: string;
  mimeType?: string;
  resource?: { uri?: string; mimeType?: string; text?: string; blob?: string };
}

export interface McpCallResult {
  content?: McpContentItem[];
  structuredContent?: unknown;
  isError?: boolean;
}

/** The server answered a request with a JSON-RPC error. */
export class McpRpcError extends Error {
  override name = "McpRpcError";
  readonly code: number;
  readonly data: unknown;

  constructor(code: number, message: string, data: unknown) {
    super(message);
    this.code = code;
    this.data = data;
  }
}

/** The process could not be spawned, went away, or did not answer in time. */
export class McpTransportError extends Error {
  override name = "McpTransportError";
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

type JsonRpcMessage = {
  jsonrpc?: string;
  id?: number | string | null;
  method?: string;
  result?: unknown;
  error?: { code?: unknown; message?: unknown; data?: unknown };
};

const STDERR_TAIL = 2000;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export class McpStdioClient {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #pending = new Map<number, Pending>();
  readonly #exitListeners: ((reason: string) => void)[] = [];
  readonly #exited: Promise<void>;
  #nextId = 1;
  #buffer = "";
  #stderr = "";
  #exitReason: string | undefined;

  /** Spawns the server; call `initialize()` before anything else. */
  constructor(config: StdioServerConfig) {
    this.#child = spawn(config.command, [...config.args], {
      env: { ...process.env, ...config.env },
      stdio: ["pipe", "pipe", "pipe"],
      windowsHide: true,
    });
    this.#child.stdout.setEncoding("utf8");
    this.#child.stderr.setEncoding("utf8");
    this.#child.stdout.on("data", (chunk: string) => this.#read(chunk));
    this.#child.stderr.on("data", (chunk: string) => {
      this.#stderr = (this.#stderr + chunk).slice(-STDERR_TAIL);
    });
    // A write to a process that just died fails with EPIPE; the exit handler reports it.
    this.#child.stdin.on("error", () => {});
    this.#exited = new Promise((resolve) => {
      this.#child.once("error", (error) => {
        this.#gone(`could not be started: ${error.message}`);
        resolve();
      });
      this.#child.once("close", (code, signal) => {
        this.#gone(signal ? `was killed by ${signal}` : `exited with code ${code}`);
        resolve();
      });
    });
  }

  /** The process id, while the process runs. */
  get pid(): number | undefined {
    return this.#exitReason === undefined ? this.#child.pid : undefined;
  }

  /** Called once when the process ends, with why. */
  onExit(listener: (reason: string) => void): void {
    if (this.#exitReason !== undefined) listener(this.#exitReason);
    else this.#exitListeners.push(listener);
  }

  /** The handshake: `initialize`, then the `notifications/initialized` notification. */
  async initialize(timeoutMs: number, clientInfo: { name: string; version: string }): Promise<void> {
    const result = await this.request(
      "initialize",
      { protocolVersion: MCP_PROTOCOL_VERSION, capabilities: {}, clientInfo },
      timeoutMs,
    );
    if (!isObject(result) || typeof result.protocolVersion !== "string")
      throw new McpTransportError("answered `initialize` without a protocol version");
    this.notify("notifications/initialized");
  }

  /** Every tool, following `nextCursor` across pages. */
  async listTools(timeoutMs: number): Promise<McpToolInfo[]> {
    const tools: McpToolInfo[] = [];
    let cursor: string | undefined;
    do {
      const result = await this.request("tools/list", cursor === undefined ? {} : { cursor }, timeoutMs);
      if (!isObject(result) || !Array.isArray(result.tools))
        throw new McpTransportError("answered `tools/list` without a tools array");
      for (const tool of result.tools) {
        if (isObject(tool) && typeof tool.name === "string") tools.push(tool as unknown as McpToolInfo);
      }
      cursor = typeof result.nextCursor === "string" && result.nextCursor !== "" ? result.nextCursor : undefined;
    } while (cursor !== undefined);
    return tools;
  }

  async callTool(name: string, args: Record<string, unknown>, timeoutMs: number): Promise<McpCallResult> {
    const result = await this.request("tools/call", { name, arguments: args }, timeoutMs);
    if (!isObject(result)) throw new McpTransportError("answered `tools/call` without a result object");
    return result as McpCallResult;
  }

  request(method: string, params: Record<string, unknown>, timeoutMs: number): Promise<unknown> {
    if (this.#exitReason !== undefined) return Promise.reject(this.#goneError());
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        this.notify("notifications/cancelled", { requestId: id, reason: "timeout" });
        reject(new McpTransportError(`did not answer \`${method}\` within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(id, { resolve, reject, timer });
      this.#send({ jsonrpc: "2.0", id, method, params });
    });
  }

  notify(method: string, params?: Record<string, unknown>): void {
    this.#send({ jsonrpc: "2.0", method, ...(params ? { params } : {}) });
  }

  /**
   * Ends the process as the MCP stdio transport asks: close its input, then SIGTERM, then SIGKILL, each
   * after `graceMs` without an exit. Resolves once it has exited.
   */
  async close(graceMs = 1000): Promise<void> {
    if (this.#exitReason !== undefined) return this.#exited;
    this.#child.stdin.end();
    if (await this.#exitsWithin(graceMs)) return;
    this.#child.kill("SIGTERM");
    if (await this.#exitsWithin(graceMs)) return;
    this.#child.kill("SIGKILL");
    return this.#exited;
  }

  #exitsWithin(ms: number): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    return Promise.race([this.#exited.then(() => true), timeout]).finally(() => clearTimeout(timer));
  }

  #send(message: Record<string, unknown>): void {
    if (this.#exitReason !== undefined || !this.#child.stdin.writable) return;
    this.#child.stdin.write(`${JSON.stringify(message)}\n`);
  }

  #read(chunk: string): void {
    this.#buffer += chunk;
    let newline = this.#buffer.indexOf("\n");
    while (newline >= 0) {
      const line = this.#buffer.slice(0, newline).trim();
      this.#buffer = this.#buffer.slice(newline + 1);
      if (line !== "") this.#dispatch(line);
      newline = this.#buffer.indexOf("\n");
    }
  }

  #dispatch(line: string): void {
    let message: JsonRpcMessage;
    try {
      message = JSON.parse(line) as JsonRpcMessage;
    } catch {
      return; // Servers must log to stderr; a stray line on stdout is not a message.
    }
    if (!isObject(message)) return;
    if (typeof message.method === "string") {
      // A request from the server: this client offers no capabilities beyond answering pings.
      if (message.id !== undefined && message.id !== null) {
        this.#send(
          message.method === "ping"
            ? { jsonrpc: "2.0", id: message.id, result: {} }
            : { jsonrpc: "2.0", id: message.id, error: { code: -32601, message: "Method not found" } },
        );
      }
      return;
    }
    if (typeof message.id !== "number") return;
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    this.#pending.delete(message.id);
    clearTimeout(pending.timer);
    if (isObject(message.error)) {
      const { code, message: text, data } = message.error;
      pending.reject(
        new McpRpcError(typeof code === "number" ? code : -32603, typeof text === "string" ? text : "error", data),
      );
    } else pending.resolve(message.result);
  }

  #gone(reason: string): void {
    if (this.#exitReason !== undefined) return;
    this.#exitReason = reason;
    const error = this.#goneError();
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.#pending.clear();
    for (const listener of this.#exitListeners.splice(0)) listener(this.#describe());
  }

  #describe(): string {
    const stderr = this.#stderr.trim();
    return stderr ? `${this.#exitReason}: ${stderr}` : (this.#exitReason ?? "is running");
  }

  #goneError(): McpTransportError {
    return new McpTransportError(this.#describe());
  }
}
