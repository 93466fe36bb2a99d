/**
 * @module
 * Line 3: server-lite against a bare `node:http` server answering the same bytes, for a list (`GET machines`,
 * a full page of 15) and a create (`POST machines`). Each server runs in its own process; the load comes from
 * `wrk` when installed (else `node:http` loops in a worker thread), ten keep-alive connections, three
 * interleaved rounds after a warmup, medians.
 *
 * Two figures per request, because throughput alone flatters a slow server when the generator is the limit:
 * - requests per second, beside the generator's own ceiling against a server that answers a two-byte
 *   constant. A server measured within 20% of that ceiling is bound by the generator: the line says so and
 *   the run exits non-zero;
 * - the server process's own CPU time per request (`process.cpuUsage()` around each round), which holds still
 *   on a busy machine where throughput does not. On a machine with too few cores to saturate both a server and
 *   its generator, the CPU ratio is the one to read; its target is the throughput target.
 */
import { startChild } from "./lib/child.ts";
import { type Generator, type Load, nodeGenerator, wrkGenerator } from "./lib/load.ts";
import { median } from "./lib/measure.ts";
import { atLeast, atMost, perSecond, type Row } from "./lib/table.ts";

const CONNECTIONS = 10;
const ROUNDS = 3;
const SECONDS = 2;

type Server = Awaited<ReturnType<typeof startChild<{ url: string }>>>;

interface Sample {
  rate: number;
  /** Server CPU time per request, µs. */
  cpu: number;
}

async function measure(generator: Generator, server: Server, load: Load, seconds: number): Promise<Sample> {
  const before = await server.cpu();
  const started = performance.now();
  const requests = await generator.run(load, seconds, CONNECTIONS);
  const elapsed = (performance.now() - started) / 1000;
  const cpu = (await server.cpu()) - before;
  return { rate: requests / elapsed, cpu: cpu / requests };
}

/** Interleaved rounds of each load; the median rate and CPU per request of each. */
async function compare(generator: Generator, loads: Record<string, [Server, Load]>) {
  for (const [server, load] of Object.values(loads)) await measure(generator, server, load, 1);
  const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(loads).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++)
    for (const [name, [server, load]] of Object.entries(loads))
      samples[name]!.push(await measure(generator, server, load, SECONDS));
  return Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [
      name,
      { rate: median(s.map((x) => x.rate)), cpu: median(s.map((x) => x.cpu)) },
    ]),
  ) as Record<string, Sample>;
}

const µs = (value: number) => `${value.toFixed(0)} µs`;

export async function serverThroughput(): Promise<Row[]> {
  const generator = wrkGenerator() ?? nodeGenerator();
  const lite = await startChild<{ url: string; token: string }>(new URL("./servers/lite.ts", import.meta.url));
  const started: Server[] = [];
  const raw = (answers: object) =>
    startChild<{ url: string }>(new URL("./servers/raw.ts", import.meta.url), JSON.stringify(answers)).then((s) => {
      started.push(s);
      return s;
    });
  try {
    const url = `${lite.ready.url}/claudenest/api/machines`;
    const headers = { accept: "application/json", authorization: `Bearer ${lite.ready.token}` };
    const get: Load = { url, method: "GET", headers };
    const post: Load = {
      url,
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ name: "load", platform: "linux", hostname: "load.local", arch: "x64" }),
    };
    // The bare server replays server-lite's own answers, byte for byte.
    const canned = async (load: Load) => {
      const response = await fetch(load.url, { method: load.method, headers: load.headers, body: load.body });
      const body = await response.text();
      const keep = ["content-type", "x-request-id"];
      return {
        status: response.status,
        headers: Object.fromEntries(keep.map((h) => [h, response.headers.get(h) ?? ""])),
        body,
      };
    };
    const same = await raw({ GET: await canned(get), POST: await canned(post) });
    const constant = await raw({
      GET: { status: 200, headers: {}, body: "ok" },
      POST: { status: 200, headers: {}, body: "ok" },
    });
    const at = (server: Server, load: Load): [Server, Load] => [
      server,
      { ...load, url: load.url.replace(lite.ready.url, server.ready.url) },
    ];

    const rows: Row[] = [];
    for (const [label, load, target] of [
      ["GET machines (15 items)", get, 0.6],
      ["POST machines", post, 0.5],
    ] as const) {
      const r = await compare(generator, { ceiling: at(constant, load), raw: at(same, load), lite: [lite, load] });
      const bound = Math.max(r.raw!.rate, r.lite!.rate) / r.ceiling!.rate;
      if (bound > 0.8) {
        process.stderr.write(
          `bench: ${label}: a server reached ${(bound * 100).toFixed(0)}% of the generator's ceiling; its throughput measures ${generator.name}, not the server. Read the CPU row.\n`,
        );
        process.exitCode = 1;
      }
      rows.push(
        {
          line: 3,
          measure: `${label} req/s, ${generator.name} ×${CONNECTIONS}`,
          subject: `server-lite ${perSecond(r.lite!.rate)}`,
          baseline: `node:http ${perSecond(r.raw!.rate)}`,
          ...atLeast(r.lite!.rate / r.raw!.rate, target),
        },
        {
          line: 3,
          measure: `${label}: server CPU per request`,
          subject: `server-lite ${µs(r.lite!.cpu)}`,
          baseline: `node:http ${µs(r.raw!.cpu)}`,
          // As a speed: the baseline's cost divided by ours, comparable with the throughput target.
          ...atLeast(r.raw!.cpu / r.lite!.cpu, target),
        },
        {
          line: 3,
          measure: `${label}: generator headroom`,
          subject: `busiest ${perSecond(Math.max(r.raw!.rate, r.lite!.rate))}`,
          baseline: `ceiling ${perSecond(r.ceiling!.rate)}`,
          ...atMost(bound, 0.8),
        },
      );
    }
    return rows;
  } finally {
    for (const server of started) await server.stop();
    await lite.stop();
  }
}
