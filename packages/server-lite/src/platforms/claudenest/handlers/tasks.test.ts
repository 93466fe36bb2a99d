import type { ClaudeNest } from "@agentlane/sdk";
import type { ProjectSettings, Task } from "@agentlane/sdk/claudenest/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LiteServer } from "../../../server.ts";
import { clientFor, newUser, onlineMachine, startServer } from "../testing/test-support.ts";

let server: LiteServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

async function projectSetup(settings?: ProjectSettings) {
  const { nest, token } = await newUser(server);
  const machine = await onlineMachine(server, nest);
  const project = await nest.projects.create({
    machine: machine.id,
    name: "Web app",
    project_path: "/srv/app",
    ...(settings ? { settings } : {}),
  });
  return { nest, token, machine, project };
}

/** The error a promise rejects with, typed for assertions. */
async function failureOf(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (e: unknown) => e as { status: number; code: string; message: string; fieldErrors: Record<string, string[]> },
  );
}

const MINUTE = 60_000;

describe("tasks: create, read, update, delete", () => {
  it("creates with the documented defaults and answers 201", async () => {
    const { nest, project } = await projectSetup();
    const { data: task, status } = await nest.tasks.create({ project: project.id, title: "Write docs" }).withResponse();
    expect(status).toBe(201);
    expect(task).toMatchObject({
      project_id: project.id,
      title: "Write docs",
      description: null,
      priority: "medium",
      status: "pending",
      assigned_to: null,
      is_claimed: false,
      is_blocked: false,
      files: [],
      dependencies: [],
      estimated_tokens: null,
      claimed_at: null,
      completed_at: null,
      completion_summary: null,
      files_modified: null,
    });
    expect(await nest.tasks.get({ id: task.id })).toEqual(task);
    expect((await nest.projects.get({ id: project.id })).pending_tasks_count).toBe(1);
  });

  it("lists with status and priority filters, paginated oldest first", async () => {
    const { nest, project } = await projectSetup();
    const made: Task[] = [];
    for (const priority of ["low", "high", "high", "critical", "medium"] as const) {
      made.push(await nest.tasks.create({ project: project.id, title: `${priority} ${made.length}`, priority }));
    }
    await nest.tasks.claim({ id: made[1]!.id, instance_id: "i1" });
    expect((await nest.tasks.list({ project: project.id })).map((t) => t.id)).toEqual(made.map((t) => t.id));
    expect((await nest.tasks.list({ project: project.id, priority: "high" })).map((t) => t.id)).toEqual([
      made[1]!.id,
      made[2]!.id,
    ]);
    expect((await nest.tasks.list({ project: project.id, status: "in_progress" })).map((t) => t.id)).toEqual([
      made[1]!.id,
    ]);
    expect(await nest.tasks.list({ project: project.id, status: "pending", priority: "high" })).toHaveLength(1);
    const page = await nest.tasks.list({ project: project.id, per_page: 2, page: 2 }).withResponse();
    expect(page.data.map((t) => t.id)).toEqual([made[2]!.id, made[3]!.id]);
    expect(page.meta.pagination).toEqual({ page: 2, lastPage: 3, perPage: 2, total: 5 });
    const all: string[] = [];
    for await (const task of nest.tasks.list({ project: project.id, per_page: 2 })) all.push(task.id);
    expect(all).toEqual(made.map((t) => t.id));
    await expect(nest.tasks.list({ project: project.id, status: "finished" as never })).rejects.toMatchObject({
      status: 422,
      code: "VAL_001",
    });
  });

  it("updates the editable fields and replaces dependencies", async () => {
    const { nest, project } = await projectSetup();
    const base = await nest.tasks.create({ project: project.id, title: "Base" });
    const task = await nest.tasks.create({
      project: project.id,
      title: "Feature",
      description: "First take",
      files: ["a.ts"],
      estimated_tokens: 100,
    });
    const updated = await nest.tasks.update({
      id: task.id,
      title: "Feature v2",
      description: null,
      priority: "critical",
      files: ["a.ts", "b.ts"],
      dependencies: [base.id, base.id],
      estimated_tokens: 2000,
    });
    expect(updated).toMatchObject({
      title: "Feature v2",
      description: null,
      priority: "critical",
      files: ["a.ts", "b.ts"],
      dependencies: [base.id],
      is_blocked: true,
      estimated_tokens: 2000,
      status: "pending",
    });
    const untouched = await nest.tasks.update({ id: task.id, dependencies: [] });
    expect(untouched).toMatchObject({
      title: "Feature v2",
      files: ["a.ts", "b.ts"],
      dependencies: [],
      is_blocked: false,
    });
    await expect(nest.tasks.update({ id: "missing", title: "x" })).rejects.toMatchObject({
      status: 404,
      code: "TSK_001",
    });
  });

  it("deletes a task, unblocking the tasks that depended on it", async () => {
    const { nest, project } = await projectSetup();
    const first = await nest.tasks.create({ project: project.id, title: "First" });
    const other = await nest.tasks.create({ project: project.id, title: "Other" });
    const second = await nest.tasks.create({
      project: project.id,
      title: "Second",
      priority: "high",
      dependencies: [first.id, other.id],
    });
    await nest.tasks.claim({ id: other.id, instance_id: "i1" });
    await nest.tasks.complete({ id: other.id, instance_id: "i1", summary: "done" });
    expect((await nest.tasks.get({ id: second.id })).is_blocked).toBe(true);
    expect(await nest.tasks.remove({ id: first.id })).toBeNull();
    await expect(nest.tasks.get({ id: first.id })).rejects.toMatchObject({ status: 404, code: "TSK_001" });
    expect(await nest.tasks.get({ id: second.id })).toMatchObject({ dependencies: [other.id], is_blocked: false });
    expect((await nest.tasks.nextAvailable({ project: project.id }))?.id).toBe(second.id);
    await expect(nest.tasks.remove({ id: first.id })).rejects.toMatchObject({ status: 404, code: "TSK_001" });
  });

  it("deleting a claimed task frees its instance", async () => {
    const { nest, project } = await projectSetup();
    const task = await nest.tasks.create({ project: project.id, title: "Doomed" });
    await nest.tasks.claim({ id: task.id, instance_id: "i1" });
    expect((await nest.projects.instances({ id: project.id }))[0]).toMatchObject({ current_task_id: task.id });
    await nest.tasks.remove({ id: task.id, instance_id: "i2" });
    const instances = await nest.projects.instances({ id: project.id });
    expect(instances.find((i) => i.id === "i1")).toMatchObject({ status: "idle", current_task_id: null });
    expect(instances.map((i) => i.id).sort()).toEqual(["i1", "i2"]);
  });
});

