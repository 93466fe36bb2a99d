/**
 * @module
 * Line 4: how long `agentlane-server --port 0` (run from source) takes from spawn until it prints the URL
 * it listens on. There is no baseline to divide by: the ratio column compares it with bare `node` starting
 * and printing a line, to show what the server itself adds.
 */
import { spawn } from "node:child_process";
import { median } from "./lib/measure.ts";
import { ms, type Row } from "./lib/table.ts";

const RUNS = 5;
const cli = new URL("../packages/server-lite/src/cli.ts", import.meta.url).pathname;

/** Milliseconds from spawn until stdout matches `ready`; the process is then stopped. */
function timeUntil(args: string[], ready: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    let elapsed: number | undefined;
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (elapsed === undefined && ready.test(output)) {
        elapsed = performance.now() - start;
        child.kill("SIGTERM");
      }
    });
    child.once("exit", (code) =>
      elapsed === undefined ? reject(new Error(`exited (${code}) before printing ${ready}`)) : resolve(elapsed),
    );
  });
}

export async function cliStartup(): Promise<Row[]> {
  const server: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    server.push(await timeUntil(["--conditions=agentlane-source", cli, "--port", "0"], /listening on http:\/\/\S+/));
    bare.push(await timeUntil(["-e", "console.log('ready')"], /ready/));
  }
  const ratio = median(server) / median(bare);
  return [
    {
      line: 4,
      measure: `CLI start until it prints its URL (median of ${RUNS})`,
      subject: `agentlane-server ${ms(median(server))}`,
      baseline: `bare node ${ms(median(bare))}`,
      ratio,
      target: "(reported)",
      met: true,
    },
  ];
}
