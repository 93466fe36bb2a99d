/**
 * @module
 * The processes behind terminal sessions: each runs in a real pseudoterminal (`@lydell/node-pty`, which
 * ships prebuilt binaries), keyed by session id. One registry per server, so closing the server kills every
 * process it started and waits for them to exit.
 *
 * Why it exists: a platform with terminal sessions needs real processes whose output and exit it can
 * record; the registry knows nothing of any platform, only of ids, commands and sizes.
 *
 * The native module is loaded on first use: a server that runs no commands never loads it.
 */
import { createRequire } from "node:module";
import type { IPty } from "@lydell/node-pty";

type NodePty = typeof import("@lydell/node-pty");

const requireModule = createRequire(import.meta.url);
let nodePty: NodePty | undefined;
const loadNodePty = (): NodePty => {
  nodePty ??= requireModule("@lydell/node-pty") as NodePty;
  return nodePty;
};

/** How long `dispose()` waits for a process to exit after SIGHUP before sending SIGKILL, and after that. */
const EXIT_GRACE_MS = 2_000;

export interface PtyLaunch {
  command: string;
  args: string[];
  cwd: string;
  cols: number;
  rows: number;
}

export interface PtyListener {
  onData(data: string): void;
  /** `signal` is 0 when the process exited by itself. */
  onExit(exitCode: number, signal: number): void;
}

interface Running {
  pty: IPty;
  exited: Promise<void>;
}

export class PtyRegistry {
  readonly #running = new Map<string, Running>();
  #disposed = false;
  /** While positive, process events are dropped: the sessions they belong to are being wiped. */
  #muted = 0;

  /** Starts `launch` for a session; throws when the process cannot be started. Answers its pid. */
  start(sessionId: string, launch: PtyLaunch, listener: PtyListener): number {
    if (this.#disposed) throw new Error("the server is closing");
    if (this.#running.has(sessionId)) throw new Error(`session ${sessionId} already runs a process`);
    const pty = loadNodePty().spawn(launch.command, launch.args, {
      name: "xterm-256color",
      cols: launch.cols,
      rows: launch.rows,
      cwd: launch.cwd,
      env: { ...process.env, TERM: "xterm-256color" },
    });
    let markExited!: () => void;
    const exited = new Promise<void>((resolve) => {
      markExited = resolve;
    });
    pty.onData((data) => this.#deliver(() => listener.onData(data)));
    pty.onExit(({ exitCode, signal }) => {
      if (this.#running.get(sessionId)?.pty === pty) this.#running.delete(sessionId);
      markExited();
      this.#deliver(() => listener.onExit(exitCode, signal ?? 0));
    });
    this.#running.set(sessionId, { pty, exited });
    return pty.pid;
  }

  /** Writes to a session's terminal; false when no process runs for it. */
  write(sessionId: string, data: string): boolean {
    return this.#use(sessionId, (pty) => pty.write(data));
  }

  /** Resizes a session's terminal; false when no process runs for it. */
  resize(sessionId: string, cols: number, rows: number): boolean {
    return this.#use(sessionId, (pty) => pty.resize(cols, rows));
  }

  /** Hangs up a session's process (SIGHUP, as closing a terminal does); it is forgotten at once. */
  kill(sessionId: string): void {
    const running = this.#running.get(sessionId);
    if (!running) return;
    this.#running.delete(sessionId);
    void stop(running);
  }

  /** Kills every process and waits until each has exited, without reporting their output or exits. */
  async stopAll(): Promise<void> {
    const all = [...this.#running.values()];
    this.#running.clear();
    this.#muted++;
    try {
      await Promise.all(all.map((running) => stop(running)));
    } finally {
      this.#muted--;
    }
  }

  /** Kills every process and refuses new ones; listeners are no longer called. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    await this.stopAll();
  }

  #use(sessionId: string, action: (pty: IPty) => void): boolean {
    const running = this.#running.get(sessionId);
    if (!running) return false;
    try {
      action(running.pty);
      return true;
    } catch {
      // The process has just exited and its terminal is closed; its exit is on the way.
      return false;
    }
  }

  #deliver(call: () => void): void {
    // After dispose the store is closed; a failing listener must not bring the server down from a PTY event.
    if (this.#disposed || this.#muted > 0) return;
    try {
      call();
    } catch (error) {
      console.error("server-lite: session process event failed", error);
    }
  }
}

/** SIGHUP, then SIGKILL if the process is still there after the grace period. */
async function stop({ pty, exited }: Running): Promise<void> {
  const signal = (name: string) => {
    try {
      pty.kill(name);
    } catch {
      // Already gone.
    }
  };
  signal("SIGHUP");
  let timer: NodeJS.Timeout | undefined;
  const waited = (ms: number) =>
    Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
      }),
    ]).finally(() => clearTimeout(timer));
  if (await waited(EXIT_GRACE_MS)) return;
  signal("SIGKILL");
  await waited(EXIT_GRACE_MS);
}
