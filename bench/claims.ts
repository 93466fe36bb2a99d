/**
 * @module
 * Task claims per second on server-lite over loopback, with 32 concurrent workers, in memory and on a SQLite
 * file, as a ratio to server-lite's own trivial authenticated POST (`POST /auth/tokens`: authenticate, one insert)
 * measured in the same run with the same client loop. Each round measures both (alternating which goes first);
 * the median of the rounds' ratios is printed. (`POST /pairing/initiate` is not the baseline: it sweeps expired codes on every call, so it slows down
 * as the benchmark adds codes.)
 * Also printed: the worker loop, `nest.tasks.work()` run by 32 instances at once over 320 tasks of one project
 * (a handler that returns at once, no files): the median over three runs of the claims per second (each claim
 * with its completion), and the claims lost to another instance in a race; next to it, in alternate runs, the
 * same for a loop that only claims what `next-available` names, where every instance races for the same task
 * (`lib/worker-loop.ts`).
 *
 * Run it from the repository root: `node --conditions=agentlane-source bench/claims.ts`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ClaudeNest } from "../packages/sdk/src/index.ts";
import { createServer } from "../packages/server-lite/src/index.ts";
import { type LoopRun, nextAvailableLoop, workLoop } from "./lib/worker-loop.ts";

const WORKERS = 32;
const CLAIMS_PER_ROUND = 600;
const ROUNDS = 5;
const LOOP_TASKS = 320;
const LOOP_ROUNDS = 3;
/** Fewer tasks for the baseline loop: it loses about 31 races per claim, so it is slow. */
const BASELINE_TASKS = 96;

/** The client loop every measurement shares: `workers` callers taking the next index until `total` are done. */
async function rate(total: number, workers: number, op: (index: number, worker: number) => Promise<unknown>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let index = next++; index < total; index = next++) await op(index, worker);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(label: string, db: string) {
  const server = await createServer({ db });
  const url = await server.listen(0, "127.0.0.1");
  const baseUrl = `${url}${server.bases.claudenest}`;
  try {
    const anonymous = new ClaudeNest({ baseUrl, retry: 0 });
    const session = await anonymous.auth.register({
      name: "Bench",
      email: `bench-${Date.now()}@example.com`,
      password: "correct horse battery",
      password_confirmation: "correct horse battery",
    });
    const nest = new ClaudeNest({ baseUrl, token: session.token, retry: 0 });
    const { machine } = await nest.machines.register({ name: "bench", platform: "linux", hostname: "bench" });
    const project = await nest.projects.create({ machine: machine.id, name: "Bench", project_path: "/bench" });
    const createTasks = async (count: number) => {
      const ids: string[] = [];
      await rate(count, WORKERS, async (i) => {
        ids.push((await nest.tasks.create({ project: project.id, title: `Task ${i}`, priority: "medium" })).id);
      });
      return ids;
    };
    const trivialPost = () => nest.auth.createToken({ name: "bench" });

    // Warm-up: connections, statement cache, JIT.
    const warm = await createTasks(500);
    await rate(500, WORKERS, () => trivialPost());
    await rate(warm.length, WORKERS, (i, w) => nest.tasks.claim({ id: warm[i]!, instance_id: `w${w}` }));

    const trivial: number[] = [];
    const claims: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const ids = await createTasks(CLAIMS_PER_ROUND);
      const measureTrivial = async () => trivial.push(await rate(CLAIMS_PER_ROUND, WORKERS, () => trivialPost()));
      const measureClaims = async () =>
        claims.push(
          await rate(CLAIMS_PER_ROUND, WORKERS, (i, w) => nest.tasks.claim({ id: ids[i]!, instance_id: `w${w}` })),
        );
      if (round % 2 === 0) await measureTrivial().then(measureClaims);
      else await measureClaims().then(measureTrivial);
    }

    // The worker loop, and the loop that only claims what next-available names, in alternate rounds on fresh projects.
    const loops: LoopRun[] = [];
    const baselines: LoopRun[] = [];
    for (let round = 0; round < LOOP_ROUNDS; round++) {
      loops.push(await workLoop(nest, machine.id, `loop-${round}`, WORKERS, LOOP_TASKS));
      baselines.push(await nextAvailableLoop(nest, machine.id, `baseline-${round}`, WORKERS, BASELINE_TASKS));
    }
    const baselineRate = median(baselines.map((run) => run.rate));
    const loopRate = median(loops.map((run) => run.rate));
    const lostPerClaim = (runs: LoopRun[]) =>
      runs.reduce((sum, run) => sum + run.lost, 0) / runs.reduce((sum, run) => sum + run.claimed, 0);

    const ratios = claims.map((c, i) => c / trivial[i]!);
    console.log(
      `${label.padEnd(12)} trivial POST ${median(trivial).toFixed(0).padStart(6)}/s   ` +
        `claim ${median(claims).toFixed(0).padStart(6)}/s   ratio ${median(ratios).toFixed(2)}x   ` +
        `(rounds: ${ratios.map((r) => r.toFixed(2)).join(", ")})`,
    );
    console.log(
      `${"".padEnd(12)} worker loop (tasks.work, ${WORKERS} instances, ${LOOP_TASKS} tasks): ` +
        `${loopRate.toFixed(0)} claims/s (median of ${LOOP_ROUNDS}), ${lostPerClaim(loops).toFixed(2)} lost races per claim`,
    );
    console.log(
      `${"".padEnd(12)} claiming only what next-available names (${BASELINE_TASKS} tasks): ` +
        `${baselineRate.toFixed(0)} claims/s, ${lostPerClaim(baselines).toFixed(2)} lost races per claim; ` +
        `worker loop ${(loopRate / baselineRate).toFixed(1)}x faster`,
    );
  } finally {
    await server.close();
  }
}

console.log(
  `Task claims, ${WORKERS} concurrent workers over loopback, ${CLAIMS_PER_ROUND} claims a round (median of ${ROUNDS})`,
);
await measure("in memory", ":memory:");
const dir = mkdtempSync(join(tmpdir(), "agentlane-bench-"));
try {
  await measure("SQLite file", join(dir, "bench.db"));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
