import type { AgentTask } from "@agentlane/sdk/ccjk/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CCJKHarness, START, startCCJK } from "../testing/harness.ts";

let h: CCJKHarness;
beforeEach(async () => {
  h = await startCCJK();
});
afterEach(async () => {
  await h.close();
  expect(h.unexpected).toEqual([]);
});

const ROLE = "typescript-cli-architect";
const design = (name: string, extra: Record<string, unknown> = {}) => ({
  agentRole: ROLE,
  task: { name, type: "design", input: { feature: "cloud-sync", files: ["src/commands/sync.ts"] }, ...extra },
});

describe("§6 agents", () => {
  it("lists the public catalog anonymously and the caller's pools with a key", async () => {
    const catalog = await h.client().agents.list();
    expect(catalog.agents).toHaveLength(8);
    expect(catalog.agents[0]).toMatchObject({ id: "agent_ts-architect_001", role: ROLE, status: "available", load: 0 });
    expect(catalog.pagination).toEqual({ page: 1, limit: 20, total: 8, totalPages: 1 });

    const { ccjk } = h.account("pro");
    const { taskId } = await ccjk.agents.createTask(design("Design CLI structure"));
    h.server.clock.advance(1000);
    const mine = await ccjk.agents.list({ role: ROLE });
    expect(mine.agents).toEqual([
      expect.objectContaining({ id: "agent_ts-architect_001", status: "busy", currentTask: taskId, load: 1 }),
    ]);
    expect((await ccjk.agents.list({ status: "busy" })).agents.map((a) => a.id)).toEqual(["agent_ts-architect_001"]);
    // Another account's agents are idle: tasks belong to their account.
    expect((await h.account().ccjk.agents.list({ role: ROLE })).agents[0]!.status).toBe("available");
  });

  it("runs a task queued → in_progress → completed on the server clock, with progress and output", async () => {
    const { ccjk } = h.account();
    const created = await ccjk.agents.createTask(design("Design CLI structure", { priority: "high" }));
    expect(created).toMatchObject({ status: "queued", agentId: null, estimatedDuration: 300 });
    expect(created.createdAt).toBe(new Date(START).toISOString());
    expect(created.webhookUrl).toBe(`http://lite.test/ccjk/webhooks/tasks/${created.taskId}`);

    expect((await ccjk.agents.getTask({ id: created.taskId })).status).toBe("queued");
    h.server.clock.advance(1000);
    const started = await ccjk.agents.getTask({ id: created.taskId });
    expect(started).toMatchObject({ status: "in_progress", progress: 0, agentId: "agent_ts-architect_001" });
    expect(started.estimatedCompletion).toBe(new Date(START + 1000 + 300_000).toISOString());

    h.server.clock.advance(195_000); // 65% of 300 s
    const running = await ccjk.agents.getTask({ id: created.taskId });
    expect(running.progress).toBe(65);
    expect(running.output).toEqual({
      files: ["src/commands/sync.ts"],
      messages: [
        'Started "Design CLI structure" on agent_ts-architect_001',
        "Analysed the input",
        "Drafted the changes",
      ],
    });

    h.server.clock.advance(200_000);
    const done = await ccjk.agents.tasks.get({ id: created.taskId });
    expect(done).toMatchObject({ status: "completed", progress: 100 });
    expect(done.completedAt).toBe(new Date(START + 301_000).toISOString());
    expect(done.output.messages.at(-1)).toBe('Completed "Design CLI structure"');
    expect(done.output.result).toMatchObject({ input: { feature: "cloud-sync" } });
  });

  it("queues tasks beyond the pool's capacity, highest priority first, and scaling adds agents on the clock", async () => {
    const { ccjk } = h.account("pro");
    const pooled = (name: string, extra: Record<string, unknown> = {}) => ({
      ...design(name, extra),
      distributed: true,
    });
    const a = await ccjk.agents.createTask(pooled("A"));
    h.server.clock.advance(1000);
    const low = await ccjk.agents.createTask(pooled("B", { priority: "low" }));
    const critical = await ccjk.agents.createTask(pooled("C", { priority: "critical" }));
    const local = await ccjk.agents.createTask(design("D", { priority: "critical" }));
    h.server.clock.advance(1000);
    const status = async (id: string) => (await ccjk.agents.getTask({ id })).status;
    expect([await status(a.taskId), await status(low.taskId), await status(critical.taskId)]).toEqual([
      "in_progress",
      "queued",
      "queued",
    ]);

    const pool = await ccjk.agents.scalePool({ role: ROLE, min: 1, max: 5, target: 3 });
    expect(pool).toMatchObject({ poolId: "pool_ts-architect", current: 1, target: 3, status: "scaling" });
    expect(pool.estimatedReady).toBe(new Date(START + 2000 + 20_000).toISOString());

    h.server.clock.advance(10_000); // the second agent is ready: the critical task goes first
    expect(await ccjk.agents.getTask({ id: critical.taskId })).toMatchObject({
      status: "in_progress",
      agentId: "agent_ts-architect_002",
      startedAt: new Date(START + 12_000).toISOString(),
    });
    expect(await status(low.taskId)).toBe("queued");
    h.server.clock.advance(10_000);
    expect(await ccjk.agents.getTask({ id: low.taskId })).toMatchObject({
      status: "in_progress",
      agentId: "agent_ts-architect_003",
      distributed: true,
    });
    // A task that is not distributed waits for the role's first agent, however large the pool.
    expect(await ccjk.agents.getTask({ id: local.taskId })).toMatchObject({ status: "queued", distributed: false });
    h.server.clock.advance(300_000);
    expect(await ccjk.agents.getTask({ id: local.taskId })).toMatchObject({
      status: "in_progress",
      agentId: "agent_ts-architect_001",
      startedAt: new Date(START + 301_000).toISOString(),
    });
    expect((await ccjk.agents.scalePool({ role: ROLE })).status).toBe("ready");
    expect((await ccjk.agents.list({ role: ROLE })).agents.map((agent) => agent.status)).toEqual([
      "busy",
      "available",
      "available",
    ]);
  });

  it("a task queued behind another starts when the agent frees, at the time it freed", async () => {
    const { ccjk } = h.account();
    const first = await ccjk.agents.createTask({ agentRole: ROLE, task: { name: "review", type: "review" } });
    const second = await ccjk.agents.createTask({ agentRole: ROLE, task: { name: "review 2", type: "review" } });
    h.server.clock.advance(10 * 60_000); // both are long done: the second ran from 121 s to 241 s
    expect(await ccjk.agents.getTask({ id: first.taskId })).toMatchObject({ status: "completed" });
    const later = await ccjk.agents.getTask({ id: second.taskId });
    expect(later).toMatchObject({ status: "completed", startedAt: new Date(START + 121_000).toISOString() });
    expect(later.completedAt).toBe(new Date(START + 241_000).toISOString());
  });

  it("cancels queued and running tasks; a cancelled task's agent takes the next one", async () => {
    const { ccjk } = h.account();
    const running = await ccjk.agents.createTask(design("running"));
    const queued = await ccjk.agents.createTask(design("queued"));
    h.server.clock.advance(5000);
    const cancelled = await ccjk.agents.cancelTask({ id: running.taskId });
    expect(cancelled).toEqual({
      taskId: running.taskId,
      status: "cancelled",
      cancelledAt: new Date(START + 5000).toISOString(),
    });
    // A repeated cancel answers the same.
    expect(await ccjk.agents.tasks.cancel({ id: running.taskId })).toEqual(cancelled);
    expect(await ccjk.agents.getTask({ id: queued.taskId })).toMatchObject({
      status: "in_progress",
      startedAt: new Date(START + 5000).toISOString(),
    });
    await ccjk.agents.cancelTask({ id: queued.taskId });
    const done = await ccjk.agents.createTask({ agentRole: ROLE, task: { name: "quick", type: "docs" } });
    h.server.clock.advance(200_000);
    await expect(ccjk.agents.cancelTask({ id: done.taskId })).rejects.toMatchObject({
      status: 400,
      code: "VALIDATION_ERROR",
    });
  });

  it("fails a task whose deadline passes, running or queued", async () => {
    const { ccjk } = h.account();
    const deadline = new Date(START + 60_000).toISOString();
    const late = await ccjk.agents.createTask(design("late", { deadline }));
    const never = await ccjk.agents.createTask(design("never", { deadline }));
    h.server.clock.advance(120_000);
    expect(await ccjk.agents.getTask({ id: late.taskId })).toMatchObject({
      status: "failed",
      completedAt: deadline,
      error: "The deadline passed before the task completed.",
      progress: 19,
    });
    expect(await ccjk.agents.getTask({ id: never.taskId })).toMatchObject({
      status: "failed",
      agentId: null,
      error: "The deadline passed before an agent was free.",
    });
  });

  it("answers the documented errors", async () => {
    const { ccjk } = h.account();
    await expect(ccjk.agents.createTask({ agentRole: "nobody", task: { name: "x" } })).rejects.toMatchObject({
      status: 404,
      code: "RESOURCE_NOT_FOUND",
    });
    await expect(ccjk.agents.getTask({ id: "task_missing" })).rejects.toMatchObject({ code: "RESOURCE_NOT_FOUND" });
    await expect(ccjk.agents.scalePool({ role: ROLE, max: 6 })).rejects.toMatchObject({
      status: 403,
      code: "AUTH_INSUFFICIENT",
    });
    await expect(ccjk.agents.scalePool({ role: ROLE, min: 3, max: 2 })).rejects.toMatchObject({
      status: 400,
      code: "VALIDATION_ERROR",
      details: { min: ["min may not be above max."], target: ["target must be between min (3) and max (2)."] },
    });
    await expect(
      ccjk.agents.createTask({ agentRole: ROLE, task: { name: "big", input: { blob: "x".repeat(101 * 1024) } } }),
    ).rejects.toMatchObject({ code: "VALIDATION_ERROR", details: { "task.input": [expect.any(String)] } });
    await expect(h.client().agents.createTask(design("anonymous"))).rejects.toMatchObject({
      status: 401,
      code: "AUTH_INVALID",
    });
  });
});

