/**
 * @module
 * server-lite for the throughput line, in its own process: the demo user with 15 machines (one full
 * default page), rate limits off (they would refuse most of the load). Prints `{ url, token }` as one JSON
 * line, then serves until stdin closes.
 */
import { ClaudeNest } from "@agentlane/sdk";
import { createServer } from "@agentlane/server-lite";
import { answerCpuQueries } from "../lib/child.ts";

const server = await createServer({ seed: true });
const token = server.seedInfo.claudenest!.token!;
const url = await server.listen(0);
const nest = new ClaudeNest({ baseUrl: `${url}/claudenest/api`, token });
const existing = await nest.machines.list();
for (let i = existing.length; i < 15; i++)
  await nest.machines.register({ name: `bench-${i}`, platform: "linux", hostname: `bench-${i}.local`, arch: "x64" });

process.stdout.write(`${JSON.stringify({ url, token })}\n`);
answerCpuQueries();
process.stdin.resume();
process.stdin.on("end", async () => {
  await server.close();
  process.exit(0);
});
