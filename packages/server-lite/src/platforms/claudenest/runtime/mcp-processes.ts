/**
 * @module
 * The MCP server processes a server-lite instance runs, by MCP server id: started once even when asked
 * twice at the same time, stopped on request, on deletion of their machine, and all when the server closes.
 */
import {
  type McpCallResult,
  McpStdioClient,
  type McpToolInfo,
  McpTransportError,
  type StdioServerConfig,
} from "../../../lib/mcp-stdio-client.ts";

const CLIENT_INFO = { name: "claudenest-server-lite", version: "1.0.0" };

/** A start that was cut short by `stop()` or by the server closing, rather than failed by the process. */
export class McpStartInterrupted extends Error {
  override name = "McpStartInterrupted";
}

interface Entry {
  machineId: string;
  client: McpStdioClient;
  ready: Promise<McpToolInfo[]>;
  running: boolean;
}

export class McpProcesses {
  /** How long a server has to answer `initialize` and `tools/list`, in all. */
  handshakeTimeoutMs = 10_000;
  /** How long a tool call may take. */
  callTimeoutMs = 30_000;
  readonly #entries = new Map<string, Entry>();
  #disposed = false;

  /**
   * Spawns the server and does the handshake; resolves with its tools. `onExit` is told when a server that
   * was running ends by itself (not through `stop()`).
   */
  start(
    serverId: string,
    machineId: string,
    config: StdioServerConfig,
    onExit: (reason: string) => void,
  ): Promise<McpToolInfo[]> {
    if (this.#disposed) return Promise.reject(new McpStartInterrupted("The server is closing"));
    const existing = this.#entries.get(serverId);
    if (existing) return existing.ready;
    let client: McpStdioClient;
    try {
      client = new McpStdioClient(config);
    } catch (error) {
      // spawn() throws at once for arguments it cannot pass to the system (a NUL byte, say).
      return Promise.reject(new McpTransportError(`could not be started: ${(error as Error).message}`));
    }
    const entry: Entry = { machineId, client, running: false, ready: Promise.resolve([]) };
    this.#entries.set(serverId, entry);
    client.onExit((reason) => {
      if (this.#entries.get(serverId) !== entry || !entry.running) return;
      this.#entries.delete(serverId);
      onExit(reason);
    });
    entry.ready = this.#handshake(serverId, entry);
    return entry.ready;
  }

  async #handshake(serverId: string, entry: Entry): Promise<McpToolInfo[]> {
    const deadline = Date.now() + this.handshakeTimeoutMs;
    const left = () => Math.max(1, deadline - Date.now());
    try {
      await entry.client.initialize(left(), CLIENT_INFO);
      const tools = await entry.client.listTools(left());
      if (this.#entries.get(serverId) !== entry) throw new McpStartInterrupted("The MCP server was stopped");
      entry.running = true;
      return tools;
    } catch (error) {
      const interrupted = this.#entries.get(serverId) !== entry;
      if (!interrupted) this.#entries.delete(serverId);
      await entry.client.close(0);
      if (interrupted && !(error instanceof McpStartInterrupted))
        throw new McpStartInterrupted("The MCP server was stopped while starting");
      throw error;
    }
  }

  /** Whether a process exists for the server, running or still starting. */
  has(serverId: string): boolean {
    return this.#entries.has(serverId);
  }

  isRunning(serverId: string): boolean {
    return this.#entries.get(serverId)?.running === true;
  }

  /** The process id of a started server (for diagnostics). */
  pid(serverId: string): number | undefined {
    return this.#entries.get(serverId)?.client.pid;
  }

  call(serverId: string, tool: string, args: Record<string, unknown>): Promise<McpCallResult> {
    const entry = this.#entries.get(serverId);
    if (!entry?.running) return Promise.reject(new McpTransportError("is not running"));
    return entry.client.callTool(tool, args, this.callTimeoutMs);
  }

  /** Ends a server's process (also one still starting); resolves once it has exited. */
  async stop(serverId: string): Promise<void> {
    const entry = this.#entries.get(serverId);
    if (!entry) return;
    this.#entries.delete(serverId);
    await entry.client.close();
  }

  async stopMachine(machineId: string): Promise<void> {
    const ids = [...this.#entries].filter(([, entry]) => entry.machineId === machineId).map(([id]) => id);
    await Promise.all(ids.map((id) => this.stop(id)));
  }

  /** Ends every process. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.#entries.keys()].map((id) => this.stop(id)));
  }

  /** Ends every process and refuses new starts. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    await this.stopAll();
  }
}