describe("agents.tasks.watch", () => {
  it("emits each change and ends after the final state", async () => {
    const { ccjk } = h.account();
    const { taskId } = await ccjk.agents.createTask({ agentRole: ROLE, task: { name: "docs", type: "docs" } });
    const watcher = ccjk.agents.tasks.watch(taskId, { interval: 2, maxInterval: 5 });
    const seen: AgentTask[] = [];
    const done = (async () => {
      for await (const { event, data } of watcher) {
        seen.push(data);
        if (event === "update" && data.status === "queued") h.server.clock.advance(1000);
        else if (event === "update" && data.status === "in_progress" && data.progress === 0)
          h.server.clock.advance(60_000);
        else if (event === "update" && data.status === "in_progress") h.server.clock.advance(60_000);
      }
    })();
    await done;
    expect(seen.map((t) => `${t.status}:${t.progress}`)).toEqual([
      "queued:0",
      "in_progress:0",
      "in_progress:50",
      "completed:100",
      "completed:100",
    ]);
    expect(watcher.listenerCount("update")).toBe(0);
  });

  it("ends with the 404 of a task that is not the caller's", async () => {
    const owner = h.account();
    const { taskId } = await owner.ccjk.agents.createTask({ agentRole: ROLE, task: { name: "mine" } });
    const watcher = h.account().ccjk.agents.tasks.watch(taskId, { interval: 2 });
    await expect(
      (async () => {
        for await (const _ of watcher);
      })(),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("ends on cancellation", async () => {
    const { ccjk } = h.account();
    const { taskId } = await ccjk.agents.createTask({ agentRole: ROLE, task: { name: "to cancel" } });
    const watcher = ccjk.agents.tasks.watch(taskId, { interval: 2 });
    const events: string[] = [];
    watcher.on("update", (t) => {
      events.push(t.status);
      if (t.status === "queued") void ccjk.agents.cancelTask({ id: taskId });
    });
    const cancelled = new Promise<AgentTask>((resolve) => watcher.on("cancelled", resolve));
    const closed = new Promise<void>((resolve) => watcher.on("status", (s) => s === "closed" && resolve()));
    expect((await cancelled).cancelledAt).toBe(new Date(START).toISOString());
    await closed;
    expect(events).toEqual(["queued", "cancelled"]);
  });
});

describe("pool autoScale", () => {
  it("moves the pool one agent at a time by the load of distributed tasks, within min and max", async () => {
    const { ccjk } = h.account("pro");
    await ccjk.agents.scalePool({ role: ROLE, min: 1, max: 3, target: 1, autoScale: true, scaleUpThreshold: 0.7 });
    for (const name of ["a", "b", "c", "d"]) await ccjk.agents.createTask({ ...design(name), distributed: true });
    const agents = async () => (await ccjk.agents.list({ role: ROLE })).agents.map((a) => a.status);
    h.server.clock.advance(1000); // 1 running and 3 queued on 1 agent: a second one is on its way
    expect(await agents()).toEqual(["busy"]);
    h.server.clock.advance(10_000); // 2 running and 2 queued on 2 agents: a third
    expect(await agents()).toEqual(["busy", "busy"]);
    h.server.clock.advance(10_000);
    expect(await agents()).toEqual(["busy", "busy", "busy"]);
    h.server.clock.advance(30 * 60_000); // everything done: no load, the pool shrinks one agent per step
    h.server.clock.advance(10_000);
    h.server.clock.advance(10_000);
    expect(await agents()).toEqual(["available"]);
    const pool = await ccjk.agents.scalePool({ role: ROLE, autoScale: false });
    expect(pool).toMatchObject({ current: 1, target: 1, min: 1, max: 3, autoScale: false });
  });
});
