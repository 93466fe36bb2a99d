/**
 * @module
 * CoordinAItor webhooks. Line 11: verification throughput of `@agentlane/sdk/webhooks` against raw
 * `createHmac` + `timingSafeEqual` with a cached key, on the same delivery-sized body, in alternating rounds.
 * Line 12: delivery latency, from the REST call that changes a task to the receiver's handler (loopback), p99.
 */
import { createHmac, createSecretKey, timingSafeEqual } from "node:crypto";
import { createServer as createHttpServer } from "node:http";
import { CoordinAItor } from "@agentlane/sdk/coordinaitor";
import { createVerifier, signSync } from "@agentlane/sdk/webhooks";
import { createServer } from "@agentlane/server-lite";
import { median } from "./lib/measure.ts";
import { atLeast, atMost, ms, perSecond, type Row } from "./lib/table.ts";

const SECRET = "whsec_benchmark-secret-of-some-length";

function opsPerSecond(task: () => boolean, iterations: number): number {
  const start = performance.now();
  let ok = 0;
  for (let i = 0; i < iterations; i++) if (task()) ok++;
  if (ok !== iterations) throw new Error("a verification failed");
  return (iterations * 1000) / (performance.now() - start);
}

/** p99 of samples in milliseconds. */
export function p99(samples: readonly number[]): number {
  const sorted = samples.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]!;
}

async function verifyThroughput(): Promise<Row> {
  const body = JSON.stringify({
    event: "task.completed",
    timestamp: new Date().toISOString(),
    data: { id: "task-123", title: "Implement user authentication", status: "completed", tags: ["auth", "security"] },
    organization: { id: "org-123", name: "Acme Corp" },
  }).repeat(4);
  const signature = signSync(body, SECRET);
  const verifier = createVerifier({ secrets: SECRET });
  const key = createSecretKey(Buffer.from(SECRET));
  const raw = () => {
    const expected = createHmac("sha256", key).update(body).digest();
    const given = Buffer.from(signature.slice(7), "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const sdk = () => verifier.verifySync(body, signature);
  for (let i = 0; i < 20_000; i++) {
    raw();
    sdk();
  }
  const rates: { sdk: number[]; raw: number[] } = { sdk: [], raw: [] };
  for (let round = 0; round < 15; round++) {
    rates.sdk.push(opsPerSecond(sdk, 20_000));
    rates.raw.push(opsPerSecond(raw, 20_000));
  }
  const s = median(rates.sdk);
  const r = median(rates.raw);
  return {
    line: 11,
    measure: "webhook verify throughput (CoordinAItor delivery)",
    subject: `verifySync ${perSecond(s)}`,
    baseline: `createHmac+timingSafeEqual ${perSecond(r)}`,
    ...atLeast(s / r, 0.9),
  };
}

async function deliveryLatency(): Promise<Row> {
  const server = await createServer({ platform: "coordinaitor", seed: true });
  let arrived: (() => void) | undefined;
  const receiver = createHttpServer((req, res) => {
    req.resume();
    req.on("end", () => {
      arrived?.();
      res.end("OK");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    const url = await server.listen(0);
    const client = new CoordinAItor({ baseUrl: url });
    await client.login({ email: "admin@orchestrator.com", password: "admin123" });
    const { port } = receiver.address() as { port: number };
    await client.webhooks.create({ url: `http://127.0.0.1:${port}/hook`, events: ["task.updated"] });
    const task = await client.tasks.create({ title: "measured" });
    const samples: number[] = [];
    for (let i = 0; i < 600; i++) {
      const delivered = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      const start = performance.now();
      await client.tasks.patch({ taskId: task.id, progress: (i % 100) / 100 + 0.001 });
      await delivered;
      if (i >= 100) samples.push(performance.now() - start);
    }
    const value = p99(samples);
    return {
      line: 12,
      measure: "webhook delivery latency, state change to receiver, p99",
      subject: `p99 ${ms(value)} (median ${ms(median(samples))})`,
      baseline: "budget 20 ms",
      ...atMost(value / 20, 1),
    };
  } finally {
    receiver.closeAllConnections();
    receiver.close();
    await server.close();
  }
}

export async function coordinaitorWebhooks(): Promise<Row[]> {
  return [await verifyThroughput(), await deliveryLatency()];
}
