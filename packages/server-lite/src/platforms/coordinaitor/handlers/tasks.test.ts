import { type APIError, NotFoundError, PermissionDeniedError } from "@agentlane/sdk";
import { afterEach, describe, expect, it } from "vitest";
import { coWorld, type World } from "../testing/world.ts";

let w: World;
afterEach(async () => {
  await w?.close();
  expect(w.unexpected).toEqual([]);
});

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as APIError,
  );

describe("tasks", () => {
  it("create, get with every include, and a 422 with per-field details", async () => {
    w = await coWorld();
    const c = w.admin.client;
    const task = await c.tasks.create({
      title: "Build user dashboard",
      priority: "medium",
      tags: ["frontend", "dashboard"],
      estimatedHours: 12,
      requirements: ["Responsive design"],
    });
    expect(task).toMatchObject({ status: "pending", progress: 0, actualHours: 0, createdBy: w.admin.userId });
    const full = await c.tasks.get({ taskId: task.id, include: "comments,files,history,metrics" });
    expect(full.history?.map((h) => h.action)).toEqual(["created"]);
    expect(full.metrics).toEqual({ timeSpent: 0, completionRate: 0, qualityScore: null, changeRequests: 0 });
    expect(full.comments).toEqual([]);
    const bad = await errorOf(c.tasks.create({ title: "", priority: "urgent" as never }));
    expect(bad?.status).toBe(422);
    expect(bad?.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(bad?.details as object).sort()).toEqual(["priority", "title"]);
    expect(await errorOf(c.tasks.get({ taskId: "task-missing" }))).toBeInstanceOf(NotFoundError);
  });

  it("filters, searches, sorts and pages with hasNext/hasPrev and links", async () => {
    w = await coWorld();
    const c = w.admin.client;
    for (let i = 0; i < 5; i++)
      await c.tasks.create({
        title: i === 3 ? "Implement authentication" : `Task ${i}`,
        priority: (["low", "medium", "high"] as const)[i % 3]!,
        tags: i % 2 === 0 ? ["frontend", "react"] : ["backend"],
      });
    expect((await c.tasks.list({ search: "AUTHENTIC" })).map((t) => t.title)).toEqual(["Implement authentication"]);
    expect((await c.tasks.list({ tags: "frontend,react" })).length).toBe(3);
    expect((await c.tasks.list({ priority: "high" })).length).toBe(1);
    const byPriority = await c.tasks.list({ sortBy: "priority", sortOrder: "desc" });
    expect(byPriority.map((t) => t.priority)).toEqual(["high", "medium", "medium", "low", "low"]);
    const page = await c.tasks.list({ limit: 2, page: 2, sortOrder: "asc" }).withResponse();
    expect(page.data.map((t) => t.title)).toEqual(["Task 2", "Implement authentication"]);
    const raw = await w.server.fetch(
      new Request("http://lite.test/coordinaitor/api/v1/tasks?limit=2&page=2&priority=low", {
        headers: { authorization: `Bearer ${c.tokens.accessToken}` },
      }),
    );
    const body = (await raw.json()) as { pagination: unknown; links: Record<string, string | null> };
    expect(body.pagination).toEqual({ page: 2, limit: 2, total: 2, pages: 1, hasNext: false, hasPrev: true });
    expect(body.links.first).toBe("/coordinaitor/api/v1/tasks?priority=low&page=1&limit=2");
    expect(body.links.next).toBeNull();
    const all: string[] = [];
    for await (const t of c.tasks.list({ limit: 2 })) all.push(t.id);
    expect(new Set(all).size).toBe(5);
    // The unversioned example path answers the same list.
    expect((await c.tasks.listExample({ limit: 100 })).length).toBe(5);
  });

  it("PUT replaces, PATCH changes what it names, history keeps the reason, completion sets progress", async () => {
    w = await coWorld();
    const c = w.admin.client;
    const task = await c.tasks.create({ title: "T", description: "d", tags: ["a"], estimatedHours: 3 });
    const put = await c.tasks.update({ taskId: task.id, title: "T2", status: "active", reason: "kick-off" });
    expect(put).toMatchObject({ title: "T2", description: "", tags: [], estimatedHours: null, status: "active" });
    const done = await c.tasks.patch({ taskId: task.id, status: "completed", actualHours: 7.5 });
    expect(done).toMatchObject({ status: "completed", progress: 1, actualHours: 7.5 });
    expect(done.completedAt).not.toBeNull();
    await c.tasks.patch({ taskId: task.id, description: "after" });
    const full = await c.tasks.get({ taskId: task.id, include: "history,metrics" });
    const statuses = full.history!.filter((h) => h.action === "status_changed");
    expect(statuses.map((h) => [h.from, h.to, h.reason])).toEqual([
      ["pending", "active", "kick-off"],
      ["active", "completed", null],
    ]);
    expect(full.metrics?.changeRequests).toBe(1);
    await c.tasks.delete({ taskId: task.id, reason: "duplicate" });
    expect(await errorOf(c.tasks.get({ taskId: task.id }))).toBeInstanceOf(NotFoundError);
    const logs = await c.system.logs({ service: "tasks" });
    expect(logs[0]?.data).toMatchObject({ taskId: task.id, reason: "duplicate" });
  });

  it("assign needs an enabled agent with room (409 otherwise) and a task still open", async () => {
    w = await coWorld();
    const c = w.admin.client;
    const agent = await c.agents.create({ name: "Bot", type: "coding", maxConcurrentTasks: 1 });
    const first = await c.tasks.create({ title: "one" });
    const second = await c.tasks.create({ title: "two" });
    const assigned = await c.tasks.assign({ taskId: first.id, agentId: agent.id, priority: "high" });
    expect(assigned).toMatchObject({
      agentId: agent.id,
      priority: "high",
      assignedAgent: { id: agent.id, name: "Bot" },
    });
    const full = await errorOf(c.tasks.assign({ taskId: second.id, agentId: agent.id }));
    expect(full?.status).toBe(409);
    expect(full?.code).toBe("CONFLICT_ERROR");
    await c.agents.disable({ agentId: agent.id, reason: "maintenance" });
    await c.tasks.patch({ taskId: first.id, status: "cancelled" });
    expect((await errorOf(c.tasks.assign({ taskId: second.id, agentId: agent.id })))?.code).toBe("CONFLICT_ERROR");
    expect((await errorOf(c.tasks.assign({ taskId: first.id, agentId: agent.id })))?.code).toBe("CONFLICT_ERROR");
    expect((await errorOf(c.tasks.assign({ taskId: second.id, agentId: "agent-x" })))?.code).toBe("VALIDATION_ERROR");
  });

  it("comments with mentions notify the mentioned users; unknown mentions are refused", async () => {
    w = await coWorld();
    const bob = await w.newUser("developer", "bob");
    const task = await w.admin.client.tasks.create({ title: "Auth" });
    const comment = await w.admin.client.tasks.addComment({
      taskId: task.id,
      content: "Great progress!",
      mentions: [bob.userId],
    });
    expect(comment).toMatchObject({ author: w.admin.userId, mentions: [bob.userId] });
    const [note] = await bob.client.users.notifications({ unread: true });
    expect(note).toMatchObject({ type: "mention", read: false, data: { taskId: task.id, commentId: comment.id } });
    const read = await bob.client.users.markNotificationRead({ notificationId: note!.id });
    expect(read.read).toBe(true);
    expect(await bob.client.users.notifications({ unread: true })).toEqual([]);
    expect(await errorOf(w.admin.client.users.markNotificationRead({ notificationId: note!.id }))).toBeInstanceOf(
      NotFoundError,
    );
    const bad = await errorOf(
      w.admin.client.tasks.addComment({ taskId: task.id, content: "x", mentions: ["user-nobody"] }),
    );
    expect(bad?.code).toBe("VALIDATION_ERROR");
    expect((await w.admin.client.tasks.get({ taskId: task.id, include: "comments" })).comments).toHaveLength(1);
  });

  it("multipart upload keeps the file and lists it; size and type limits are 422 on file", async () => {
    w = await coWorld();
    const c = w.admin.client;
    const task = await c.tasks.create({ title: "Mockups" });
    const file = new File(["<svg/>"], "mockup.svg", { type: "image/svg+xml" });
    const stored = await c.tasks.uploadFile({ taskId: task.id, file, description: "UI mockup" });
    expect(stored).toMatchObject({ name: "mockup.svg", size: 6, mimeType: "image/svg+xml", description: "UI mockup" });
    expect((await c.tasks.get({ taskId: task.id, include: "files" })).files).toEqual([stored]);
    const row = w.server.db.get<{ data: Uint8Array }>("SELECT data FROM co_files WHERE id = ?", stored.id);
    expect(Buffer.from(row!.data).toString()).toBe("<svg/>");
    const big = await errorOf(
      c.tasks.uploadFile({ taskId: task.id, file: new File([new Uint8Array(600 * 1024)], "big.bin") }),
    );
    expect(big?.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(big?.details as object)).toEqual(["file"]);
    const exe = await errorOf(
      c.tasks.uploadFile({ taskId: task.id, file: new File(["MZ"], "x.exe", { type: "application/x-msdownload" }) }),
    );
    expect(exe?.code).toBe("VALIDATION_ERROR");
  });

  it("a member without tasks:write reads the project's tasks but cannot change them", async () => {
    w = await coWorld();
    const owner = await w.newUser("developer", "owner");
    const reader = await w.newUser("developer", "reader");
    const project = await owner.client.projects.create({
      name: "P",
      teamMembers: [{ userId: reader.userId, role: "developer", permissions: ["tasks:read"] }],
    });
    const task = await owner.client.tasks.create({ title: "In P", projectId: project.id });
    expect((await reader.client.tasks.get({ taskId: task.id })).id).toBe(task.id);
    expect(await errorOf(reader.client.tasks.patch({ taskId: task.id, progress: 0.5 }))).toBeInstanceOf(
      PermissionDeniedError,
    );
    expect(await errorOf(reader.client.tasks.create({ title: "x", projectId: project.id }))).toBeInstanceOf(
      PermissionDeniedError,
    );
  });
});
