/**
 * @module
 * Runs a server that an npm package ships as its command (json-server, Prism's `prism mock`) in its own process,
 * as a peer to compare server-lite with. Such a server neither prints the benchmark's ready line nor answers
 * `cpu` queries, so it is given a free port, counted as ready once that port accepts connections, and its CPU
 * time is read from `/proc` (`proc-cpu.ts`). It is the same `Child` the comparison takes for server-lite.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { type Child, exitOf, stopChild } from "./child.ts";
import { processCpuMicros } from "./proc-cpu.ts";

const HOST = "127.0.0.1";
/** How long a package's server may take to listen (Prism reads and indexes the whole OpenAPI document first). */
const START_DEADLINE_MS = 60_000;

export interface PackageServerOptions {
  /** The npm package, installed in the workspace root, e.g. `json-server` or `@stoplight/prism-cli`. */
  package: string;
  /**
   * Which of the package's commands to run.
   * @default the package's only (or first) command
   */
  bin?: string;
  /**
   * Files the server reads (its data, its document), by name: written to a new directory before it starts, which
   * is the server's working directory and is removed when it stops.
   * @default {}
   * @example { "db.json": JSON.stringify({ machines: [] }) }
   */
  files?: Record<string, string>;
  /**
   * Empty folders to make in that directory (a folder a server insists on, such as json-server's `public`).
   * @default []
   */
  folders?: string[];
  /** The command's arguments, given the port and host it must listen on and the directory holding `files`. */
  args(where: { port: number; host: string; dir: string }): string[];
  /** Variables added to the environment. */
  env?: Record<string, string>;
  /**
   * Copy the server's stdout to the benchmark's stderr (for a server whose stdout carries only its errors);
   * otherwise it is discarded, so that a banner never lands in the benchmark's table.
   * @default false
   */
  echo?: boolean;
}

/** The JavaScript file behind a package's command, so it runs under this Node directly (its own pid, no shim). */
function commandFile(name: string, bin?: string): string {
  const manifestPath = createRequire(import.meta.url).resolve(`${name}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin?: string | Record<string, string> };
  const file = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.[bin ?? Object.keys(manifest.bin)[0]!];
  if (!file) throw new Error(`${name} has no command ${bin ?? ""}`.trim());
  return join(dirname(manifestPath), file);
}

/** A port nothing listens on now (asked of the system, then released for the server to take). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, HOST, resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ port, host: HOST });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

/** Resolves once `port` accepts a connection; rejects if the process exits first or the deadline passes. */
async function listening(child: ChildProcess, port: number, name: string): Promise<void> {
  let exited: string | undefined;
  child.once("exit", (code, signal) => {
    exited = `${name} exited (${code ?? signal}) before it listened on port ${port}`;
  });
  const deadline = Date.now() + START_DEADLINE_MS;
  while (!(await accepts(port))) {
    if (exited) throw new Error(exited);
    if (Date.now() > deadline) throw new Error(`${name} did not listen on port ${port} within ${START_DEADLINE_MS} ms`);
    await delay(50);
  }
}

/**
 * Starts a package's server on a free loopback port and waits until it accepts connections.
 * @example
 * const server = await startPackageServer({
 *   package: "json-server",
 *   files: { "db.json": JSON.stringify({ machines: [] }) },
 *   args: ({ port, host, dir }) => [join(dir, "db.json"), "--port", String(port), "--host", host],
 * });
 */
export async function startPackageServer(options: PackageServerOptions): Promise<Child<{ url: string }>> {
  const dir = mkdtempSync(join(tmpdir(), "agentlane-peer-"));
  const removeFiles = () => rmSync(dir, { recursive: true, force: true });
  for (const name of options.folders ?? []) mkdirSync(join(dir, name), { recursive: true });
  for (const [name, content] of Object.entries(options.files ?? {})) writeFileSync(join(dir, name), content);
  const port = await freePort();
  const args = options.args({ port, host: HOST, dir });
  const child = spawn(process.execPath, [commandFile(options.package, options.bin), ...args], {
    cwd: dir,
    stdio: ["ignore", options.echo ? "pipe" : "ignore", "inherit"],
    env: { ...process.env, ...options.env },
  });
  child.stdout?.pipe(process.stderr);
  const exited = exitOf(child);
  try {
    await listening(child, port, options.package);
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    removeFiles();
    throw error;
  }
  return {
    ready: { url: `http://${HOST}:${port}` },
    process: child,
    cpu: async () => processCpuMicros(child.pid!),
    async stop() {
      await stopChild(child, exited, () => child.kill("SIGTERM"));
      removeFiles();
    },
  };
}