describe("tasks: validation and access", () => {
  it("rejects bad bodies and foreign, self or cyclic dependencies with VAL_001", async () => {
    const { nest, machine, project } = await projectSetup();
    const empty = await failureOf(nest.tasks.create({ project: project.id, title: "", priority: "urgent" as never }));
    expect(empty).toMatchObject({ status: 422, code: "VAL_001" });
    expect(Object.keys(empty!.fieldErrors)).toEqual(expect.arrayContaining(["title", "priority"]));

    const elsewhere = await nest.projects.create({ machine: machine.id, name: "Other", project_path: "/srv/other" });
    const foreign = await nest.tasks.create({ project: elsewhere.id, title: "Foreign" });
    const unknown = await failureOf(
      nest.tasks.create({ project: project.id, title: "T", dependencies: [foreign.id, "nope"] }),
    );
    expect(unknown).toMatchObject({ status: 422, code: "VAL_001" });
    expect(unknown!.fieldErrors.dependencies).toEqual([
      `The dependency ${foreign.id} is not a task of this project.`,
      "The dependency nope is not a task of this project.",
    ]);
    expect(await nest.tasks.list({ project: project.id })).toEqual([]);

    const a = await nest.tasks.create({ project: project.id, title: "A" });
    const b = await nest.tasks.create({ project: project.id, title: "B", dependencies: [a.id] });
    const c = await nest.tasks.create({ project: project.id, title: "C", dependencies: [b.id] });
    const self = await failureOf(nest.tasks.update({ id: a.id, dependencies: [a.id] }));
    expect(self!.fieldErrors.dependencies).toEqual(["A task cannot depend on itself."]);
    const cycle = await failureOf(nest.tasks.update({ id: a.id, title: "A2", dependencies: [c.id] }));
    expect(cycle).toMatchObject({ status: 422, code: "VAL_001" });
    expect(cycle!.fieldErrors.dependencies).toEqual([`The dependency ${c.id} already depends on this task.`]);
    expect(await nest.tasks.get({ id: a.id })).toMatchObject({ title: "A", dependencies: [] });

    const task = await nest.tasks.create({ project: project.id, title: "T" });
    await expect(nest.tasks.claim({ id: task.id, instance_id: "" })).rejects.toMatchObject({ code: "VAL_001" });
    await nest.tasks.claim({ id: task.id, instance_id: "i1" });
    await expect(nest.tasks.complete({ id: task.id, instance_id: "i1", summary: "" })).rejects.toMatchObject({
      code: "VAL_001",
    });
  });

  it("keeps tasks private to their user and their machine's token", async () => {
    const { nest, machine, project } = await projectSetup();
    const task = await nest.tasks.create({ project: project.id, title: "Private" });
    const stranger = await newUser(server, "stranger");
    await expect(stranger.nest.tasks.list({ project: project.id })).rejects.toMatchObject({
      status: 404,
      code: "PRJ_001",
    });
    await expect(stranger.nest.tasks.create({ project: project.id, title: "x" })).rejects.toMatchObject({
      code: "PRJ_001",
    });
    await expect(stranger.nest.tasks.nextAvailable({ project: project.id })).rejects.toMatchObject({
      code: "PRJ_001",
    });
    for (const call of [
      () => stranger.nest.tasks.get({ id: task.id }),
      () => stranger.nest.tasks.update({ id: task.id, title: "mine" }),
      () => stranger.nest.tasks.remove({ id: task.id }),
      () => stranger.nest.tasks.claim({ id: task.id, instance_id: "i9" }),
      () => stranger.nest.tasks.release({ id: task.id, instance_id: "i9" }),
      () => stranger.nest.tasks.complete({ id: task.id, instance_id: "i9", summary: "x" }),
    ]) {
      await expect(call()).rejects.toMatchObject({ status: 404, code: "TSK_001" });
    }
    // The machine's own agent works on the project with its machine token; another machine's cannot.
    await expect(machine.agent.tasks.claim({ id: task.id, instance_id: "agent-1" })).resolves.toMatchObject({
      message: "Task claimed successfully",
    });
    const other = await onlineMachine(server, nest);
    await expect(other.agent.tasks.get({ id: task.id })).rejects.toMatchObject({ code: "TSK_001" });
    await expect(other.agent.tasks.list({ project: project.id })).rejects.toMatchObject({ code: "PRJ_001" });
  });
});

