/**
 * @module
 * Line 17: the SDK through seeded faults. 10,000 ClaudeNest calls in-process (7 in 10 idempotent reads, 3 in 10
 * POSTs with an `Idempotency-Key`), one at a time, with server-lite injecting faults of every kind into a fifth
 * of the requests (seed 42). The outcome is counted, not timed, so it is the same on every run: failures the SDK
 * surfaced, tasks stored more or less than once, faults injected and requests sent.
 */
import { runFaultWorkload } from "@agentlane/testing/fault-run";
import type { Row } from "./lib/table.ts";

const count = (n: number) => n.toLocaleString("en-US");

/** Line 17: runs the fault workload once and reports its counts as a row. */
export async function faultRun(): Promise<Row[]> {
  const outcome = await runFaultWorkload({ calls: 10_000, rate: 0.2, seed: 42 });
  const failed = outcome.reads.failed + outcome.keyedCreates.failed;
  const wrong = outcome.stored.duplicates + outcome.stored.missing;
  const injected = Object.values(outcome.faults).reduce((sum, n) => sum + n, 0);
  const byKind = Object.entries(outcome.faults)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(", ");
  return [
    {
      line: 17,
      measure: `SDK through seeded faults: ${count(outcome.calls)} calls, rate 0.2 (failures ÷ calls)`,
      subject: `${failed} failed (${count(outcome.reads.calls)} reads, ${count(outcome.keyedCreates.calls)} keyed creates); ${count(outcome.stored.distinct)} tasks stored, ${outcome.stored.duplicates} twice, ${outcome.stored.missing} missing`,
      baseline: `${count(injected)} faults (${byKind}) in ${count(outcome.attempts)} requests`,
      ratio: failed / outcome.calls,
      target: "0 failures, each task once",
      met: failed === 0 && wrong === 0,
    },
  ];
}
