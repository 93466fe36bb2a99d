/**
 * @module
 * server-lite with CCJK Cloud at its documented root, for the CCJK catalog line, in its own process: seeded (an
 * API key), rate limits off (they would refuse most of the load). Prints `{ url, apiKey }` as one JSON line,
 * then serves until stdin closes, answering `cpu` queries.
 */
import { createServer } from "@agentlane/server-lite";
import { answerCpuQueries } from "./lib/child.ts";

const server = await createServer({ seed: true, platform: "ccjk" });
const apiKey = server.seedInfo.ccjk!.apiKey!;
const url = await server.listen(0);

process.stdout.write(`${JSON.stringify({ url, apiKey })}\n`);
answerCpuQueries();
process.stdin.resume();
process.stdin.on("end", async () => {
  await server.close();
  process.exit(0);
});
