/**
 * @module
 * Line 4: how long `agentlane-server --port 0` takes from spawn until it prints the URL it listens on, run as a user
 * runs it (the built package through its bin) and from source (`--conditions=agentlane-source`), against a bare
 * `node:http` script that listens and prints its URL (`servers/bare-listen.mjs`). Ten runs of each, interleaved so
 * that a busy moment hurts all three alike; medians. Target: within 1.6× of the bare script. Also checks that the
 * command prints no `ExperimentalWarning` while starting.
 */
import { spawn } from "node:child_process";
import { median } from "./lib/measure.ts";
import { atMost, ms, type Row } from "./lib/table.ts";

const RUNS = 10;
const TARGET = 1.6;
const serverLite = new URL("../packages/server-lite/", import.meta.url).pathname;
const ready = /listening on https?:\/\/\S+/;

interface Start {
  /** Milliseconds from spawn until stdout matched. */
  elapsed: number;
  /** What the process wrote to stderr until then. */
  stderr: string;
}

/** Spawns `node args`, waits until stdout matches `ready`, then stops the process. */
function timeUntilReady(args: string[]): Promise<Start> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let stderr = "";
    let elapsed: number | undefined;
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (elapsed === undefined && ready.test(output)) {
        elapsed = performance.now() - start;
        child.kill("SIGTERM");
      }
    });
    child.once("exit", (code) =>
      elapsed === undefined
        ? reject(new Error(`${args.join(" ")} exited (${code}) before printing its URL: ${stderr}`))
        : resolve({ elapsed, stderr }),
    );
  });
}

export async function cliStartup(): Promise<Row[]> {
  const commands = {
    built: [`${serverLite}bin/agentlane-server.js`, "--port", "0"],
    source: ["--conditions=agentlane-source", `${serverLite}src/cli.ts`, "--port", "0"],
    bare: [new URL("./servers/bare-listen.mjs", import.meta.url).pathname],
  };
  const times: Record<keyof typeof commands, number[]> = { built: [], source: [], bare: [] };
  const warnings = new Set<string>();
  for (const args of Object.values(commands)) await timeUntilReady(args); // warm the file cache
  for (let run = 0; run < RUNS; run++) {
    for (const [name, args] of Object.entries(commands) as [keyof typeof commands, string[]][]) {
      const { elapsed, stderr } = await timeUntilReady(args);
      times[name].push(elapsed);
      for (const line of stderr.split("\n")) if (/Warning/.test(line)) warnings.add(`${name}: ${line.trim()}`);
    }
  }
  for (const warning of warnings) process.stderr.write(`bench: agentlane-server warned at start: ${warning}\n`);
  const bare = median(times.bare);
  const row = (name: "built" | "source", label: string): Row => ({
    line: 4,
    measure: `CLI start until it prints its URL, ${label} (median of ${RUNS})`,
    subject: `agentlane-server ${ms(median(times[name]))}`,
    baseline: `bare node:http ${ms(bare)}`,
    ...atMost(median(times[name]) / bare, TARGET),
  });
  return [
    row("built", "dist/ through the bin"),
    row("source", "from source"),
    {
      line: 4,
      measure: "CLI start: warnings printed (ExperimentalWarning, ...)",
      subject: warnings.size === 0 ? "none" : `${warnings.size} kinds`,
      baseline: "none",
      ratio: warnings.size,
      target: "0",
      met: warnings.size === 0,
    },
  ];
}
