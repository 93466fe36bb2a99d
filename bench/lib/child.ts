/**
 * @module
 * Benchmark servers run in child processes, so that a server and the load it serves do not share one
 * event loop. A child prints one JSON line when ready and exits when its stdin closes. A child that calls
 * `answerCpuQueries()` also answers each `cpu` line on stdin with its own CPU time so far, so the benchmark can
 * charge a server the CPU it spent, whatever its load generator cost. Servers that cannot answer (another
 * package's) are run by `package-server.ts` as the same `Child`, their CPU read from `/proc`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface, type Interface } from "node:readline";

export interface Child<Ready> {
  ready: Ready;
  process: ChildProcess;
  /** Closes the child's stdin and waits for it to exit. */
  stop(): Promise<void>;
  /**
   * The child's CPU time so far (user + system, all threads), in microseconds: asked of a child that answers
   * `cpu` queries, read from `/proc` for one that cannot.
   */
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

/** How long a child may take to exit once asked before it is killed. */
const STOP_DEADLINE_MS = 5000;

/** A promise of `child`'s exit; take it right after spawning, so that an early exit is not missed. */
export function exitOf(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => child.once("exit", () => resolve()));
}

/** Asks a child to exit (`ask`), waits for `exited`, and kills it if it has not exited within 5 seconds. */
export async function stopChild(child: ChildProcess, exited: Promise<void>, ask: () => void): Promise<void> {
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_DEADLINE_MS);
  ask();
  await exited;
  clearTimeout(timer);
}

/**
 * Starts a benchmark server script (`script`, run from TypeScript sources) in its own process with `args`,
 * writes `stdinLine` to it if given, and resolves with the JSON of the first line it prints.
 */
export async function startChild<Ready>(
  script: URL,
  stdinLine?: string,
  args: readonly string[] = [],
): Promise<Child<Ready>> {
  const child = spawn(process.execPath, ["--conditions=agentlane-source", script.pathname, ...args], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  if (stdinLine !== undefined) child.stdin!.write(`${stdinLine}\n`);
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${script.pathname} exited (${code}) before it was ready`)));
    lines.once("line", (line) => resolve(JSON.parse(line) as Ready));
  });
  child.removeAllListeners("exit");
  const exited = exitOf(child);
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
    stop: () => stopChild(child, exited, () => child.stdin!.end()),
  };
}
