import { NotFoundError, PermissionDeniedError } from "@agentlane/sdk";
import { afterEach, describe, expect, it } from "vitest";
import { coWorld, type World } from "../testing/world.ts";

let w: World;
afterEach(async () => {
  await w?.close();
  expect(w.unexpected).toEqual([]);
});

describe("agents", () => {
  it("filters by type, capabilities, status and available; status follows the tasks", async () => {
    w = await coWorld();
    const c = w.admin.client;
    const react = await c.agents.create({
      name: "Senior React Developer",
      type: "coding",
      capabilities: ["react", "typescript"],
      maxConcurrentTasks: 1,
      workingHours: { timezone: "UTC", start: "09:00", end: "17:00" },
    });
    await c.agents.create({ name: "Reviewer", type: "review", capabilities: ["react"] });
    expect((await c.agents.list({ type: "coding" })).map((a) => a.id)).toEqual([react.id]);
    expect((await c.agents.list({ capabilities: "react,typescript" })).map((a) => a.id)).toEqual([react.id]);
    expect((await c.agents.list({ available: true })).length).toBe(2);
    const task = await c.tasks.create({ title: "T", agentId: react.id });
    expect((await c.agents.get({ agentId: react.id })).status).toBe("busy");
    expect((await c.agents.list({ available: true })).map((a) => a.name)).toEqual(["Reviewer"]);
    expect((await c.agents.list({ status: "busy" })).map((a) => a.id)).toEqual([react.id]);
    await c.tasks.patch({ taskId: task.id, status: "completed" });
    const agent = await c.agents.get({ agentId: react.id, include: "tasks,metrics,logs" });
    expect(agent).toMatchObject({ status: "available", totalTasksCompleted: 1, successRate: 1, currentTasks: 0 });
    expect(agent.tasks?.map((t) => t.id)).toEqual([task.id]);
    expect(agent.logs?.at(-1)?.message).toBe("Agent created");
  });

  it("disable and enable change the status and are logged; only the creator or an admin may", async () => {
    w = await coWorld();
    const dev = await w.newUser("developer");
    const agent = await w.admin.client.agents.create({ name: "Bot", type: "qa" });
    const disabled = await w.admin.client.agents.disable({ agentId: agent.id, reason: "Maintenance required" });
    expect(disabled).toMatchObject({ status: "offline", enabled: false, disabledReason: "Maintenance required" });
    expect((await dev.client.agents.get({ agentId: agent.id })).status).toBe("offline");
    await expect(dev.client.agents.enable({ agentId: agent.id })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(dev.client.agents.update({ agentId: agent.id, name: "x" })).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
    expect((await w.admin.client.agents.enable({ agentId: agent.id })).status).toBe("available");
    const updated = await w.admin.client.agents.update({ agentId: agent.id, maxConcurrentTasks: 3, model: "gpt-4" });
    expect(updated).toMatchObject({ maxConcurrentTasks: 3, model: "gpt-4", name: "Bot" });
    await expect(w.admin.client.agents.get({ agentId: "agent-missing" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("metrics come from the task history on the server clock", async () => {
    w = await coWorld();
    const c = w.admin.client;
    const agent = await c.agents.create({ name: "Bot", type: "coding", maxConcurrentTasks: 5 });
    const a = await c.tasks.create({ title: "a", agentId: agent.id });
    const b = await c.tasks.create({ title: "b", agentId: agent.id });
    w.server.clock.advance(60_000);
    await c.tasks.patch({ taskId: a.id, status: "active" });
    await c.tasks.patch({ taskId: b.id, status: "active" });
    w.server.clock.advance(2 * 3_600_000);
    await c.tasks.patch({ taskId: a.id, status: "completed" });
    await c.tasks.patch({ taskId: b.id, status: "failed" });
    const m = await c.agents.metrics({ agentId: agent.id });
    expect(m.taskMetrics).toMatchObject({ totalTasks: 2, completedTasks: 1, failedTasks: 1, successRate: 0.5 });
    expect(m.taskMetrics.averageCompletionTime).toBeCloseTo(2 + 1 / 60, 2);
    expect(m.performanceMetrics.averageResponseTime).toBe(60);
    expect(m.utilizationMetrics.activeHours).toBe(4);
    expect(m.utilizationMetrics.peakHours).toHaveLength(1);
    const tasks = await c.agents.tasks({ agentId: agent.id, status: "failed" });
    expect(tasks.map((t) => t.id)).toEqual([b.id]);
  });
});
