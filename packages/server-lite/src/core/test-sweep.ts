/**
 * @module
 * The malformed-input sweep, run the same way for every platform, one resource at a time: each endpoint's malformed cases (see
 * `test-malformed.ts`) sent in turn, each answer judged by the platform's own rule, and any refused request that
 * still wrote rows reported. A platform's test supplies how to send and how to judge; the sweep's bookkeeping and
 * its verdict live here once.
 */
import type { EndpointSpec } from "@agentlane/sdk/contract";
import { describe, expect, it } from "vitest";
import { type EndpointSample, type MalformedCase, malformedCases, type SweepEntry } from "./test-malformed.ts";

/** What one resource's sweep needs from a platform's test. */
export interface ResourceSweep {
  /** The resource's endpoints, in the order to send them (whatever takes away what others use, last). */
  entries: readonly SweepEntry[];
  /** A well-formed request of each endpoint, by entry id. */
  samples: Readonly<Record<string, EndpointSample>>;
  send(c: MalformedCase, entry: SweepEntry): Promise<Response>;
  /** What is wrong with an answer by the platform's rules (its envelope, codes and statuses); nothing if all is well. */
  problemWith(response: Response, spec: EndpointSpec): Promise<string | undefined>;
  /** A fingerprint of the platform's rows, to tell that a refused request wrote nothing. */
  rowCounts(): string;
  /** Errors the server reported as unexpected meanwhile. */
  unexpected: readonly unknown[];
  /** Runs after each case: a case that started work lets it end before the next one. */
  afterCase?(): Promise<void>;
}

/** Sends every malformed case of the resource and expects each answer to be a documented refusal or success. */
export async function expectSweepClean(sweep: ResourceSweep): Promise<void> {
  const failures: string[] = [];
  let sent = 0;
  for (const entry of sweep.entries) {
    for (const c of malformedCases(entry.spec, sweep.samples[entry.id]!)) {
      const before = sweep.rowCounts();
      const response = await sweep.send(c, entry);
      sent++;
      const problem = await sweep.problemWith(response, entry.spec);
      if (problem) failures.push(`${entry.id} [${c.label}]: ${problem}`);
      else if (response.status >= 400 && sweep.rowCounts() !== before)
        failures.push(`${entry.id} [${c.label}]: refused with ${response.status} but wrote rows`);
      await sweep.afterCase?.();
    }
  }
  expect(sent).toBeGreaterThan(0);
  expect(failures.slice(0, 40), `${failures.length} failures`).toEqual([]);
  expect(sweep.unexpected.map(String).slice(0, 5)).toEqual([]);
  // A prototype-polluting field that got through would show on every object.
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
}

/** What a platform's sweep is made of: its endpoints, a fresh world per resource, and how to sweep in one. */
export interface MalformedSweepPlan<W extends { close(): Promise<void> }> {
  endpoints: readonly SweepEntry[];
  /** A fresh server with its users and samples; each resource gets its own. */
  world(): Promise<W>;
  /** The order a resource's endpoints are sent in; by default, as declared. */
  order?(a: SweepEntry, b: SweepEntry): number;
  /** How to send, judge and count rows in a world. */
  sweep(world: W): Omit<ResourceSweep, "entries">;
}

/** Runs `work` in a fresh world of the plan, closed afterwards whatever happens. */
export async function inWorld<W extends { close(): Promise<void> }>(
  plan: MalformedSweepPlan<W>,
  work: (world: W) => Promise<void> | void,
): Promise<void> {
  const world = await plan.world();
  try {
    await work(world);
  } finally {
    await world.close();
  }
}

/** What of a plan says which endpoints are swept, in which order: nothing of its worlds. */
type SweepOrder = Pick<MalformedSweepPlan<never>, "endpoints" | "order">;

/** A resource's endpoints, in the order the plan sends them. */
export function resourceEntries(plan: SweepOrder, resource: string): SweepEntry[] {
  return plan.endpoints.filter((e) => e.resource === resource).sort(plan.order ?? (() => 0));
}

/** Every resource of the plan, each named once, in declaration order. */
export function resourcesOf(plan: SweepOrder): string[] {
  return [...new Set(plan.endpoints.map((e) => e.resource))];
}

/**
 * The sweep as tests: that every endpoint has a well-formed sample, then one test per resource that sends all of
 * its endpoints' malformed cases.
 */
export function describeMalformedSweep<W extends { close(): Promise<void> }>(
  title: string,
  plan: MalformedSweepPlan<W>,
): void {
  describe(title, () => {
    it("has a well-formed sample for every endpoint", () =>
      inWorld(plan, (world) => {
        const { samples } = plan.sweep(world);
        expect(plan.endpoints.filter((e) => !samples[e.id]).map((e) => e.id)).toEqual([]);
      }));

    it.each(resourcesOf(plan))("%s", (resource) =>
      inWorld(plan, (world) =>
        expectSweepClean({
          ...plan.sweep(world),
          entries: resourceEntries(plan, resource),
        }),
      ),
    );
  });
}