describe("tasks: next available", () => {
  it("answers null when nothing is available", async () => {
    const { nest, project } = await projectSetup();
    const { data, status } = await nest.tasks.nextAvailable({ project: project.id }).withResponse();
    expect([data, status]).toEqual([null, 200]);
  });

  it("orders by priority, skips blocked and claimed tasks, and takes the oldest among equals", async () => {
    const { nest, project } = await projectSetup();
    const create = (title: string, priority: Task["priority"], dependencies: string[] = []) =>
      nest.tasks.create({ project: project.id, title, priority, dependencies });
    const low = await create("low", "low");
    await create("high 1", "high");
    const blocked = await create("critical blocked", "critical", [low.id]);
    await create("high 2", "high");
    await create("critical", "critical");
    await create("medium", "medium");
    expect(blocked.is_blocked).toBe(true);

    const order: string[] = [];
    for (;;) {
      const next = await nest.tasks.nextAvailable({ project: project.id });
      if (!next) break;
      order.push(next.title);
      await nest.tasks.claim({ id: next.id, instance_id: "i1" });
      // Completing the low task is what unblocks the critical one.
      if (next.id === low.id) await nest.tasks.complete({ id: low.id, instance_id: "i1", summary: "done" });
    }
    expect(order).toEqual(["critical", "high 1", "high 2", "medium", "low", "critical blocked"]);
    expect((await nest.tasks.get({ id: blocked.id })).is_blocked).toBe(false);
  });

  it("offers a released task again", async () => {
    const { nest, project } = await projectSetup();
    const task = await nest.tasks.create({ project: project.id, title: "Again" });
    await nest.tasks.claim({ id: task.id, instance_id: "i1" });
    expect(await nest.tasks.nextAvailable({ project: project.id })).toBeNull();
    await nest.tasks.release({ id: task.id, instance_id: "i1", reason: "later" });
    expect((await nest.tasks.nextAvailable({ project: project.id }))?.id).toBe(task.id);
  });
});

