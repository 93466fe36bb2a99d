/**
 * @module
 * server-lite for the memory line, in its own process: every platform, seeded, rate limits off (they would refuse
 * most of the load). Prints `{ url, token }` as one JSON line, then serves until stdin closes, answering `cpu`
 * queries and `memory` queries: its resident set size, its JavaScript heap in use, and the bytes its SQLite store holds (in memory, part of the
 * resident set, but data the requests stored rather than memory the server lost).
 */

import { createInterface } from "node:readline";
import { createServer } from "@agentlane/server-lite";
import { answerCpuQueries } from "../lib/child.ts";

const server = await createServer({ seed: true });
const url = await server.listen(0);
process.stdout.write(`${JSON.stringify({ url, token: server.seedInfo.claudenest!.token })}\n`);

const lines = createInterface({ input: process.stdin });
answerCpuQueries(lines);
lines.on("line", (line) => {
  if (line.trim() !== "memory") return;
  const pages = server.db.get<{ bytes: number }>(
    "SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()",
  )!;
  const { rss, heapUsed } = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ rss, heap: heapUsed, store: pages.bytes })}\n`);
});
lines.on("close", async () => {
  await server.close();
  process.exit(0);
});
