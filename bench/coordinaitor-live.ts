/**
 * @module
 * CoordinAItor sessions and `/ws`. Line 13: event latency, from a REST update of a task to the
 * `tasks.watch()` callback over `/ws` (loopback), p99. Line 14: the refresh path, a call whose access token has
 * expired (a 401, one refresh, the call again) against the same call with a fresh token.
 */
import { CoordinAItor } from "@agentlane/sdk/coordinaitor";
import { createServer } from "@agentlane/server-lite";
import { p99 } from "./coordinaitor-webhooks.ts";
import { median } from "./lib/measure.ts";
import { atMost, ms, type Row } from "./lib/table.ts";

async function wsLatency(): Promise<Row> {
  const server = await createServer({ platform: "coordinaitor", seed: true });
  try {
    const url = await server.listen(0);
    const client = new CoordinAItor({ baseUrl: url });
    await client.login({ email: "admin@orchestrator.com", password: "admin123" });
    const task = await client.tasks.create({ title: "watched" });
    const watcher = client.tasks.watch(task.id);
    let arrived: (() => void) | undefined;
    watcher.on("update", () => arrived?.());
    await new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const samples: number[] = [];
    for (let i = 0; i < 600; i++) {
      const seen = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      const start = performance.now();
      await client.tasks.patch({ taskId: task.id, progress: (i % 100) / 100 + 0.001 });
      await seen;
      if (i >= 100) samples.push(performance.now() - start);
    }
    watcher.close();
    const value = p99(samples);
    return {
      line: 13,
      measure: "/ws event latency, REST update to tasks.watch() callback, p99",
      subject: `p99 ${ms(value)} (median ${ms(median(samples))})`,
      baseline: "budget 10 ms",
      ...atMost(value / 10, 1),
    };
  } finally {
    await server.close();
  }
}

async function refreshPath(): Promise<Row> {
  const server = await createServer({ platform: "coordinaitor", seed: true });
  try {
    const url = await server.listen(0);
    const client = new CoordinAItor({ baseUrl: url, retry: 0 });
    await client.login({ email: "admin@orchestrator.com", password: "admin123" });
    const expired: number[] = [];
    const fresh: number[] = [];
    for (let i = 0; i < 400; i++) {
      // The server's clock passes the token's expiry; the client's does not, so the server's 401 starts the refresh.
      server.clock.advance(3601 * 1000);
      let start = performance.now();
      await client.users.me();
      if (i >= 50) expired.push(performance.now() - start);
      start = performance.now();
      await client.users.me();
      if (i >= 50) fresh.push(performance.now() - start);
    }
    const e = median(expired);
    const f = median(fresh);
    return {
      line: 14,
      measure: "a call with an expired token (401, refresh, again) vs a fresh one, median",
      subject: `expired ${ms(e)}`,
      baseline: `fresh ${ms(f)}`,
      // Three round trips instead of one.
      ...atMost(e / f, 4),
    };
  } finally {
    await server.close();
  }
}

export async function coordinaitorLive(): Promise<Row[]> {
  return [await wsLatency(), await refreshPath()];
}
