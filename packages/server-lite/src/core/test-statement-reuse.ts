/**
 * @module
 * The statement-reuse sweep, run the same way for every platform: every endpoint's well-formed sample (streams
 * aside), sent again, must be answered on statements prepared before. A statement SQLite plans anew on every call
 * (a bound `LIMIT`, a `LIKE` pattern parameter, a parameter compared against a partial index's condition, SQL text
 * that changes with the values) costs a parse and a plan per request, several times what reading a page costs.
 * SQLite asks the authorizer about every statement it prepares, so a repeated round must ask it nothing.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { wellFormedCase } from "./test-malformed.ts";
import { inWorld, type MalformedSweepPlan, resourceEntries, resourcesOf } from "./test-sweep.ts";

/** A sweep's world: a server, whose store the sweep watches. */
interface ServerWorld {
  server: { db: { sqlite: DatabaseSync } };
  close(): Promise<void>;
}

/**
 * One test per resource, in a world of its own (as the malformed sweep has it, so that signing out or deleting in
 * one resource leaves the others something to read): its endpoints' samples sent in four rounds, in the sweep's
 * order. Setting the authorizer before the second expires every statement, and the fourth must prepare none.
 * Writes change what the next round finds (created, then already there; deleted, then gone), so a request may take
 * another path in the third round than in the second; by the fourth, each path it can take has been prepared.
 */
export function describeStatementReuse<W extends ServerWorld>(title: string, plan: MalformedSweepPlan<W>): void {
  describe(title, () => {
    it.each(resourcesOf(plan))("%s", (resource) =>
      inWorld(plan, async (world) => {
        const { samples, send, afterCase } = plan.sweep(world);
        const entries = resourceEntries(plan, resource).filter((e) => !e.spec.stream && samples[e.id]);
        // What the server does for a request runs in the request's context; its timers started earlier (a job
        // advancing on the clock) do not, and their statements are not the request's.
        const request = new AsyncLocalStorage<string>();
        const round = async () => {
          for (const entry of entries) {
            await request.run(entry.id, async () => {
              const response = await send(wellFormedCase(entry.spec, samples[entry.id]!), entry);
              await response.arrayBuffer();
            });
            await afterCase?.();
          }
        };
        const prepared = new Set<string>();
        await round();
        world.server.db.sqlite.setAuthorizer(() => {
          const current = request.getStore();
          if (current !== undefined) prepared.add(current);
          return 0;
        });
        await round();
        await round();
        prepared.clear();
        await round();
        expect([...prepared]).toEqual([]);
      }),
    );
  });
}
