/**
 * The SDK through 10,000 calls with seeded faults of every kind at rate 0.2 (server-lite's chaos): idempotent
 * calls never surface a failure, and POSTs with an `Idempotency-Key` create each resource exactly once, as the
 * store counts afterwards.
 */
import { runFaultWorkload } from "@agentlane/testing/fault-run";
import { describe, expect, it } from "vitest";

describe("the SDK under seeded faults", () => {
  it("surfaces no failure of an idempotent or keyed call and creates each keyed resource once", async () => {
    const outcome = await runFaultWorkload({ calls: 10_000, rate: 0.2, seed: 42 });
    expect(outcome.failures).toEqual([]);
    expect(outcome.reads).toEqual({ calls: 7000, failed: 0 });
    expect(outcome.keyedCreates).toEqual({ calls: 3000, failed: 0 });
    expect(outcome.stored).toEqual({ distinct: 3000, duplicates: 0, missing: 0 });
    // Every kind that applies to these requests was injected, and each fault cost a retry.
    for (const kind of ["429", "500", "502", "503", "drop", "lost", "delay"] as const)
      expect(outcome.faults[kind]).toBeGreaterThan(100);
    const retried = outcome.faults["429"] + outcome.faults["500"] + outcome.faults["502"] + outcome.faults["503"];
    expect(outcome.attempts).toBeGreaterThanOrEqual(10_000 + retried + outcome.faults.drop + outcome.faults.lost);
  }, 300_000);
});
