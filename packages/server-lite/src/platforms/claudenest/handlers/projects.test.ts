import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LiteServer } from "../../../server.ts";
import { newUser, onlineMachine, startServer } from "../testing/test-support.ts";

let server: LiteServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

async function projectSetup() {
  const { nest } = await newUser(server);
  const machine = await onlineMachine(server, nest);
  const project = await nest.projects.create({
    machine: machine.id,
    name: "Web app",
    project_path: "/srv/app",
    summary: "A web application",
    settings: { maxContextTokens: 1000 },
  });
  return { nest, machine, project };
}

describe("projects", () => {
  it("creates, lists, gets, updates and deletes", async () => {
    const { nest, machine, project } = await projectSetup();
    expect(project).toMatchObject({
      name: "Web app",
      machine_id: machine.id,
      pending_tasks_count: 0,
      settings: { maxContextTokens: 1000 },
    });
    expect(await nest.projects.list({ machine: machine.id })).toEqual([
      expect.objectContaining({ id: project.id, summary: "A web application" }),
    ]);
    const updated = await nest.projects.update({ id: project.id, current_focus: "Auth", recent_changes: "JWT" });
    expect(updated).toMatchObject({ current_focus: "Auth", recent_changes: "JWT", summary: "A web application" });
    expect((await nest.projects.get({ id: project.id })).current_focus).toBe("Auth");
    expect(await nest.projects.remove({ id: project.id })).toBeNull();
    await expect(nest.projects.get({ id: project.id })).rejects.toMatchObject({ status: 404, code: "PRJ_001" });
  });

  it("refuses a duplicate path on the same machine with PRJ_002, but not on another machine", async () => {
    const { nest, machine } = await projectSetup();
    await expect(
      nest.projects.create({ machine: machine.id, name: "Again", project_path: "/srv/app" }),
    ).rejects.toMatchObject({
      status: 409,
      code: "PRJ_002",
    });
    const other = await onlineMachine(server, nest);
    await expect(
      nest.projects.create({ machine: other.id, name: "Same path", project_path: "/srv/app" }),
    ).resolves.toMatchObject({
      project_path: "/srv/app",
    });
  });

  it("keeps projects private to their user and their machine's token", async () => {
    const { nest, machine, project } = await projectSetup();
    const stranger = await newUser(server, "stranger");
    await expect(stranger.nest.projects.get({ id: project.id })).rejects.toMatchObject({ code: "PRJ_001" });
    await expect(stranger.nest.projects.list({ machine: machine.id })).rejects.toMatchObject({ code: "MCH_001" });
    await expect(machine.agent.projects.get({ id: project.id })).resolves.toMatchObject({ id: project.id });
    const otherMachine = await onlineMachine(server, nest);
    await expect(otherMachine.agent.projects.get({ id: project.id })).rejects.toMatchObject({ code: "PRJ_001" });
    await expect(machine.agent.projects.remove({ id: project.id })).rejects.toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
  });

  it("validates bodies with VAL_001 field errors", async () => {
    const { nest, machine } = await projectSetup();
    const error = await nest.projects.create({ machine: machine.id, name: "", project_path: "" }).then(
      () => undefined,
      (e: unknown) => e as { status: number; code: string; fieldErrors: Record<string, string[]> },
    );
    expect(error).toMatchObject({ status: 422, code: "VAL_001" });
    expect(Object.keys(error!.fieldErrors)).toEqual(expect.arrayContaining(["name", "project_path"]));
  });

  it("computes stats from the real tasks, locks, instances and context", async () => {
    const { nest, project } = await projectSetup();
    const db = server.db;
    const now = server.clock.now();
    db.run(
      "INSERT INTO cn_tasks (id, project_id, title, priority, status, created_at, updated_at) VALUES ('t1', ?, 'a', 'high', 'pending', '', ''), ('t2', ?, 'b', 'low', 'in_progress', '', ''), ('t3', ?, 'c', 'low', 'completed', '', '')",
      project.id,
      project.id,
      project.id,
    );
    db.run(
      "INSERT INTO cn_locks (project_id, path, locked_by, locked_at, expires_at) VALUES (?, 'a.ts', 'i1', ?, ?), (?, 'b.ts', 'i1', ?, ?)",
      project.id,
      now,
      now + 60_000,
      project.id,
      now,
      now - 1,
    );
    db.run(
      "INSERT INTO cn_instances (project_id, id, first_seen_at, last_seen_at) VALUES (?, 'i1', ?, ?)",
      project.id,
      now,
      now,
    );
    db.run(
      "INSERT INTO cn_context_chunks (id, project_id, content, type, instance_id, created_at) VALUES ('c1', ?, ?, 'decision', 'i1', '')",
      project.id,
      "x".repeat(400),
    );
    const stats = await nest.projects.stats({ id: project.id });
    // 100 tokens of chunk + 5 of the summary "A web application" (17 chars) = 105 of 1000.
    expect(stats).toEqual({
      total_tokens: 105,
      max_tokens: 1000,
      token_usage_percent: 10.5,
      active_instances: 1,
      total_tasks: 3,
      completed_tasks: 1,
      pending_tasks: 1,
      in_progress_tasks: 1,
      active_locks: 1,
    });
    const [instance] = await nest.projects.instances({ id: project.id });
    expect(instance).toMatchObject({
      id: "i1",
      status: "idle",
      context_usage: 10,
      tasks_completed: 0,
      current_task_id: null,
    });
    server.clock.advance(11 * 60_000);
    expect(await nest.projects.instances({ id: project.id })).toEqual([]);
    expect((await nest.projects.stats({ id: project.id })).active_instances).toBe(0);
  });

  it("logs activity newest first, honouring limit", async () => {
    const { nest, project } = await projectSetup();
    await nest.projects.update({ id: project.id, summary: "changed" });
    const activity = await nest.projects.activity({ id: project.id });
    expect(activity.map((a) => a.type)).toEqual(["project_updated", "project_created"]);
    expect(activity[0]!.details).toEqual({ fields: ["summary"] });
    expect(await nest.projects.activity({ id: project.id, limit: 1 })).toHaveLength(1);
    await expect(nest.projects.activity({ id: project.id, limit: 0 })).rejects.toMatchObject({ code: "VAL_001" });
  });

  it("broadcasts to the active instances and publishes the message", async () => {
    const { nest, project } = await projectSetup();
    const now = server.clock.now();
    server.db.run(
      "INSERT INTO cn_instances (project_id, id, first_seen_at, last_seen_at) VALUES (?, 'i1', ?, ?), (?, 'i2', ?, ?)",
      project.id,
      now,
      now,
      project.id,
      now,
      now,
    );
    const seen: unknown[] = [];
    server.events.subscribe(`private-project.${project.id}`, (event, data) => seen.push({ event, data }));
    const all = await nest.projects.broadcast({
      id: project.id,
      type: "announcement",
      content: "Restarting in 5 minutes",
    });
    expect(all).toMatchObject({ target: "all", recipients: ["i1", "i2"], content: "Restarting in 5 minutes" });
    expect(seen).toEqual([{ event: "project:broadcast", data: all }]);
    expect(
      (await nest.projects.broadcast({ id: project.id, type: "note", content: "hi", target: "i2" })).recipients,
    ).toEqual(["i2"]);
    expect(
      (await nest.projects.broadcast({ id: project.id, type: "note", content: "hi", target: "nobody" })).recipients,
    ).toEqual([]);
    const activity = await nest.projects.activity({ id: project.id, limit: 3 });
    expect(activity.every((a) => a.type === "broadcast")).toBe(true);
  });
});
