/**
 * @module
 * One request measured against a server under test and two bare `node:http` servers in their own processes:
 * one answering the same bytes (the baseline) and one answering a two-byte constant (the generator's ceiling),
 * and, in the same interleaved rounds, any variants of the server under test (against the baseline) and peers
 * (other servers doing the same job, each with its own request). The load comes from `wrk` when installed, else
 * from `node:http` loops in a worker thread; ten keep-alive connections, three interleaved rounds of two seconds
 * after a warmup, medians.
 *
 * Two figures, because throughput alone flatters a slow server when the generator is the limit: requests per
 * second beside the generator's ceiling (a server within 20% of it is generator-bound: the line says so on
 * stderr and the run exits non-zero), and each server process's own CPU time per request (sampled around each
 * round: `process.cpuUsage()` asked of our own servers, `/proc` for a peer), which holds still on a busy machine
 * where throughput does not.
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

/**
 * Interleaved rounds of each load; the median rate and CPU per request of each. Each round starts one server
 * later than the one before, so that no server always runs first (right after the warmup, or after the slowest).
 */
async function compare(generator: Generator, loads: Record<string, [Server, Load]>) {
  for (const [server, load] of Object.values(loads)) await measure(generator, server, load, 1);
  const names = Object.keys(loads);
  const samples: Record<string, Sample[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++)
    for (let turn = 0; turn < names.length; turn++) {
      const name = names[(round + turn) % names.length]!;
      const [server, load] = loads[name]!;
      samples[name]!.push(await measure(generator, server, load, SECONDS));
    }
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

/** Another server measured in the same rounds, with its own request. */
export interface Contender {
  /** How the table names it, e.g. `json-server` or `server-lite, SQLite file`. */
  name: string;
  /** It must answer `cpu()`: our own servers by `answerCpuQueries`, a package's server from `/proc`. */
  server: Server;
  /** Its request for the same work (a peer's own path and body). */
  load: Load;
  /**
   * The least acceptable ratio: of server-lite's speed to a peer's, or of a variant's to the bare server's.
   * @default none: the ratio is reported only
   */
  target?: number;
}

export interface Comparison {
  line: number;
  /** What is requested, e.g. `GET machines (15 items)`. */
  label: string;
  /** The server under test (named `server-lite`); it must answer `cpu` queries (`answerCpuQueries`). */
  server: Server;
  load: Load;
  /** The least acceptable throughput ratio (and CPU ratio) against the baseline. */
  target: number;
  /** Other setups of the server under test, each compared with the bare server. @default [] */
  variants?: readonly Contender[];
  /** Other servers doing the same work, the server under test compared with each. @default [] */
  peers?: readonly Contender[];
}

const µs = (value: number) => `${value.toFixed(0)} µs`;
const judged = (ratio: number, target: number | undefined) =>
  target === undefined ? { ratio, target: "(reported)", met: true } : atLeast(ratio, target);

/** Throughput and CPU rows of one server against another; CPU as a speed (their cost over ours), like throughput. */
function pairRows(c: Comparison, measure: string, ours: [string, Sample], theirs: [string, Sample], target?: number) {
  const [oursName, a] = ours;
  const [theirsName, b] = theirs;
  const throughput: Row = {
    line: c.line,
    measure,
    subject: `${oursName} ${perSecond(a.rate)}`,
    baseline: `${theirsName} ${perSecond(b.rate)}`,
    ...judged(a.rate / b.rate, target),
  };
  const cpu: Row = {
    line: c.line,
    measure: `${c.label}: server CPU per request`,
    subject: `${oursName} ${µs(a.cpu)}`,
    baseline: `${theirsName} ${µs(b.cpu)}`,
    ...judged(b.cpu / a.cpu, target),
  };
  return { throughput, cpu };
}

/**
 * Rows of throughput (server-lite against the bare server, each variant against it, server-lite against each
 * peer), then the same pairs' CPU per request, then the generator's headroom.
 */
export async function compareWithBareServer(c: Comparison): Promise<Row[]> {
  const variants = c.variants ?? [];
  const peers = c.peers ?? [];
  const names = ["ceiling", "node:http", "server-lite", ...[...variants, ...peers].map((o) => o.name)];
  if (new Set(names).size !== names.length)
    throw new Error(`${c.label}: each server needs a name of its own, not one of ${names.join(", ")}`);
  const generator = wrkGenerator() ?? nodeGenerator();
  const answer = await recorded(c.load);
  const same = await bare({ [c.load.method]: answer });
  const constant = await bare({ [c.load.method]: { status: 200, headers: {}, body: "ok" } });
  try {
    const at = (server: Server): [Server, Load] => [
      server,
      { ...c.load, url: c.load.url.replace(c.server.ready.url, server.ready.url) },
    ];
    const others = [...variants, ...peers].map((o): [string, [Server, Load]] => [o.name, [o.server, o.load]]);
    const r = await compare(generator, {
      ceiling: at(constant),
      "node:http": at(same),
      "server-lite": [c.server, c.load],
      ...Object.fromEntries(others),
    });
    const measured = Object.entries(r).filter(([name]) => name !== "ceiling");
    const busiest = Math.max(...measured.map(([, sample]) => sample.rate));
    const bound = busiest / r.ceiling!.rate;
    if (bound > 0.8) {
      process.stderr.write(
        `bench: ${c.label}: a server reached ${(bound * 100).toFixed(0)}% of the generator's ceiling; its throughput measures ${generator.name}, not the server. Read the CPU row.\n`,
      );
      process.exitCode = 1;
    }
    const measure = `${c.label} req/s, ${generator.name} ×${CONNECTIONS}`;
    const entry = (name: string): [string, Sample] => [name, r[name]!];
    const pairs = [
      pairRows(c, measure, entry("server-lite"), entry("node:http"), c.target),
      ...variants.map((v) => pairRows(c, measure, entry(v.name), entry("node:http"), v.target)),
      ...peers.map((p) => pairRows(c, measure, entry("server-lite"), entry(p.name), p.target)),
    ];
    return [
      ...pairs.map((p) => p.throughput),
      ...pairs.map((p) => p.cpu),
      {
        line: c.line,
        measure: `${c.label}: generator headroom`,
        subject: `busiest ${perSecond(busiest)}`,
        baseline: `ceiling ${perSecond(r.ceiling!.rate)}`,
        ...atMost(bound, 0.8),
      },
    ];
  } finally {
    await same.stop();
    await constant.stop();
  }
}
