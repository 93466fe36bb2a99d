/**
 * @module
 * One request measured against a server under test and two bare `node:http` servers in their own processes:
 * one answering the same bytes (the baseline) and one answering a two-byte constant (the generator's ceiling).
 * The load comes from `wrk` when installed, else from `node:http` loops in a worker thread; ten keep-alive
 * connections, three interleaved rounds of two seconds after a warmup, medians.
 *
 * Two figures, because throughput alone flatters a slow server when the generator is the limit: requests per
 * second beside the generator's ceiling (a server within 20% of it is generator-bound: the line says so on
 * stderr and the run exits non-zero), and the server process's own CPU time per request (`process.cpuUsage()`
 * around each round), which holds still on a busy machine where throughput does not.
 */
import { type Child, startChild } from "./child.ts";
import { type Generator, type Load, nodeGenerator, wrkGenerator } from "./load.ts";
import { median } from "./measure.ts";
import { atLeast, atMost, perSecond, type Row } from "./table.ts";

const CONNECTIONS = 10;
const ROUNDS = 3;
const SECONDS = 2;

type Server = Child<{ url: string }>;

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

/** The status, headers and body a request answers now, for the bare server to replay. */
async function recorded(load: Load) {
  const response = await fetch(load.url, { method: load.method, headers: load.headers, body: load.body });
  const body = await response.text();
  if (response.status >= 300) throw new Error(`${load.method} ${load.url}: HTTP ${response.status} ${body}`);
  const keep = ["content-type", "x-request-id"];
  return {
    status: response.status,
    headers: Object.fromEntries(keep.map((name) => [name, response.headers.get(name) ?? ""])),
    body,
  };
}

const bare = (answers: object) =>
  startChild<{ url: string }>(new URL("../servers/raw.ts", import.meta.url), JSON.stringify(answers));

export interface Comparison {
  line: number;
  /** What is requested, e.g. `GET machines (15 items)`. */
  label: string;
  /** The server under test; it must answer `cpu` queries (`answerCpuQueries`). */
  server: Server;
  load: Load;
  /** The least acceptable throughput ratio (and CPU ratio) against the baseline. */
  target: number;
}

/** Three rows: throughput, server CPU per request, and the generator's headroom. */
export async function compareWithBareServer(c: Comparison): Promise<Row[]> {
  const generator = wrkGenerator() ?? nodeGenerator();
  const answer = await recorded(c.load);
  const same = await bare({ [c.load.method]: answer });
  const constant = await bare({ [c.load.method]: { status: 200, headers: {}, body: "ok" } });
  try {
    const at = (server: Server): [Server, Load] => [
      server,
      { ...c.load, url: c.load.url.replace(c.server.ready.url, server.ready.url) },
    ];
    const r = await compare(generator, { ceiling: at(constant), raw: at(same), lite: [c.server, c.load] });
    const bound = Math.max(r.raw!.rate, r.lite!.rate) / r.ceiling!.rate;
    if (bound > 0.8) {
      process.stderr.write(
        `bench: ${c.label}: a server reached ${(bound * 100).toFixed(0)}% of the generator's ceiling; its throughput measures ${generator.name}, not the server. Read the CPU row.\n`,
      );
      process.exitCode = 1;
    }
    const µs = (value: number) => `${value.toFixed(0)} µs`;
    return [
      {
        line: c.line,
        measure: `${c.label} req/s, ${generator.name} ×${CONNECTIONS}`,
        subject: `server-lite ${perSecond(r.lite!.rate)}`,
        baseline: `node:http ${perSecond(r.raw!.rate)}`,
        ...atLeast(r.lite!.rate / r.raw!.rate, c.target),
      },
      {
        line: c.line,
        measure: `${c.label}: server CPU per request`,
        subject: `server-lite ${µs(r.lite!.cpu)}`,
        baseline: `node:http ${µs(r.raw!.cpu)}`,
        // As a speed: the baseline's cost divided by ours, comparable with the throughput target.
        ...atLeast(r.raw!.cpu / r.lite!.cpu, c.target),
      },
      {
        line: c.line,
        measure: `${c.label}: generator headroom`,
        subject: `busiest ${perSecond(Math.max(r.raw!.rate, r.lite!.rate))}`,
        baseline: `ceiling ${perSecond(r.ceiling!.rate)}`,
        ...atMost(bound, 0.8),
      },
    ];
  } finally {
    await same.stop();
    await constant.stop();
  }
}
