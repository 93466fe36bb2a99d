import { ConflictError, NotFoundError, PermissionDeniedError } from "@agentlane/sdk";
import { afterEach, describe, expect, it } from "vitest";
import { coWorld, type World } from "../testing/world.ts";

let w: World;
afterEach(async () => {
  await w?.close();
  expect(w.unexpected).toEqual([]);
});

describe("projects", () => {
  it("create with members and agents, figures from tasks, list filters, and completion", async () => {
    w = await coWorld();
    const pm = await w.newUser("manager", "pm");
    const dev = await w.newUser("developer", "dev");
    const agent = await w.admin.client.agents.create({ name: "Bot", type: "coding" });
    const project = await pm.client.projects.create({
      name: "Mobile Application",
      description: "Cross-platform mobile app",
      budget: { hours: 500, cost: 75000 },
      teamMembers: [{ userId: dev.userId, role: "developer" }],
      agents: [agent.id],
      tags: ["mobile"],
    });
    expect(project).toMatchObject({ status: "active", teamSize: 1, assignedAgents: 1, progress: 0 });
    const t1 = await dev.client.tasks.create({ title: "a", projectId: project.id });
    await dev.client.tasks.create({ title: "b", projectId: project.id });
    await dev.client.tasks.patch({ taskId: t1.id, status: "completed" });
    const read = await dev.client.projects.get({ projectId: project.id });
    expect(read).toMatchObject({ progress: 0.5, taskCount: { total: 2, completed: 1, active: 0, pending: 1 } });
    expect((await dev.client.projects.list({ memberId: dev.userId })).map((p) => p.id)).toEqual([project.id]);
    expect(await dev.client.projects.list({ search: "nothing-like-this" })).toEqual([]);
    expect((await dev.client.projects.tasks({ projectId: project.id, status: "completed" })).map((t) => t.id)).toEqual([
      t1.id,
    ]);
    await expect(dev.client.projects.update({ projectId: project.id, status: "completed" })).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
    expect((await pm.client.projects.update({ projectId: project.id, status: "completed" })).status).toBe("completed");
    const bad = await pm.client.projects
      .create({ name: "x", teamMembers: [{ userId: "user-nobody", role: "dev" }] })
      .catch((e: unknown) => e as { code?: string });
    expect((bad as { code?: string }).code).toBe("VALIDATION_ERROR");
  });

  it("members: add, 409 twice, remove, 404 when absent; delete keeps the tasks, detached", async () => {
    w = await coWorld();
    const owner = await w.newUser("developer", "owner");
    const dev = await w.newUser("developer", "dev");
    const project = await owner.client.projects.create({ name: "P" });
    await expect(dev.client.projects.get({ projectId: project.id })).rejects.toBeInstanceOf(NotFoundError);
    const member = await owner.client.projects.addMember({
      projectId: project.id,
      userId: dev.userId,
      role: "developer",
      permissions: ["tasks:read", "tasks:write"],
    });
    expect(member).toMatchObject({ userId: dev.userId, role: "developer" });
    await expect(
      owner.client.projects.addMember({ projectId: project.id, userId: dev.userId, role: "developer" }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      owner.client.projects.addMember({ projectId: project.id, userId: "user-nobody", role: "developer" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const task = await dev.client.tasks.create({ title: "t", projectId: project.id });
    await owner.client.projects.removeMember({ projectId: project.id, userId: dev.userId });
    await expect(dev.client.tasks.get({ taskId: task.id })).resolves.toMatchObject({ id: task.id });
    await expect(
      owner.client.projects.removeMember({ projectId: project.id, userId: dev.userId }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await owner.client.projects.delete({ projectId: project.id });
    await expect(owner.client.projects.get({ projectId: project.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await dev.client.tasks.get({ taskId: task.id })).projectId).toBeNull();
  });
});
