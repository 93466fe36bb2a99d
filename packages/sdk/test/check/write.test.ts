/**
 * `--write`: the round trip in a scratch project (created, a task claimed and completed, a lock taken and
 * released, then deleted), each answer judged like a read; a failed step skips the rest but the scratch project
 * is still removed; a known variant of a write's answer is reported as such.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { CheckOptions, CheckReport } from "../../src/check/index.ts";
import { checkProfile } from "../../src/platforms/claudenest/check.ts";
import { type LiteWorld, startLiteWorld } from "./lite-world.ts";
import { type Mutation, mutatingProxy } from "./mutating-proxy.ts";

let world: LiteWorld;
beforeAll(async () => {
  world = await startLiteWorld();
});
afterAll(() => world.server.close());

async function check(mutations: Mutation[] = [], options: Partial<CheckOptions> = {}) {
  const proxy = mutatingProxy(world.fetch, mutations, { allowWrites: true });
  const report = await world.check("claudenest", { fetch: proxy.fetch, realtime: false, write: true, ...options });
  return { report, proxy };
}

const writes = (report: CheckReport) =>
  report.outcomes.filter((o) => o.endpoint.endsWith("(round trip)")).map((o) => [o.endpoint, o.status]);

/** The projects of the seeded machine, read straight from the server. */
async function projectNames(): Promise<string[]> {
  const headers = { authorization: `Bearer ${world.credentials("claudenest").token}` };
  const machines = await (await world.fetch(`${world.baseUrl("claudenest")}/machines`, { headers })).json();
  const machine = (machines as { data: { id: string }[] }).data[0]!.id;
  const projects = await (
    await world.fetch(`${world.baseUrl("claudenest")}/machines/${machine}/projects`, { headers })
  ).json();
  return (projects as { data: { name: string }[] }).data.map((p) => p.name);
}

describe("the write round trip", () => {
  it("creates a scratch project, claims and completes a task, takes and releases a lock, then deletes it", async () => {
    const { report, proxy } = await check();
    expect(report.mode).toBe("read-write");
    expect(writes(report)).toEqual([
      ["projects.create (round trip)", "ok"],
      ["tasks.create (round trip)", "ok"],
      ["projects.get (round trip)", "ok"],
      ["tasks.list (round trip)", "ok"],
      ["tasks.claim (round trip)", "variant"],
      ["tasks.get (round trip)", "ok"],
      ["tasks.complete (round trip)", "variant"],
      ["locks.acquire (round trip)", "ok"],
      ["locks.list (round trip)", "ok"],
      ["locks.release (round trip)", "ok"],
      ["projects.remove (round trip)", "ok"],
    ]);
    expect(report.breaking).toBe(false);
    expect(proxy.writes.map((w) => w.method)).toEqual(["POST", "POST", "POST", "POST", "POST", "POST", "DELETE"]);
    const scratch = /named (agentlane-check-\w+)/.exec(report.notes.join("\n"))?.[1];
    expect(scratch).toBeDefined();
    expect(await projectNames()).not.toContain(scratch);
  });

  it("skips the steps after a failed one and still deletes the scratch project", async () => {
    const { report } = await check([{ path: /\/claim$/, mutate: () => ({ status: 500, body: { message: "boom" } }) }]);
    expect(writes(report)).toEqual([
      ["projects.create (round trip)", "ok"],
      ["tasks.create (round trip)", "ok"],
      ["projects.get (round trip)", "ok"],
      ["tasks.list (round trip)", "ok"],
      ["tasks.claim (round trip)", "differs"],
      ["tasks.get (round trip)", "skipped"],
      ["tasks.complete (round trip)", "skipped"],
      ["locks.acquire (round trip)", "skipped"],
      ["locks.list (round trip)", "skipped"],
      ["locks.release (round trip)", "skipped"],
      ["projects.remove (round trip)", "ok"],
    ]);
    expect(report.breaking).toBe(true);
    expect((await projectNames()).filter((name) => name.startsWith("agentlane-check-"))).toEqual([]);
  });

  it("reports a write's answer in a known real-server shape as a variant", async () => {
    const bareTask = z.object({ id: z.string(), status: z.literal("in_progress") });
    const { report } = await check(
      [
        {
          path: /\/claim$/,
          mutate: (body) => ({ body: { ...(body as object), data: { id: "t", status: "in_progress" } } }),
        },
      ],
      {
        platform: {
          ...checkProfile,
          variants: [{ endpoint: "tasks.claim", name: "the claimed task's id and status", schema: bareTask }],
        },
      },
    );
    const claim = report.outcomes.find((o) => o.endpoint === "tasks.claim (round trip)")!;
    expect(claim).toMatchObject({ status: "variant", sdk: "reads-variant" });
    expect(report.breaking).toBe(false);
  });

  it("runs CoordinAItor's round trip: a scratch project and task, commented and completed, then deleted", async () => {
    const proxy = mutatingProxy(world.fetch, [], { allowWrites: true });
    const report = await world.check("coordinaitor", { fetch: proxy.fetch, realtime: false, write: true });
    expect(writes(report)).toEqual([
      ["projects.create (round trip)", "ok"],
      ["tasks.create (round trip)", "ok"],
      ["projects.get (round trip)", "ok"],
      ["projects.tasks (round trip)", "ok"],
      ["tasks.get (round trip)", "ok"],
      ["tasks.addComment (round trip)", "ok"],
      ["tasks.patch (round trip)", "ok"],
      ["tasks.patch (round trip)", "ok"],
      ["tasks.delete (round trip)", "ok"],
      ["projects.delete (round trip)", "ok"],
    ]);
    // The round trip's writes (the proxy does not count the login): project, task, comment, two patches, deletes.
    expect(proxy.writes.map((w) => w.method)).toEqual(["POST", "POST", "POST", "PATCH", "PATCH", "DELETE", "DELETE"]);
    expect(report.notes.some((n) => n.startsWith("Could not remove"))).toBe(false);
  });

  it("sends no write without being asked to", async () => {
    const { report, proxy } = await check([], { write: false });
    expect(report.mode).toBe("read-only");
    expect(writes(report)).toEqual([]);
    expect(proxy.writes).toEqual([]);
  });
});