describe("tasks: claim, release, complete", () => {
  it("claims once; others get TSK_002; the holder may claim again", async () => {
    const { nest, project } = await projectSetup();
    const task = await nest.tasks.create({ project: project.id, title: "Auth", files: ["auth.ts"] });
    const now = server.clock.now();
    const claimed = await nest.tasks.claim({ id: task.id, instance_id: "instance_1" });
    expect(claimed.message).toBe("Task claimed successfully");
    expect(claimed.task).toMatchObject({ status: "in_progress", assigned_to: "instance_1", is_claimed: true });
    expect(Date.parse(claimed.task.claimed_at!)).toBeGreaterThanOrEqual(now - 1000);
    const taken = await failureOf(nest.tasks.claim({ id: task.id, instance_id: "instance_2" }));
    expect(taken).toMatchObject({
      status: 409,
      code: "TSK_002",
      message: "409 TSK_002: Task already claimed by another instance",
    });
    const again = await nest.tasks.claim({ id: task.id, instance_id: "instance_1" });
    expect(again).toEqual({ task: claimed.task, message: "Task already claimed by this instance" });
    await expect(nest.tasks.claim({ id: "missing", instance_id: "instance_1" })).rejects.toMatchObject({
      status: 404,
      code: "TSK_001",
    });
    expect((await nest.projects.stats({ id: project.id })).in_progress_tasks).toBe(1);
  });

  it("refuses to claim a blocked or completed task with TSK_002", async () => {
    const { nest, project } = await projectSetup();
    const first = await nest.tasks.create({ project: project.id, title: "First" });
    const then = await nest.tasks.create({ project: project.id, title: "Then", dependencies: [first.id] });
    const blocked = await failureOf(nest.tasks.claim({ id: then.id, instance_id: "i1" }));
    expect(blocked).toMatchObject({ status: 409, code: "TSK_002" });
    expect(blocked!.message).toContain("blocked by dependencies");
    await nest.tasks.claim({ id: first.id, instance_id: "i1" });
    await nest.tasks.complete({ id: first.id, instance_id: "i1", summary: "done" });
    const completed = await failureOf(nest.tasks.claim({ id: first.id, instance_id: "i2" }));
    expect(completed).toMatchObject({ status: 409, code: "TSK_002" });
    expect(completed!.message).toContain("already completed");
    await expect(nest.tasks.claim({ id: then.id, instance_id: "i1" })).resolves.toMatchObject({
      task: { status: "in_progress" },
    });
  });

  it("releases and completes only by the claiming instance (TSK_003)", async () => {
    const { nest, project } = await projectSetup();
    const task = await nest.tasks.create({ project: project.id, title: "Auth" });
    await expect(nest.tasks.release({ id: task.id, instance_id: "i1" })).rejects.toMatchObject({
      status: 403,
      code: "TSK_003",
    });
    await nest.tasks.claim({ id: task.id, instance_id: "i1" });
    await expect(nest.tasks.release({ id: task.id, instance_id: "i2", reason: "mine now" })).rejects.toMatchObject({
      status: 403,
      code: "TSK_003",
    });
    await expect(nest.tasks.complete({ id: task.id, instance_id: "i2", summary: "stolen" })).rejects.toMatchObject({
      status: 403,
      code: "TSK_003",
    });
    const released = await nest.tasks.release({ id: task.id, instance_id: "i1", reason: "Blocked by dependency" });
    expect(released).toMatchObject({
      message: "Task released",
      task: { status: "pending", assigned_to: null, is_claimed: false, claimed_at: null },
    });
    await nest.tasks.claim({ id: task.id, instance_id: "i2" });
    const done = await nest.tasks.complete({
      id: task.id,
      instance_id: "i2",
      summary: "Implemented JWT auth with refresh tokens",
      files_modified: ["auth.php", "User.php"],
    });
    expect(done).toMatchObject({
      message: "Task completed",
      task: {
        status: "completed",
        assigned_to: "i2",
        completion_summary: "Implemented JWT auth with refresh tokens",
        files_modified: ["auth.php", "User.php"],
      },
    });
    expect(done.task.completed_at).not.toBeNull();
    await expect(nest.tasks.complete({ id: task.id, instance_id: "i2", summary: "again" })).rejects.toMatchObject({
      code: "TSK_003",
    });
    await expect(nest.tasks.release({ id: task.id, instance_id: "i2" })).rejects.toMatchObject({ code: "TSK_003" });
    const stats = await nest.projects.stats({ id: project.id });
    expect([stats.completed_tasks, stats.pending_tasks]).toEqual([1, 0]);
  });

  it("releases and completes without an instance_id for whichever instance holds the claim (§7.8, §7.9)", async () => {
    const { nest, project } = await projectSetup();
    const task = await nest.tasks.create({ project: project.id, title: "Auth" });
    await expect(nest.tasks.release({ id: task.id, reason: "nothing to release" })).rejects.toMatchObject({
      status: 403,
      code: "TSK_003",
      message: expect.stringContaining("Task is not claimed"),
    });
    await expect(nest.tasks.complete({ id: task.id, summary: "too early" })).rejects.toMatchObject({
      code: "TSK_003",
    });
    await nest.tasks.claim({ id: task.id, instance_id: "i1" });
    await expect(nest.tasks.release({ id: task.id, reason: "Blocked by dependency" })).resolves.toMatchObject({
      task: { status: "pending", assigned_to: null },
    });
    await nest.tasks.claim({ id: task.id, instance_id: "i2" });
    await expect(
      nest.tasks.complete({ id: task.id, summary: "Done", files_modified: ["auth.php"] }),
    ).resolves.toMatchObject({
      task: { status: "completed", assigned_to: "i2", files_modified: ["auth.php"] },
    });
    const activity = (await nest.projects.activity({ id: project.id, limit: 2 })).reverse();
    expect(activity.map((a) => [a.type, a.instance_id])).toEqual([
      ["task_claimed", "i2"],
      ["task_completed", "i2"],
    ]);
    const instances = await nest.projects.instances({ id: project.id });
    expect(instances.find((i) => i.id === "i2")).toMatchObject({ tasks_completed: 1, current_task_id: null });
  });

  it("keeps each instance's current task and completed count", async () => {
    const { nest, project } = await projectSetup();
    const a = await nest.tasks.create({ project: project.id, title: "A" });
    const b = await nest.tasks.create({ project: project.id, title: "B" });
    await nest.tasks.claim({ id: a.id, instance_id: "i1" });
    server.clock.advance(1000);
    await nest.tasks.claim({ id: b.id, instance_id: "i1" });
    const instance = async () => (await nest.projects.instances({ id: project.id })).find((i) => i.id === "i1");
    expect(await instance()).toMatchObject({ status: "busy", current_task_id: b.id, tasks_completed: 0 });
    await nest.tasks.complete({ id: b.id, instance_id: "i1", summary: "B done" });
    expect(await instance()).toMatchObject({ status: "busy", current_task_id: a.id, tasks_completed: 1 });
    await nest.tasks.complete({ id: a.id, instance_id: "i1", summary: "A done" });
    expect(await instance()).toMatchObject({ status: "idle", current_task_id: null, tasks_completed: 2 });
  });

  it("logs every task action as activity", async () => {
    const { nest, project } = await projectSetup();
    const task = await nest.tasks.create({ project: project.id, title: "Logged", instance_id: "planner" });
    await nest.tasks.update({ id: task.id, priority: "high", instance_id: "planner" });
    await nest.tasks.claim({ id: task.id, instance_id: "i1" });
    await nest.tasks.release({ id: task.id, instance_id: "i1", reason: "lunch" });
    await nest.tasks.claim({ id: task.id, instance_id: "i2" });
    await nest.tasks.complete({ id: task.id, instance_id: "i2", summary: "done", files_modified: ["x.ts"] });
    await nest.tasks.remove({ id: task.id, instance_id: "planner" });
    const activity = (await nest.projects.activity({ id: project.id })).reverse().slice(1);
    expect(activity.map((a) => [a.type, a.instance_id])).toEqual([
      ["task_created", "planner"],
      ["task_updated", "planner"],
      ["task_claimed", "i1"],
      ["task_released", "i1"],
      ["task_claimed", "i2"],
      ["task_completed", "i2"],
      ["task_deleted", "planner"],
    ]);
    // §6.8 names the task in every task activity by `task_id` and `task_title`.
    for (const entry of activity) expect(entry.details).toMatchObject({ task_id: task.id, task_title: "Logged" });
    expect(activity[1]!.details).toMatchObject({ task_id: task.id, fields: ["priority"] });
    expect(activity[3]!.details).toMatchObject({ task_id: task.id, reason: "lunch" });
    expect(activity[5]!.details).toMatchObject({ summary: "done", files_modified: ["x.ts"] });
    const instances = await nest.projects.instances({ id: project.id });
    expect(instances.map((i) => i.id).sort()).toEqual(["i1", "i2", "planner"]);
  });

  it("publishes claimed, released and completed after the change is committed", async () => {
    const { nest, project } = await projectSetup();
    const task = await nest.tasks.create({ project: project.id, title: "Watched" });
    const seen: { event: string; data: unknown; inTransaction: boolean }[] = [];
    server.events.subscribe(`private-project.${project.id}`, (event, data) =>
      seen.push({ event, data, inTransaction: server.db.sqlite.isTransaction }),
    );
    const claimed = await nest.tasks.claim({ id: task.id, instance_id: "i1" });
    await nest.tasks.claim({ id: task.id, instance_id: "i1" });
    await expect(nest.tasks.claim({ id: task.id, instance_id: "i2" })).rejects.toMatchObject({ code: "TSK_002" });
    const released = await nest.tasks.release({ id: task.id, instance_id: "i1", reason: "Blocked by dependency" });
    await nest.tasks.claim({ id: task.id, instance_id: "i2" });
    const reclaimed = await nest.tasks.get({ id: task.id });
    await nest.tasks.release({ id: task.id, instance_id: "i2" });
    await nest.tasks.claim({ id: task.id, instance_id: "i2" });
    const completed = await nest.tasks.complete({ id: task.id, instance_id: "i2", summary: "All done" });
    expect(seen.map((s) => s.event)).toEqual([
      "task:claimed",
      "task:released",
      "task:claimed",
      "task:released",
      "task:claimed",
      "task:completed",
    ]);
    expect(seen.every((s) => !s.inTransaction)).toBe(true);
    expect(seen[0]!.data).toEqual({ task: claimed.task, instanceId: "i1" });
    expect(seen[1]!.data).toEqual({ task: released.task, reason: "Blocked by dependency" });
    expect(seen[2]!.data).toEqual({ task: reclaimed, instanceId: "i2" });
    expect(seen[3]!.data).toMatchObject({ reason: null, task: { status: "pending" } });
    expect(seen[5]!.data).toEqual({ task: completed.task, summary: "All done" });
  });
});

