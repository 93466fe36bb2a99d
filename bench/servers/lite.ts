/**
 * @module
 * server-lite for the throughput line, in its own process: the demo user with 15 machines (one full
 * default page) and a project to create tasks in, rate limits off (they would refuse most of the load).
 * `--db <file>` keeps the store in that SQLite file (WAL) instead of memory. Prints `{ url, token, projectId }`
 * as one JSON line, then serves until stdin closes, answering `cpu` queries.
 */
import { parseArgs } from "node:util";
import { ClaudeNest } from "@agentlane/sdk";
import { createServer } from "@agentlane/server-lite";
import { answerCpuQueries } from "../lib/child.ts";

const { values } = parseArgs({ options: { db: { type: "string", default: ":memory:" } } });
const server = await createServer({ seed: true, db: values.db });
const token = server.seedInfo.claudenest!.token!;
const url = await server.listen(0);
const nest = new ClaudeNest({ baseUrl: `${url}/claudenest/api`, token });
const existing = await nest.machines.list();
for (let i = existing.length; i < 15; i++)
  await nest.machines.register({ name: `bench-${i}`, platform: "linux", hostname: `bench-${i}.local`, arch: "x64" });
const project = await nest.projects.create({
  machine: server.seedInfo.claudenest!.machineId,
  name: "Throughput",
  project_path: "/srv/throughput",
});

process.stdout.write(`${JSON.stringify({ url, token, projectId: project.id })}\n`);
answerCpuQueries();
process.stdin.resume();
process.stdin.on("end", async () => {
  await server.close();
  process.exit(0);
});
