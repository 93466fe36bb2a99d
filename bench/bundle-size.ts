/**
 * @module
 * Line 6: what a browser application pays to import the SDK (esbuild, minified, gzip, with code splitting):
 * the entry chunk of `import { <Client> } from "@agentlane/sdk/<platform>"` for each platform, measured against
 * the 15 KB budget the bundle tests hold ClaudeNest to, and of everything the SDK's root entry exports. Sizes are exact, not timed: the figures do not move
 * with the machine's load.
 */
import { fileURLToPath } from "node:url";
import { browserBundle } from "../packages/sdk/test/browser-bundle.ts";
import { atMost, type Row } from "./lib/table.ts";

const BUDGET = 15 * 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const source = (path: string) => fileURLToPath(new URL(`../packages/sdk/src/${path}`, import.meta.url));

export async function bundleSize(): Promise<Row[]> {
  const clients = {
    claudenest: "ClaudeNest",
    coordinaitor: "CoordinAItor",
    ccjk: "CCJKCloud",
    actus: "Actus",
    caipe: "CaipeSkills",
  };
  const entries: [string, string, string[] | undefined][] = [
    ...Object.entries(clients).map(([id, client]): [string, string, string[]] => [
      `import { ${client} } from "@agentlane/sdk/${id}"`,
      source(`platforms/${id}/index.ts`),
      [client],
    ]),
    ["@agentlane/sdk (every export)", source("index.ts"), undefined],
  ];
  const rows: Row[] = [];
  for (const [name, entry, names] of entries) {
    const { entryGzip } = await browserBundle(entry, names);
    rows.push({
      line: 6,
      measure: "browser bundle, gzip",
      subject: `${name}: ${kb(entryGzip)}`,
      baseline: `budget ${kb(BUDGET)}`,
      ...(names === undefined
        ? { ratio: entryGzip / BUDGET, target: "reported", met: true }
        : atMost(entryGzip / BUDGET, 1)),
    });
  }
  return rows;
}
