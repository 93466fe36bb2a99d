/**
 * The REST bodies ClaudeNest's agent sends with its machine token, where they differ from the document's: its context
 * client (QrCommunication/claudenest `packages/agent/src/context/client.ts`) and its command sync
 * (`src/sync/service.ts`, `src/api/client.ts`). Each expectation quotes the agent's code it follows.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LiteServer } from "../../../index.ts";
import { agentCall, agentWorld } from "../testing/agent-rest.ts";
import { newUser, startServer } from "../testing/test-support.ts";

let server: LiteServer;

beforeEach(async () => {
  server = await startServer();
  server.clock.freeze();
});

afterEach(async () => {
  await server.close();
});

const world = () => agentWorld(server);

describe("commands the agent syncs", () => {
  // sync/service.ts 131-145: `{name, description, category, source}` per command, POSTed by api/client.ts 119-120
  // to `/machines/{id}/commands/bulk` as `{commands}` (CommandSyncPayload, api/client.ts 176-183).
  it("are stored as slash commands, and skipped when synced again", async () => {
    const { owner, agent } = await world();
    const commands = [
      { name: "review", description: "Review the diff", category: "command", source: "claude-commands" },
      { name: "team/deploy", description: "", category: "ops", source: "Deploy skill" },
    ];
    const first = await agentCall(server, agent, "POST", `/machines/${agent.id}/commands/bulk`, { commands });
    expect(first).toMatchObject({ status: 200, body: { success: true, data: { registered: 2, skipped: 0 } } });
    const again = await agentCall(server, agent, "POST", `/machines/${agent.id}/commands/bulk`, { commands });
    expect(again.body.data).toEqual({ registered: 0, skipped: 2 });

    const stored = await owner.nest.commands.list({ machine: agent.id });
    expect(
      stored.map(({ name, type, command, description, category }) => ({ name, type, command, description, category })),
    ).toEqual([
      { name: "review", type: "slash", command: "/review", description: "Review the diff", category: "command" },
      { name: "team/deploy", type: "slash", command: "/team/deploy", description: null, category: "ops" },
    ]);
  });

  it("mix with the document's items, and a wrong item of either shape is told so", async () => {
    const { agent } = await world();
    const mixed = await agentCall(server, agent, "POST", `/machines/${agent.id}/commands/bulk`, {
      commands: [
        { name: "test", type: "npm", command: "npm test" },
        { name: "lint", description: "Lint", category: "command", source: "claude-commands" },
      ],
    });
    expect(mixed.body.data).toEqual({ registered: 2, skipped: 0 });
    const wrong = await agentCall(server, agent, "POST", `/machines/${agent.id}/commands/bulk`, {
      commands: [{ name: "build", type: "", command: "make" }],
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error?.code).toBe("VAL_001");
    // The item is plainly the document's (the agent's takes no type): its wrong field is named.
    expect(wrong.body.error?.errors).toEqual({ "commands.0.type": [expect.stringContaining("Too small")] });
    const neither = await agentCall(server, agent, "POST", `/machines/${agent.id}/commands/bulk`, {
      commands: [{ name: "deploy", category: "ops" }],
    });
    expect(neither.body.error?.errors?.["commands.0"]?.[0]).toMatch(/\{name, category, source\}.*source: required/);
  });
});

describe("tasks the agent claims and completes", () => {
  // client.ts 203-210: claimTask POSTs `{assigned_to: instanceId}` (the agent's instance id is its machine id,
  // agent.ts 374-379) and reads `response.data as Task`; completeTask (226-239) POSTs `{completion_summary,
  // files_modified}` and reads the task the same way.
  it("claims with assigned_to and completes with completion_summary", async () => {
    const { owner, agent, project } = await world();
    const task = await owner.nest.tasks.create({ project: project.id, title: "Write the parser" });
    const claimed = await agentCall(server, agent, "POST", `/tasks/${task.id}/claim`, { assigned_to: agent.id });
    expect(claimed.status).toBe(200);
    expect(claimed.body.data).toMatchObject({ id: task.id, status: "in_progress", assigned_to: agent.id });

    const completed = await agentCall(server, agent, "POST", `/tasks/${task.id}/complete`, {
      completion_summary: "Parser written",
      files_modified: ["src/parser.ts"],
    });
    expect(completed.status).toBe(200);
    expect(completed.body.data).toMatchObject({ id: task.id, status: "completed" });
    expect(await owner.nest.tasks.get({ id: task.id })).toMatchObject({
      status: "completed",
      assigned_to: agent.id,
      completion_summary: "Parser written",
      files_modified: ["src/parser.ts"],
    });
  });

  it("refuses a claim of another instance's task with TSK_002, and a body of neither shape with VAL_001", async () => {
    const { owner, agent, project } = await world();
    const task = await owner.nest.tasks.create({ project: project.id, title: "Review" });
    await owner.nest.tasks.claim({ id: task.id, instance_id: "claude-1" });
    const taken = await agentCall(server, agent, "POST", `/tasks/${task.id}/claim`, { assigned_to: agent.id });
    expect(taken).toMatchObject({ status: 409, body: { error: { code: "TSK_002" } } });
    const neither = await agentCall(server, agent, "POST", `/tasks/${task.id}/claim`, { owner: agent.id });
    expect(neither).toMatchObject({ status: 422, body: { error: { code: "VAL_001" } } });
    expect(neither.body.error?.errors?.body?.[0]).toContain("{assigned_to}");
  });
});

describe("files the agent locks and unlocks", () => {
  // client.ts 283-300: lockFile POSTs `{path, locked_by, reason, expires_at}`, expires_at 30 minutes ahead by default;
  // unlockFile (318-323) DELETEs `/projects/{id}/locks/${encodeURIComponent(filePath)}`.
  it("locks until expires_at and unlocks by the encoded path", async () => {
    const { owner, agent, project } = await world();
    const expiresAt = new Date(server.clock.now() + 30 * 60_000).toISOString();
    const locked = await agentCall(server, agent, "POST", `/projects/${project.id}/locks`, {
      path: "src/parser.ts",
      locked_by: agent.id,
      reason: "Editing",
      expires_at: expiresAt,
    });
    expect(locked.status).toBe(201);
    expect(await owner.nest.locks.list({ project: project.id })).toEqual([
      expect.objectContaining({
        path: "src/parser.ts",
        locked_by: agent.id,
        reason: "Editing",
        remaining_seconds: 1800,
      }),
    ]);

    const unlocked = await agentCall(
      server,
      agent,
      "DELETE",
      `/projects/${project.id}/locks/${encodeURIComponent("src/parser.ts")}`,
    );
    expect(unlocked.body.data).toEqual({ path: "src/parser.ts", released: true, locked_by: agent.id });
    expect(await owner.nest.locks.list({ project: project.id })).toEqual([]);
    const again = await agentCall(server, agent, "DELETE", `/projects/${project.id}/locks/src/parser.ts`);
    expect(again.body.data).toEqual({ path: "src/parser.ts", released: false, locked_by: null });
  });

  it("refuses an expiry in the past, and another instance's lock; the owner frees any", async () => {
    const { owner, agent, project } = await world();
    const past = await agentCall(server, agent, "POST", `/projects/${project.id}/locks`, {
      path: "a.ts",
      locked_by: agent.id,
      expires_at: new Date(server.clock.now() - 1000).toISOString(),
    });
    expect(past).toMatchObject({
      status: 422,
      body: { error: { code: "VAL_001", errors: { expires_at: [expect.any(String)] } } },
    });

    await owner.nest.locks.acquire({ project: project.id, path: "b.ts", instance_id: "claude-1" });
    const other = await agentCall(server, agent, "DELETE", `/projects/${project.id}/locks/b.ts`);
    expect(other).toMatchObject({ status: 409, body: { error: { code: "LCK_001" } } });
    expect(await owner.nest.locks.remove({ project: project.id, path: "b.ts" })).toEqual({
      path: "b.ts",
      released: true,
      locked_by: "claude-1",
    });
  });
});

describe("the agent's broadcasts and context", () => {
  // client.ts 345-352: broadcast POSTs `{message, instance_id}`.
  it("broadcasts a message as its instance, to the other active instances", async () => {
    const { owner, agent, project } = await world();
    await owner.nest.locks.acquire({ project: project.id, path: "x.ts", instance_id: "claude-1" });
    const sent = await agentCall(server, agent, "POST", `/projects/${project.id}/broadcast`, {
      message: "Parser is done",
      instance_id: agent.id,
    });
    expect(sent.status).toBe(201);
    expect(sent.body.data).toMatchObject({
      type: "info",
      content: "Parser is done",
      target: "all",
      recipients: ["claude-1"],
    });
    const chunks = await owner.nest.context.listChunks({ project: project.id, type: "broadcast" });
    expect(chunks).toEqual([expect.objectContaining({ content: "Parser is done", instance_id: agent.id })]);
  });

  // client.ts 70-84: queryContext POSTs `{query, limit, type, instance_id}` to `/projects/{id}/context` and reads
  // `response.data as ContextChunk[]`.
  it("searches the project's chunks, or lists the newest for a blank query", async () => {
    const { owner, agent, project } = await world();
    await owner.nest.context.addChunk({
      project: project.id,
      content: "The parser uses Pratt parsing.",
      type: "decision",
    });
    await owner.nest.context.addChunk({
      project: project.id,
      content: "Deploys go through CI.",
      type: "context_update",
    });
    const search = (body: unknown) => agentCall(server, agent, "POST", `/projects/${project.id}/context`, body);

    const found = await search({ query: "parser", limit: 10, instance_id: agent.id });
    expect(found.status).toBe(200);
    expect(found.body.data.map((c: { content: string }) => c.content)).toEqual(["The parser uses Pratt parsing."]);
    const newest = await search({ query: "", limit: 1 });
    expect(newest.body.data.map((c: { content: string }) => c.content)).toEqual(["Deploys go through CI."]);
    const decisions = await search({ query: "", type: "decision" });
    expect(decisions.body.data).toHaveLength(1);

    const stranger = await newUser(server, "bob");
    const theirs = await stranger.nest.machines.register({ name: "b", platform: "linux", hostname: "b" });
    const refused = await agentCall(
      server,
      { id: theirs.machine.id, token: theirs.token },
      "POST",
      `/projects/${project.id}/context`,
      { query: "parser" },
    );
    expect(refused).toMatchObject({ status: 404, body: { error: { code: "PRJ_001" } } });
  });

  // client.ts 378-386: sync POSTs the queued updates as `{updates}`, each a ContextUpdate `{projectId, content, type,
  // files, importanceScore}` (types/index.ts 301-307). completeTask (241-247) queues one with the task's `projectId`,
  // which it reads from a snake_case answer: it arrives without one.
  it("stores a batch of updates, listing those it could not store", async () => {
    const { owner, agent, project } = await world();
    const other = await owner.nest.machines.register({ name: "other", platform: "linux", hostname: "other" });
    const elsewhere = await owner.nest.projects.create({ machine: other.machine.id, name: "x", project_path: "/x" });
    const batch = await agentCall(server, agent, "POST", "/context/batch", {
      updates: [
        { projectId: project.id, content: "Chose SQLite.", type: "decision", files: ["db.ts"], importanceScore: 0.9 },
        { content: "Task completed: Review", type: "task_completion", files: [], importanceScore: 0.8 },
        { projectId: elsewhere.id, content: "Not this machine's.", type: "context_update" },
      ],
    });
    expect(batch.status).toBe(201);
    expect(batch.body.data.created).toHaveLength(1);
    expect(batch.body.data.errors).toEqual([
      { index: 1, error: "The projectId field is required." },
      { index: 2, error: "Project not found or not owned" },
    ]);
    const [chunk] = await owner.nest.context.listChunks({ project: project.id });
    expect(chunk).toMatchObject({
      id: batch.body.data.created[0],
      content: "Chose SQLite.",
      type: "decision",
      files: ["db.ts"],
      importance_score: 0.9,
      expires_at: new Date(server.clock.now() + 30 * 24 * 60 * 60_000).toISOString(),
    });
    expect(await owner.nest.context.listChunks({ project: elsewhere.id })).toEqual([]);
  });
});
