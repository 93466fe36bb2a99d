/**
 * @module
 * Terminal sessions on ClaudeNest: machines are the hosts; a session's live terminal is the SDK's
 * `sessions.attach()` stream.
 */
import type { ClaudeNest } from "@agentlane/sdk/claudenest";
import type { HostItem, SessionItem, TerminalStream, TerminalsBackend } from "../types.ts";
import type { MachineDirectory } from "./machines.ts";
import { toHost, toSession } from "./map.ts";

/** The PTY sizes ClaudeNest accepts. */
const COLS = { min: 20, max: 500 };
const ROWS = { min: 10, max: 200 };
const clamp = (value: number, { min, max }: { min: number; max: number }) =>
  Math.min(max, Math.max(min, Math.round(value)));

export class ClaudeNestTerminals implements TerminalsBackend {
  readonly #nest: ClaudeNest;
  readonly #machines: MachineDirectory;

  constructor(nest: ClaudeNest, machines: MachineDirectory) {
    this.#nest = nest;
    this.#machines = machines;
  }

  async hosts(): Promise<HostItem[]> {
    return (await this.#machines.list()).map(toHost);
  }

  async sessions(hostId: string): Promise<SessionItem[]> {
    const sessions = await this.#nest.sessions.list({ machine: hostId, per_page: 50 });
    return sessions.map(toSession);
  }

  async create(hostId: string, options: { cwd?: string; cols: number; rows: number }): Promise<SessionItem> {
    const { session } = await this.#nest.sessions.create({
      machine: hostId,
      mode: "interactive",
      ...(options.cwd ? { project_path: options.cwd } : {}),
      pty_size: { cols: clamp(options.cols, COLS), rows: clamp(options.rows, ROWS) },
    });
    return toSession(session);
  }

  attach(sessionId: string): TerminalStream {
    const terminal = this.#nest.sessions.attach(sessionId);
    return {
      onOutput: (listener) => void terminal.on("output", listener),
      onExit: (listener) => void terminal.on("exit", ({ exitCode }) => listener(exitCode)),
      onError: (listener) => void terminal.on("error", listener),
      write: (data) => void terminal.write(data),
      resize: (cols, rows) => void terminal.resize(clamp(cols, COLS), clamp(rows, ROWS)),
      terminate: () => void terminal.terminate(),
      dispose: () => terminal.close(),
    };
  }

  async terminate(sessionId: string): Promise<void> {
    await this.#nest.sessions.remove({ id: sessionId });
  }
}
