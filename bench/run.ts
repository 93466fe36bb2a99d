/**
 * @module
 * Runs every benchmark line once and prints one table of medians and ratios. Nothing is asserted: the
 * table says which targets were met. `node --conditions=agentlane-source bench/run.ts [line...]` runs some lines only.
 */

import { actusSse } from "./actus-sse.ts";
import { bundleSize } from "./bundle-size.ts";
import { caipeCatalog } from "./caipe-catalog.ts";
import { ccjkCatalog } from "./ccjk-catalog.ts";
import { cliStartup } from "./cli-startup.ts";
import { contextQuery } from "./context-query.ts";
import { coordinaitorLive } from "./coordinaitor-live.ts";
import { coordinaitorWebhooks } from "./coordinaitor-webhooks.ts";
import { faultRun } from "./fault-run.ts";
import { importCost } from "./import-cost.ts";
import { inProcess } from "./in-process.ts";
import { type Row, renderTable } from "./lib/table.ts";
import { memory } from "./memory.ts";
import { sdkLatency } from "./sdk-latency.ts";
import { serverThroughput } from "./server-throughput.ts";
import { taskPages } from "./task-pages.ts";

const lines: Record<string, () => Promise<Row[]>> = {
  "1": sdkLatency,
  "2": inProcess,
  "3": serverThroughput,
  "4": cliStartup,
  caipe: caipeCatalog,
  ccjk: ccjkCatalog,
  "coordinaitor-webhooks": coordinaitorWebhooks,
  "coordinaitor-live": coordinaitorLive,
  "5": actusSse,
  "6": bundleSize,
  "7": taskPages,
  "8": importCost,
  "9": contextQuery,
  "10": memory,
  faults: faultRun,
};

const selected = process.argv.slice(2).filter((arg) => arg in lines);
const rows: Row[] = [];
const started = performance.now();
for (const id of selected.length > 0 ? selected : Object.keys(lines)) {
  const lineStart = performance.now();
  process.stderr.write(`bench: line ${id}…`);
  rows.push(...(await lines[id]!()));
  process.stderr.write(` ${((performance.now() - lineStart) / 1000).toFixed(1)} s\n`);
}
process.stdout.write(`${renderTable(rows)}\n`);
process.stderr.write(
  `bench: done in ${((performance.now() - started) / 1000).toFixed(1)} s (node ${process.version})\n`,
);
