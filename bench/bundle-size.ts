/**
 * @module
 * Line 6: what a browser application pays to import the SDK (esbuild, minified, gzip, with code splitting):
 * the entry chunk of each platform's client, measured against the 15 KB budget the bundle tests hold
 * ClaudeNest to, and of the whole SDK's root entry. Sizes are exact, not timed: the figures do not move
 * with the machine's load.
 */
import { fileURLToPath } from "node:url";
import { browserBundle } from "../packages/sdk/test/browser-bundle.ts";
import { atMost, type Row } from "./lib/table.ts";

const BUDGET = 15 * 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const source = (path: string) => fileURLToPath(new URL(`../packages/sdk/src/${path}`, import.meta.url));

export async function bundleSize(): Promise<Row[]> {
  const entries: [string, string][] = [
    ...["claudenest", "coordinaitor", "ccjk", "actus", "caipe"].map((id): [string, string] => [
      `@agentlane/sdk/${id}`,
      source(`platforms/${id}/index.ts`),
    ]),
    ["@agentlane/sdk (every platform)", source("index.ts")],
  ];
  const rows: Row[] = [];
  for (const [name, entry] of entries) {
    const { entryGzip } = await browserBundle(entry);
    rows.push({
      line: 6,
      measure: "browser bundle, gzip",
      subject: `${name}: ${kb(entryGzip)}`,
      baseline: `budget ${kb(BUDGET)}`,
      ...(name.includes("every")
        ? { ratio: entryGzip / BUDGET, target: "reported", met: true }
        : atMost(entryGzip / BUDGET, 1)),
    });
  }
  return rows;
}
