/**
 * @module
 * The statement-reuse sweep, run the same way for every platform: every read endpoint's well-formed sample, sent
 * again, must be answered on statements prepared the first time. A statement SQLite plans anew on every call (a
 * bound `LIMIT`, a parameter compared against a partial index's condition, SQL text that changes with the values)
 * costs a parse and a plan per request, several times what reading a page costs. SQLite asks the authorizer about
 * every statement it prepares, so a repeated round must ask it nothing.
 */
import type { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import type { SweepEntry } from "./test-malformed.ts";
import { wellFormedCase } from "./test-malformed.ts";
import type { MalformedSweepPlan } from "./test-sweep.ts";

/** A platform's sweep plan, and the store its worlds keep their rows in. */
export interface StatementReusePlan<W extends { close(): Promise<void> }> extends MalformedSweepPlan<W> {
  database(world: W): DatabaseSync;
}

/** The reads of a contract that answer a document (not a stream), which a test suite or a watcher repeats. */
function reads(plan: StatementReusePlan<never>, samples: Readonly<Record<string, unknown>>): SweepEntry[] {
  return plan.endpoints.filter((e) => e.spec.method === "GET" && !e.spec.stream && samples[e.id] !== undefined);
}

/** One test: every read sent three times, the last without preparing any statement. */
export function describeStatementReuse<W extends { close(): Promise<void> }>(
  title: string,
  plan: StatementReusePlan<W>,
): void {
  describe(title, () => {
    it("answers every read, sent again, on the statements it prepared the first time", async () => {
      const world = await plan.world();
      const db = plan.database(world);
      try {
        const { samples, send } = plan.sweep(world);
        const entries = reads(plan as unknown as StatementReusePlan<never>, samples);
        expect(entries.length).toBeGreaterThan(0);
        const prepared = new Set<string>();
        let current: string | undefined;
        const round = async () => {
          for (const entry of entries) {
            current = entry.id;
            const response = await send(wellFormedCase(entry.spec, samples[entry.id]!), entry);
            await response.arrayBuffer();
          }
          current = undefined;
        };
        await round();
        // Setting an authorizer expires every statement once: the round after it prepares them again.
        db.setAuthorizer(() => {
          if (current !== undefined) prepared.add(current);
          return 0;
        });
        await round();
        prepared.clear();
        await round();
        expect([...prepared]).toEqual([]);
      } finally {
        db.setAuthorizer(null);
        await world.close();
      }
    });
  });
}
