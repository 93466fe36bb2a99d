/**
 * @module
 * Event latency over loopback, from `server.events.publish` in server-lite to the callback of an SDK
 * watcher (Pusher frame encoding, WebSocket, partysocket, frame decoding, watcher dispatch). Printed, not
 * asserted.
 *
 * Run: `node --conditions=agentlane-source bench/realtime.ts [events]`
 */
import { createWatcher, PusherTransport } from "../packages/sdk/src/live/index.ts";
import { createServer } from "../packages/server-lite/src/index.ts";

const EVENTS = Number(process.argv[2] ?? 1000);
const WARMUP = 100;
const CHANNEL = "bench";

interface Events {
  tick: { i: number; at: number };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(name: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((sum, x) => sum + x, 0) / samples.length;
  const f = (ms: number) => `${(ms * 1000).toFixed(0).padStart(6)} µs`;
  return `${name.padEnd(34)} n=${samples.length}  median ${f(percentile(sorted, 50))}  p99 ${f(percentile(sorted, 99))}  mean ${f(mean)}  max ${f(sorted.at(-1)!)}`;
}

const server = await createServer({ platform: "claudenest", realtime: { appKey: "bench-key" } });
const url = await server.listen(0);
const watcher = createWatcher<Events>({
  transport: () => new PusherTransport({ url, appKey: "bench-key" }),
  channels: [CHANNEL],
});
await new Promise<void>((resolve) => watcher.once("status", () => resolve()));

// One event in flight at a time: the latency of a single event.
const sequential: number[] = [];
for (let i = 0; i < WARMUP + EVENTS; i++) {
  const received = new Promise<number>((resolve) => watcher.once("tick", () => resolve(performance.now())));
  const at = performance.now();
  server.events.publish(CHANNEL, "tick", { i, at });
  const latency = (await received) - at;
  if (i >= WARMUP) sequential.push(latency);
}

// All events published back to back: latency including queueing behind earlier events.
const burst: number[] = [];
await new Promise<void>((resolve) => {
  const onTick = (data: Events["tick"]) => {
    burst.push(performance.now() - data.at);
    if (burst.length === EVENTS) {
      watcher.off("tick", onTick);
      resolve();
    }
  };
  watcher.on("tick", onTick);
  for (let i = 0; i < EVENTS; i++) server.events.publish(CHANNEL, "tick", { i, at: performance.now() });
});

console.log(`Realtime latency, server-lite Pusher server -> SDK watcher over loopback (Node ${process.version})`);
console.log(summary("sequential (one event in flight)", sequential));
console.log(summary(`burst (${EVENTS} published at once)`, burst));

watcher.close();
await server.close();
