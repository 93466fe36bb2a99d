/**
 * @module
 * A fault run: many SDK calls against ClaudeNest in server-lite, in-process, through seeded faults of every kind.
 * The calls are idempotent reads and POSTs that carry an `Idempotency-Key`, one at a time, so a seed gives the
 * same faults and the same counts on every run. The SDK's resilience test asserts on the outcome and the bench
 * prints it.
 */
import { isAPIError } from "@agentlane/sdk";
import type { FaultKind } from "@agentlane/server-lite";
import { clientFor, newUser, onlineMachine, startServer } from "./claudenest-in-process.ts";

/** Options of {@link runFaultWorkload}. */
export interface FaultRunOptions {
  /** SDK calls made. @default 10000 */
  calls?: number;
  /** Share of requests that get a fault. @default 0.2 */
  rate?: number;
  /** The fault generator's seed. @default 42 */
  seed?: number;
}

/** What a fault run did and what the store holds afterwards. */
export interface FaultRunOutcome {
  calls: number;
  /** Requests the SDK sent, retries included. */
  attempts: number;
  faults: Record<FaultKind, number>;
  reads: { calls: number; failed: number };
  keyedCreates: { calls: number; failed: number };
  /** Tasks in the store with a title the run created: each should be there exactly once. */
  stored: { distinct: number; duplicates: number; missing: number };
  /** The first failures the SDK surfaced (at most 5), for a message. */
  failures: string[];
}

/** Makes `calls` SDK calls through seeded faults and counts what came of them. */
export async function runFaultWorkload(options: FaultRunOptions = {}): Promise<FaultRunOutcome> {
  const calls = options.calls ?? 10_000;
  const server = await startServer();
  try {
    const { nest, token } = await newUser(server);
    const machine = await onlineMachine(server, nest);
    const project = await nest.projects.create({ machine: machine.id, name: "Faults", project_path: "/srv/faults" });
    const first = await nest.tasks.create({ project: project.id, title: "first" });
    let attempts = 0;
    // Retries at once: the run measures what is retried, not how long backoff waits.
    const client = clientFor(server, token, {
      retry: { limit: 10, baseDelay: 0, maxDelay: 0 },
      fetch: (input, init) => {
        attempts++;
        return server.fetch(new Request(input, init));
      },
    });
    server.chaos.configure({ rate: options.rate ?? 0.2, seed: options.seed ?? 42, retryAfter: 0, delayMs: 1 });
    const reads = [
      () => client.auth.me(),
      () => client.machines.get({ id: machine.id }),
      () => client.projects.get({ id: project.id }),
      () => client.projects.stats({ id: project.id }),
      () => client.tasks.get({ id: first.id }),
      () => client.tasks.list({ project: project.id, per_page: 5 }),
      () => client.tasks.nextAvailable({ project: project.id }),
    ];
    const outcome: FaultRunOutcome = {
      calls,
      attempts: 0,
      faults: server.chaos.state().counts,
      reads: { calls: 0, failed: 0 },
      keyedCreates: { calls: 0, failed: 0 },
      stored: { distinct: 0, duplicates: 0, missing: 0 },
      failures: [],
    };
    for (let i = 0; i < calls; i++) {
      const create = i % 10 >= 7;
      const counter = create ? outcome.keyedCreates : outcome.reads;
      counter.calls++;
      try {
        if (create)
          await client.tasks.create({ project: project.id, title: `run-${i}` }, { idempotencyKey: `run-${i}` });
        else await reads[i % reads.length]!();
      } catch (error) {
        counter.failed++;
        if (outcome.failures.length < 5)
          outcome.failures.push(isAPIError(error) ? `${error.status} ${error.message}` : String(error));
      }
    }
    outcome.attempts = attempts;
    outcome.faults = server.chaos.state().counts;
    server.chaos.configure({ rate: 0 });
    const rows = server.db.get<{ n: number; distinct_titles: number }>(
      "SELECT count(*) AS n, count(DISTINCT title) AS distinct_titles FROM cn_tasks WHERE title LIKE 'run-%'",
    )!;
    outcome.stored = {
      distinct: rows.distinct_titles,
      duplicates: rows.n - rows.distinct_titles,
      missing: outcome.keyedCreates.calls - rows.distinct_titles,
    };
    return outcome;
  } finally {
    await server.close();
  }
}
