/**
 * @module
 * Timing helpers for the benchmarks: every comparison runs its contenders in alternating rounds after a
 * warmup, so that a slow moment of a shared machine hurts both sides alike, and reports medians.
 */

export type Task = () => Promise<unknown>;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = values.toSorted((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function repeat(task: Task, times: number, samples?: number[]): Promise<void> {
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await task();
    samples?.push(performance.now() - start);
  }
}

export interface LatencyPlan {
  /** Calls of each contender before measuring. */
  warmup: number;
  /** Alternating rounds. */
  rounds: number;
  /** Calls of each contender per round. */
  perRound: number;
}

/** Median latency (ms) of one call of each contender, measured one call at a time. */
export async function latencies(tasks: Record<string, Task>, plan: LatencyPlan): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = {};
  for (const [name, task] of Object.entries(tasks)) {
    await repeat(task, plan.warmup);
    samples[name] = [];
  }
  for (let round = 0; round < plan.rounds; round++)
    for (const [name, task] of Object.entries(tasks)) await repeat(task, plan.perRound, samples[name]);
  return Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, median(s)]));
}

export interface RatePlan {
  /** Milliseconds of warmup for each contender. */
  warmupMs: number;
  rounds: number;
  /** Milliseconds each contender runs per round. */
  roundMs: number;
  /** Loops running at once, each one call after another. */
  concurrency: number;
}

/** Calls per second during `ms`, with `concurrency` loops. */
export async function rate(task: Task, ms: number, concurrency: number): Promise<number> {
  let calls = 0;
  const start = performance.now();
  const deadline = start + ms;
  const loop = async () => {
    while (performance.now() < deadline) {
      await task();
      calls++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return (calls * 1000) / (performance.now() - start);
}

/** Median calls per second of each contender over alternating rounds. */
export async function rates(tasks: Record<string, Task>, plan: RatePlan): Promise<Record<string, number>> {
  const perRound: Record<string, number[]> = {};
  for (const [name, task] of Object.entries(tasks)) {
    await rate(task, plan.warmupMs, plan.concurrency);
    perRound[name] = [];
  }
  for (let round = 0; round < plan.rounds; round++)
    for (const [name, task] of Object.entries(tasks))
      perRound[name]!.push(await rate(task, plan.roundMs, plan.concurrency));
  return Object.fromEntries(Object.entries(perRound).map(([name, r]) => [name, median(r)]));
}
