/**
 * @module
 * Line 8: what `import("@agentlane/server-lite")` costs a fresh process, built (`dist/`, what an application
 * imports) and from source (`--conditions=agentlane-source`, as the tests import it). Each of ten fresh processes
 * times the import alone (after Node itself has started) and reports its CPU time (user + system: it holds still
 * on a busy machine where the wall time does not) and its wall time; medians. Target: ≤ 100 ms of CPU, built.
 */
import { execFileSync } from "node:child_process";
import { median } from "./lib/measure.ts";
import { atMost, ms, type Row } from "./lib/table.ts";

const RUNS = 10;
const TARGET_MS = 100;
const serverLite = new URL("../packages/server-lite/", import.meta.url).pathname;

/** Run in the child: the import, timed by the child itself. The package imports itself by name from its folder. */
const script = `
const cpu = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };
const cpuBefore = cpu();
const wallBefore = performance.now();
await import("@agentlane/server-lite");
process.stdout.write(JSON.stringify({ cpu: cpu() - cpuBefore, wall: performance.now() - wallBefore }));
`;

function importOnce(conditions: string[]): { cpu: number; wall: number } {
  const out = execFileSync(process.execPath, [...conditions, "--input-type=module", "-e", script], {
    cwd: serverLite,
    encoding: "utf8",
  });
  return JSON.parse(out) as { cpu: number; wall: number };
}

export async function importCost(): Promise<Row[]> {
  const built: { cpu: number; wall: number }[] = [];
  const source: { cpu: number; wall: number }[] = [];
  importOnce([]);
  for (let run = 0; run < RUNS; run++) {
    built.push(importOnce([]));
    source.push(importOnce(["--conditions=agentlane-source"]));
  }
  const row = (label: string, runs: { cpu: number; wall: number }[]): Row => {
    const cpu = median(runs.map((r) => r.cpu));
    return {
      line: 8,
      measure: `import("@agentlane/server-lite"), ${label}: CPU (median of ${RUNS} processes)`,
      subject: `${ms(cpu)} CPU, ${ms(median(runs.map((r) => r.wall)))} wall`,
      baseline: `${TARGET_MS} ms`,
      ...atMost(cpu / TARGET_MS, 1),
    };
  };
  return [row("built", built), row("from source", source)];
}
