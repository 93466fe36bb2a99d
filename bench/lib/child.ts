/**
 * @module
 * Benchmark servers run in child processes, so that a server and the load it serves do not share one
 * event loop. A child prints one JSON line when ready and exits when its stdin closes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export interface Child<Ready> {
  ready: Ready;
  process: ChildProcess;
  /** Closes the child's stdin and waits for it to exit. */
  stop(): Promise<void>;
}

export async function startChild<Ready>(script: URL, stdinLine?: string): Promise<Child<Ready>> {
  const child = spawn(process.execPath, ["--conditions=agentlane-source", script.pathname], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  if (stdinLine !== undefined) child.stdin!.write(`${stdinLine}\n`);
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${script.pathname} exited (${code}) before it was ready`)));
    lines.once("line", (line) => resolve(JSON.parse(line) as Ready));
  });
  child.removeAllListeners("exit");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    ready,
    process: child,
    async stop() {
      child.stdin!.end();
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
