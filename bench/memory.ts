/**
 * @module
 * Line 10: server-lite's memory under a long run. 200,000 requests at ClaudeNest in server-lite's own process
 * (`servers/lite-memory.ts`), half `GET machines` (a page of the list) and half `POST machines` (a create), in
 * alternating one-second bursts from the line-3 load generator (`wrk`, else `node:http` loops in a worker), ten
 * keep-alive connections. The server's resident set is sampled every 10% of the way, with the bytes its in-memory
 * store holds: what the creates stored is data, so the plateau is judged on the resident set beyond the store. It
 * plateaus when the second half grows it by less than 10% over its size at half way.
 */
import { startChild } from "./lib/child.ts";
import { type Load, nodeGenerator, wrkGenerator } from "./lib/load.ts";
import type { Row } from "./lib/table.ts";

const REQUESTS = 200_000;
const SAMPLES = 10;
const BURST_SECONDS = 1;
const CONNECTIONS = 10;
const PLATEAU = 0.1;

interface Memory {
  /** Requests sent before the sample. */
  requests: number;
  rss: number;
  /** The JavaScript heap in use (garbage not yet collected included). */
  heap: number;
  store: number;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)}`;

export async function memory(): Promise<Row[]> {
  const generator = wrkGenerator() ?? nodeGenerator();
  const server = await startChild<{ url: string; token: string }>(new URL("./servers/lite-memory.ts", import.meta.url));
  const sample = (requests: number) =>
    new Promise<Memory>((resolve) => {
      server.process.stdout!.once("data", (chunk: Buffer) => {
        const { rss, heap, store } = JSON.parse(chunk.toString()) as Omit<Memory, "requests">;
        resolve({ requests, rss, heap, store });
      });
      server.process.stdin!.write("memory\n");
    });
  try {
    const url = `${server.ready.url}/claudenest/api/machines`;
    const headers = { accept: "application/json", authorization: `Bearer ${server.ready.token}` };
    const loads: Load[] = [
      { url, method: "GET", headers },
      {
        url,
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ name: "load", platform: "linux", hostname: "load.local", arch: "x64" }),
      },
    ];
    const samples = [await sample(0)];
    let sent = 0;
    for (let burst = 0; sent < REQUESTS; burst++) {
      sent += await generator.run(loads[burst % 2]!, BURST_SECONDS, CONNECTIONS);
      if (sent >= (samples.length * REQUESTS) / SAMPLES || sent >= REQUESTS) samples.push(await sample(sent));
    }
    const half = samples[Math.floor(samples.length / 2)]!;
    const last = samples.at(-1)!;
    const own = (s: Memory) => s.rss - s.store;
    const growth = (own(last) - own(half)) / own(half);
    const rawGrowth = (last.rss - half.rss) / half.rss;
    process.stderr.write(
      `bench: memory (${generator.name}): requests / RSS MB / JS heap MB / store MB: ${samples
        .map((s) => `${s.requests}/${mb(s.rss)}/${mb(s.heap)}/${mb(s.store)}`)
        .join(", ")}\n`,
    );
    return [
      {
        line: 10,
        measure: `${sent.toLocaleString("en-US")} requests (GET/POST machines): RSS beyond the store, 2nd half`,
        subject: `${mb(own(half))} → ${mb(own(last))} MB`,
        baseline: `growth ≤ ${PLATEAU * 100}%`,
        ratio: growth,
        target: `≤ ${PLATEAU.toFixed(2)}×`,
        met: growth <= PLATEAU,
      },
      {
        line: 10,
        measure: `RSS every 10% (MB; the store holds ${mb(last.store)} MB at the end)`,
        subject: samples.map((s) => mb(s.rss)).join(" "),
        baseline: `raw growth ${(rawGrowth * 100).toFixed(0)}%`,
        ratio: rawGrowth,
        target: "(reported)",
        met: true,
      },
    ];
  } finally {
    await server.stop();
  }
}
