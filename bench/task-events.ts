/**
 * @module
 * Latency over loopback from a REST task claim (`nest.tasks.claim`, over HTTP) to the `task:claimed` callback
 * of `nest.tasks.watch` (transaction, publish, Pusher frame, WebSocket, partysocket, watcher dispatch), next to
 * the claim's own HTTP round trip measured on the same calls. One claim in flight at a time. Printed, not
 * asserted.
 *
 * Run it from the repository root: `node --conditions=agentlane-source bench/task-events.ts [claims]`.
 */
import { ClaudeNest } from "../packages/sdk/src/index.ts";
import { createServer } from "../packages/server-lite/src/index.ts";

const CLAIMS = Number(process.argv[2] ?? 300);
const WARMUP = 30;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(name: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const f = (ms: number) => `${ms.toFixed(2).padStart(6)} ms`;
  return `${name.padEnd(36)} n=${samples.length}  median ${f(percentile(sorted, 50))}  p99 ${f(percentile(sorted, 99))}  max ${f(sorted.at(-1)!)}`;
}

const server = await createServer();
const url = await server.listen(0, "127.0.0.1");
const baseUrl = `${url}${server.bases.claudenest}`;
const account = await new ClaudeNest({ baseUrl }).auth.register({
  name: "Bench",
  email: `bench-${Date.now()}@example.com`,
  password: "correct horse battery",
  password_confirmation: "correct horse battery",
});
const nest = new ClaudeNest({ baseUrl, token: account.token, retry: 0 });
const { machine } = await nest.machines.register({ name: "bench", platform: "linux", hostname: "bench" });
const project = await nest.projects.create({ machine: machine.id, name: "Bench", project_path: "/srv/bench" });
const ids: string[] = [];
for (let i = 0; i < WARMUP + CLAIMS; i++)
  ids.push((await nest.tasks.create({ project: project.id, title: `T${i}` })).id);

const watcher = nest.tasks.watch(project.id);
await new Promise((resolve) => watcher.once("resync", resolve));

const toEvent: number[] = [];
const toResponse: number[] = [];
for (const [i, id] of ids.entries()) {
  const seen = new Promise<number>((resolve) => {
    const onClaimed = ({ task }: { task: { id: string } }) => {
      if (task.id !== id) return;
      watcher.off("task:claimed", onClaimed);
      resolve(performance.now());
    };
    watcher.on("task:claimed", onClaimed);
  });
  const started = performance.now();
  await nest.tasks.claim({ id, instance_id: "bench" });
  const answered = performance.now();
  const eventAt = await seen;
  if (i < WARMUP) continue;
  toEvent.push(eventAt - started);
  toResponse.push(answered - started);
}

console.log(`Task claim -> tasks.watch callback over loopback (Node ${process.version})`);
console.log(summary("claim -> task:claimed callback", toEvent));
console.log(summary("claim -> HTTP response (same calls)", toResponse));

watcher.close();
await server.close();
