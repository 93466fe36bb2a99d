/**
 * @module
 * Benchmark servers run in child processes, so that a server and the load it serves do not share one
 * event loop. A child prints one JSON line when ready and exits when its stdin closes. A child that calls
 * `answerCpuQueries()` also answers each `cpu` line on stdin with its own CPU time so far, so the benchmark can
 * charge a server the CPU it spent, whatever its load generator cost.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface, type Interface } from "node:readline";

export interface Child<Ready> {
  ready: Ready;
  process: ChildProcess;
  /** Closes the child's stdin and waits for it to exit. */
  stop(): Promise<void>;
  /** The child's CPU time so far (user + system), in microseconds; the child must answer `cpu` queries. */
  cpu(): Promise<number>;
}

/** In a child: answer every `cpu` line on stdin with `{"cpu": µs}` on stdout. */
export function answerCpuQueries(lines: Interface = createInterface({ input: process.stdin })): void {
  lines.on("line", (line) => {
    if (line.trim() !== "cpu") return;
    const { user, system } = process.cpuUsage();
    process.stdout.write(`${JSON.stringify({ cpu: user + system })}\n`);
  });
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
    cpu() {
      const answer = new Promise<number>((resolve) =>
        lines.once("line", (line) => resolve((JSON.parse(line) as { cpu: number }).cpu)),
      );
      child.stdin!.write("cpu\n");
      return answer;
    },
    async stop() {
      child.stdin!.end();
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
