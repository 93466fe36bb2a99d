import {
  clientFor,
  type LiteServer,
  newUser,
  sharedProject,
  startServer,
  withoutClaimNext,
} from "@agentlane/testing/claudenest-in-process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Task } from "./contract/tasks.ts";

// `claim-next` (beyond the document; ClaudeNest's own TaskController::claimNext) and `tasks.work` on top of it.
let server: LiteServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const projectSetup = () => sharedProject(server);

describe("tasks.claimNext", () => {
  it("claims the highest priority, oldest, unblocked task, and answers null when none is left", async () => {
    const { nest, project } = await projectSetup();
    const low = await nest.tasks.create({ project: project.id, title: "Low", priority: "low" });
    const first = await nest.tasks.create({ project: project.id, title: "High 1", priority: "high" });
    const blocked = await nest.tasks.create({
      project: project.id,
      title: "Critical, blocked",
      priority: "critical",
      dependencies: [low.id],
    });
    const second = await nest.tasks.create({ project: project.id, title: "High 2", priority: "high" });
    const taken: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++)
      taken.push((await nest.tasks.claimNext({ project: project.id, instance_id: `i${i}` }))?.title);
    expect(taken).toEqual(["High 1", "High 2", "Low", undefined]);
    expect(await nest.tasks.get({ id: first.id })).toMatchObject({ status: "in_progress", assigned_to: "i0" });
    expect(await nest.tasks.get({ id: second.id })).toMatchObject({ assigned_to: "i1" });
    expect((await nest.tasks.get({ id: blocked.id })).is_claimed).toBe(false);
  });

  it("is refused for another user's project (PRJ_001) and validates instance_id", async () => {
    const { nest, project } = await projectSetup();
    await nest.tasks.create({ project: project.id, title: "Mine" });
    const { nest: stranger } = await newUser(server, "stranger");
    await expect(stranger.tasks.claimNext({ project: project.id, instance_id: "x" })).rejects.toMatchObject({
      status: 404,
      code: "PRJ_001",
    });
    await expect(nest.tasks.claimNext({ project: project.id, instance_id: "" })).rejects.toMatchObject({
      status: 422,
      code: "VAL_001",
    });
    // Nothing was claimed by the refused calls.
    expect((await nest.tasks.list({ project: project.id }))[0]).toMatchObject({ is_claimed: false });
  });
});

describe("tasks.work with claim-next", () => {
  it("four workers take every task once, in priority-then-age order, without a lost race", async () => {
    const { nest, token, project } = await projectSetup();
    const made: Task[] = [];
    for (let i = 0; i < 12; i++) {
      const priority = (["low", "high", "medium", "critical"] as const)[i % 4];
      made.push(await nest.tasks.create({ project: project.id, title: `T${i}`, priority }));
    }
    const claimed: string[] = [];
    server.events.subscribe(`private-project.${project.id}`, (event, data) => {
      if (event === "task:claimed") claimed.push((data as { task: Task }).task.title);
    });
    const stop = new AbortController();
    let done = 0;
    const results = await Promise.all(
      ["a", "b", "c", "d"].map((instance) =>
        clientFor(server, token).tasks.work(project.id, instance, async (task) => ({ summary: task.title }), {
          signal: stop.signal,
          idleDelay: 1,
          onEvent: (event) => {
            if (event.type === "completed" && ++done === made.length) stop.abort();
          },
        }),
      ),
    );
    expect(results.reduce((n, r) => n + r.conflicts, 0)).toBe(0);
    expect(results.reduce((n, r) => n + r.completed, 0)).toBe(12);
    const rank = { critical: 0, high: 1, medium: 2, low: 3 };
    const expected = [...made].sort((a, b) => rank[a.priority] - rank[b.priority] || made.indexOf(a) - made.indexOf(b));
    expect(claimed).toEqual(expected.map((t) => t.title));
  });

  it("falls back to next-available and claim, asking claim-next once, on a server without it", async () => {
    const { nest, token, project } = await projectSetup();
    await nest.tasks.create({ project: project.id, title: "One" });
    await nest.tasks.create({ project: project.id, title: "Two" });
    const asked: string[] = [];
    const worker = clientFor(server, token, {
      fetch: async (input, init) => {
        const request = new Request(input, init);
        asked.push(new URL(request.url).pathname.split("/").slice(-1)[0]!);
        return withoutClaimNext(request) ?? server.fetch(request);
      },
    });
    const stop = new AbortController();
    const result = await worker.tasks.work(project.id, "solo", async (task) => ({ summary: task.title }), {
      signal: stop.signal,
      onEvent: (event) => {
        if (event.type === "completed" && event.task.title === "Two") stop.abort();
      },
    });
    expect(result).toMatchObject({ claimed: 2, completed: 2, conflicts: 0 });
    expect(asked.filter((p) => p === "claim-next")).toHaveLength(1);
    expect(asked.filter((p) => p === "next-available").length).toBeGreaterThanOrEqual(2);
  });
});
