/**
 * @module
 * Load generators for the server lines, chosen so that the generator is not what is measured: `wrk` (one
 * thread, C, a few microseconds of CPU per request) when the machine has it, otherwise `node:http` keep-alive
 * loops in a worker thread (costlier, so its ceiling matters more). Either way the line also measures the
 * generator's ceiling against a server that answers a constant, and the CPU each server spent.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";

export interface Load {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
}

export interface Generator {
  name: string;
  /** Drives `load` for `seconds` with `connections` keep-alive connections; answers the requests completed. */
  run(load: Load, seconds: number, connections: number): Promise<number>;
}

/** `wrk` from Debian's package (`apt-get install wrk`), when on the PATH. */
export function wrkGenerator(): Generator | undefined {
  if (spawnSync("wrk", ["--version"], { encoding: "utf8" }).error) return undefined;
  return {
    name: "wrk -t1",
    async run(load, seconds, connections) {
      const dir = mkdtempSync(join(tmpdir(), "agentlane-wrk-"));
      try {
        const script = join(dir, "load.lua");
        const headers = Object.entries(load.headers)
          .map(([name, value]) => `wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}`)
          .join("\n");
        const body = load.body === undefined ? "" : `wrk.body = ${JSON.stringify(load.body)}`;
        writeFileSync(script, `wrk.method = "${load.method}"\n${headers}\n${body}\n`);
        const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "-s", script, load.url];
        const out = spawnSync("wrk", args, { encoding: "utf8" });
        if (out.status !== 0) throw new Error(`wrk failed: ${out.stderr}`);
        const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out.stdout);
        if (errors) throw new Error(`${load.method} ${load.url}: ${errors[1]} answers were not 2xx`);
        return Number(/(\d+) requests in/.exec(out.stdout)?.[1] ?? Number.NaN);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** `connections` keep-alive `node:http` loops in one worker thread, so they do not share the bench's event loop. */
export function nodeGenerator(): Generator {
  return {
    name: "node:http worker",
    run: (load, seconds, connections) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL("./load-worker.ts", import.meta.url), {
          workerData: { load, seconds, connections },
        });
        worker.once("message", (count: number) => resolve(count));
        worker.once("error", reject);
      }),
  };
}