describe("tasks: claim timeout", () => {
  it("releases a claim older than settings.taskTimeoutMinutes when the task is next read", async () => {
    server.clock.freeze();
    const { nest, project } = await projectSetup({ taskTimeoutMinutes: 5 });
    const task = await nest.tasks.create({ project: project.id, title: "Slow" });
    const seen: { event: string; data: unknown }[] = [];
    server.events.subscribe(`private-project.${project.id}`, (event, data) => seen.push({ event, data }));
    await nest.tasks.claim({ id: task.id, instance_id: "i1" });
    server.clock.advance(5 * MINUTE - 1);
    expect((await nest.tasks.get({ id: task.id })).assigned_to).toBe("i1");
    server.clock.advance(1);
    const expired = await nest.tasks.get({ id: task.id });
    expect(expired).toMatchObject({ status: "pending", assigned_to: null, claimed_at: null });
    expect(seen.at(-1)).toEqual({
      event: "task:released",
      data: { task: expired, reason: "Claim timed out after 5 minutes" },
    });
    const [activity] = await nest.projects.activity({ id: project.id, limit: 1 });
    expect(activity).toMatchObject({ type: "task_released", instance_id: "i1", details: { timed_out: true } });
    await expect(nest.tasks.complete({ id: task.id, instance_id: "i1", summary: "late" })).rejects.toMatchObject({
      code: "TSK_003",
    });
    const instance = (await nest.projects.instances({ id: project.id })).find((i) => i.id === "i1");
    expect(instance).toMatchObject({ current_task_id: null, status: "idle" });
    await expect(nest.tasks.claim({ id: task.id, instance_id: "i2" })).resolves.toMatchObject({
      task: { assigned_to: "i2" },
    });
  });

  it("defaults to 60 minutes and expires through list and next-available too", async () => {
    const { nest, project } = await projectSetup();
    const task = await nest.tasks.create({ project: project.id, title: "Slow" });
    await nest.tasks.claim({ id: task.id, instance_id: "i1" });
    server.clock.advance(59 * MINUTE);
    expect(await nest.tasks.nextAvailable({ project: project.id })).toBeNull();
    server.clock.advance(MINUTE);
    expect((await nest.tasks.nextAvailable({ project: project.id }))?.id).toBe(task.id);
    await nest.tasks.claim({ id: task.id, instance_id: "i2" });
    server.clock.advance(60 * MINUTE);
    expect((await nest.tasks.list({ project: project.id }))[0]).toMatchObject({ status: "pending" });
  });
});

describe("tasks: concurrency", () => {
  it("of 50 concurrent claims of one task exactly one wins; the others get TSK_002", async () => {
    const { nest, project } = await projectSetup();
    const task = await nest.tasks.create({ project: project.id, title: "Contended" });
    const seen: unknown[] = [];
    server.events.subscribe(`private-project.${project.id}`, (event) => seen.push(event));
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => nest.tasks.claim({ id: task.id, instance_id: `instance_${i}` })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    expect(lost.every((r) => (r.reason as { code: string }).code === "TSK_002")).toBe(true);
    const winner = (won[0] as PromiseFulfilledResult<{ task: Task }>).value.task.assigned_to;
    expect((await nest.tasks.get({ id: task.id })).assigned_to).toBe(winner);
    expect(seen).toEqual(["task:claimed"]);
  });

  // About 16,000 requests: most rounds, seven of the eight claimers lose the race for the same task.
  it("8 claimers looping over next-available and claim take 1,000 tasks, none twice", {
    timeout: 120_000,
  }, async () => {
    const { nest, token, project } = await projectSetup();
    const priorities = ["low", "medium", "high", "critical"] as const;
    const ids: string[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const made = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          nest.tasks.create({ project: project.id, title: `T${batch * 50 + i}`, priority: priorities[i % 4] }),
        ),
      );
      ids.push(...made.map((t) => t.id));
    }
    const claimedBy = new Map<string, string[]>();
    const claimer = async (client: ClaudeNest, instance: string) => {
      for (;;) {
        const next = await client.tasks.nextAvailable({ project: project.id });
        if (!next) return;
        try {
          const { task } = await client.tasks.claim({ id: next.id, instance_id: instance });
          claimedBy.set(task.id, [...(claimedBy.get(task.id) ?? []), instance]);
        } catch (error) {
          if ((error as { code?: string }).code !== "TSK_002") throw error;
        }
      }
    };
    // Response validation is covered elsewhere; here it would only slow the race down.
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => claimer(clientFor(server, token, { validate: undefined }), `c${i}`)),
    );
    expect(claimedBy.size).toBe(1000);
    expect([...claimedBy.values()].every((holders) => holders.length === 1)).toBe(true);
    expect(new Set(claimedBy.keys())).toEqual(new Set(ids));
    const stats = await nest.projects.stats({ id: project.id });
    expect([stats.in_progress_tasks, stats.pending_tasks]).toEqual([1000, 0]);
  });
});
