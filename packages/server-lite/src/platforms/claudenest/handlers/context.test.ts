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

async function projectSetup(settings: { maxContextTokens?: number } = {}) {
  const { nest } = await newUser(server);
  const machine = await onlineMachine(server, nest);
  const project = await nest.projects.create({
    machine: machine.id,
    name: "Web app",
    project_path: "/srv/app",
    summary: "A web application",
    settings,
  });
  return { nest, machine, project };
}

const HOUR_MS = 60 * 60 * 1000;

describe("context sections", () => {
  it("answers the sections, a compiled markdown document and the token usage", async () => {
    const { nest, project } = await projectSetup({ maxContextTokens: 1000 });
    const initial = await nest.context.get({ project: project.id });
    expect(initial).toEqual({
      summary: "A web application",
      architecture: null,
      conventions: null,
      current_focus: null,
      recent_changes: null,
      compiled_context: "# Project Summary\nA web application",
      token_usage: { total: 5, max: 1000, percent: 0.5 },
    });

    const updated = await nest.context.update({
      project: project.id,
      architecture: "Laravel API with a Vue SPA",
      current_focus: "Authentication",
    });
    expect(updated.compiled_context).toBe(
      "# Project Summary\nA web application\n\n---\n\n# Architecture\nLaravel API with a Vue SPA\n\n---\n\n# Current Focus\nAuthentication",
    );
    expect(updated).toMatchObject({ architecture: "Laravel API with a Vue SPA", current_focus: "Authentication" });
    // 17 + 26 + 14 characters: 5 + 7 + 4 tokens.
    expect(updated.token_usage).toEqual({ total: 16, max: 1000, percent: 1.6 });
    expect(await nest.context.get({ project: project.id })).toEqual(updated);
    expect((await nest.projects.get({ id: project.id })).current_focus).toBe("Authentication");

    const cleared = await nest.context.update({ project: project.id, summary: null });
    expect(cleared.summary).toBeNull();
    expect(cleared.compiled_context.startsWith("# Architecture\n")).toBe(true);
    const [latest, previous] = await nest.projects.activity({ id: project.id, limit: 2 });
    expect(latest).toMatchObject({ type: "context_updated", details: { fields: ["summary"] } });
    expect(previous).toMatchObject({
      type: "context_updated",
      details: { fields: ["architecture", "current_focus"] },
    });
  });

  it("lists the most important live chunks under Key Context, within the token budget", async () => {
    const { nest, project } = await projectSetup({ maxContextTokens: 1000 });
    await nest.context.addChunk({
      project: project.id,
      content: "Minor note",
      type: "context_update",
      importance_score: 0.1,
    });
    await nest.context.addChunk({
      project: project.id,
      content: "Using JWT for auth",
      type: "decision",
      importance_score: 0.9,
      files: ["auth.php"],
    });
    await nest.context.addChunk({
      project: project.id,
      content: "Huge\n".repeat(900),
      type: "file_change",
      importance_score: 0.5,
    });
    const { compiled_context } = await nest.context.get({ project: project.id });
    // The 4500-character chunk would exceed 1000 tokens, so it is left out; the others follow importance.
    expect(compiled_context).toBe(
      "# Project Summary\nA web application\n\n---\n\n# Key Context\n- [decision] Using JWT for auth (files: auth.php)\n- [context_update] Minor note",
    );
  });
});

describe("context chunks", () => {
  it("adds, lists with filters and pages, and deletes chunks", async () => {
    const { nest, project } = await projectSetup();
    const added = await nest.context
      .addChunk({
        project: project.id,
        content: "Important decision: Using JWT for auth",
        type: "decision",
        instance_id: "instance_1",
        files: ["auth.php"],
        importance_score: 0.9,
      })
      .withResponse();
    expect(added.status).toBe(201);
    expect(added.data).toMatchObject({
      content: "Important decision: Using JWT for auth",
      type: "decision",
      instance_id: "instance_1",
      task_id: null,
      files: ["auth.php"],
      importance_score: 0.9,
      expires_at: null,
    });
    const plain = await nest.context.addChunk({ project: project.id, content: "A note", type: "context_update" });
    expect(plain).toMatchObject({ instance_id: null, files: [], importance_score: 0.5 });
    await nest.context.addChunk({ project: project.id, content: "Third", type: "decision", instance_id: "instance_2" });

    const all = await nest.context.listChunks({ project: project.id });
    expect(all.map((c) => c.content)).toEqual(["Third", "A note", "Important decision: Using JWT for auth"]);
    expect((await nest.context.listChunks({ project: project.id, type: "decision" })).map((c) => c.content)).toEqual([
      "Third",
      "Important decision: Using JWT for auth",
    ]);
    expect(
      (await nest.context.listChunks({ project: project.id, instance_id: "instance_1" })).map((c) => c.id),
    ).toEqual([added.data.id]);

    const page = await nest.context.listChunks({ project: project.id, per_page: 2, page: 2 }).withResponse();
    expect(page.data.map((c) => c.content)).toEqual(["Important decision: Using JWT for auth"]);
    expect(page.meta.pagination).toEqual({ page: 2, lastPage: 2, perPage: 2, total: 3 });
    const everything: string[] = [];
    for await (const chunk of nest.context.listChunks({ project: project.id, per_page: 1 })) everything.push(chunk.id);
    expect(everything).toHaveLength(3);

    expect(await nest.context.removeChunk({ project: project.id, chunkId: plain.id })).toBeNull();
    await expect(nest.context.removeChunk({ project: project.id, chunkId: plain.id })).rejects.toMatchObject({
      status: 404,
      code: "CTX_001",
    });
    await expect(nest.context.removeChunk({ project: project.id, chunkId: "nope" })).rejects.toMatchObject({
      code: "CTX_001",
    });
    expect(await nest.context.listChunks({ project: project.id })).toHaveLength(2);
  });

  it("marks the chunk's instance as active on the project", async () => {
    const { nest, project } = await projectSetup();
    await nest.context.addChunk({
      project: project.id,
      content: "x".repeat(400),
      type: "file_change",
      instance_id: "i9",
    });
    expect(await nest.projects.instances({ id: project.id })).toEqual([
      expect.objectContaining({ id: "i9", context_usage: 0.1 }),
    ]);
  });

  it("links a chunk to a task of the project only", async () => {
    const { nest, project } = await projectSetup();
    server.db.run(
      "INSERT INTO cn_tasks (id, project_id, title, priority, created_at, updated_at) VALUES ('task-1', ?, 'Auth', 'high', '', '')",
      project.id,
    );
    const chunk = await nest.context.addChunk({
      project: project.id,
      content: "Done",
      type: "task_completion",
      task_id: "task-1",
    });
    expect(chunk.task_id).toBe("task-1");
    await expect(
      nest.context.addChunk({ project: project.id, content: "Done", type: "task_completion", task_id: "task-2" }),
    ).rejects.toMatchObject({ status: 422, code: "VAL_001", fieldErrors: { task_id: [expect.any(String)] } });
  });

  it("refuses invalid chunks with VAL_001 and writes nothing", async () => {
    const { nest, project } = await projectSetup();
    const invalid: Array<[Record<string, unknown>, string]> = [
      [{ content: "x", type: "gossip" }, "type"],
      [{ content: "   ", type: "decision" }, "content"],
      [{ content: "x", type: "decision", importance_score: 1.5 }, "importance_score"],
      [{ content: "x", type: "decision", expires_at: "tomorrow" }, "expires_at"],
      [{ content: "x", type: "decision", expires_at: new Date(server.clock.now() - 1000).toISOString() }, "expires_at"],
    ];
    for (const [body, field] of invalid) {
      await expect(nest.context.addChunk({ project: project.id, ...body } as never)).rejects.toMatchObject({
        status: 422,
        code: "VAL_001",
        fieldErrors: { [field]: [expect.any(String)] },
      });
    }
    expect(await nest.context.listChunks({ project: project.id })).toEqual([]);
    await expect(nest.context.listChunks({ project: project.id, type: "gossip" as never })).rejects.toMatchObject({
      code: "VAL_001",
    });
  });

  it("hides expired chunks everywhere, by the server clock", async () => {
    const { nest, project } = await projectSetup({ maxContextTokens: 1000 });
    const expiresAt = new Date(server.clock.now() + HOUR_MS).toISOString();
    const fleeting = await nest.context.addChunk({
      project: project.id,
      content: "Temporary JWT secret rotation in progress",
      type: "context_update",
      importance_score: 1,
      expires_at: expiresAt,
    });
    expect(fleeting.expires_at).toBe(expiresAt);
    expect((await nest.context.query({ project: project.id, query: "JWT rotation" })).total_results).toBe(1);
    expect((await nest.context.get({ project: project.id })).compiled_context).toContain("# Key Context");
    const before = (await nest.context.get({ project: project.id })).token_usage.total;

    server.clock.advance(HOUR_MS);
    expect(await nest.context.listChunks({ project: project.id })).toEqual([]);
    expect(await nest.context.query({ project: project.id, query: "JWT rotation" })).toMatchObject({
      results: [],
      total_results: 0,
    });
    const after = await nest.context.get({ project: project.id });
    expect(after.compiled_context).toBe("# Project Summary\nA web application");
    expect(after.token_usage.total).toBeLessThan(before);
    expect(await nest.context.summarize({ project: project.id })).toEqual({
      summary: "",
      chunks_processed: 0,
      tokens_used: 0,
    });
    await expect(nest.context.removeChunk({ project: project.id, chunkId: fleeting.id })).rejects.toMatchObject({
      code: "CTX_001",
    });
  });
});

describe("context query", () => {
  async function seeded() {
    const setup = await projectSetup();
    const add = (content: string, type: "decision" | "file_change" | "context_update", files: string[] = []) =>
      setup.nest.context.addChunk({ project: setup.project.id, content, type, files });
    const jwt = await add(
      "JWT authentication is implemented in the auth middleware; tokens are signed with RS256 and verified on every request.",
      "context_update",
      ["app/Http/Middleware/Authenticate.php"],
    );
    const sessions = await add("Sessions used to authenticate users before we moved to tokens.", "decision");
    const vue = await add("The dashboard is a Vue 3 SPA with Pinia stores.", "context_update", ["resources/js/app.ts"]);
    const migrations = await add("Database migrations run automatically on deploy.", "file_change");
    return { ...setup, jwt, sessions, vue, migrations };
  }

  it("ranks the chunk about JWT authentication first with BM25", async () => {
    const { nest, project, jwt, sessions } = await seeded();
    const answer = await nest.context.query({
      project: project.id,
      query: "How is authentication implemented with JWT?",
    });
    expect(answer.query).toBe("How is authentication implemented with JWT?");
    expect(answer.search_method).toBe("bm25");
    expect(answer.results.map((r) => r.id)).toEqual([jwt.id, sessions.id]);
    expect(answer.total_results).toBe(2);
    const [first, second] = answer.results;
    expect(first).toEqual({
      id: jwt.id,
      content: jwt.content,
      type: "context_update",
      similarity: expect.any(Number),
      files: ["app/Http/Middleware/Authenticate.php"],
      created_at: jwt.created_at,
    });
    expect(first!.similarity).toBeGreaterThan(0.7);
    expect(first!.similarity).toBeLessThanOrEqual(1);
    expect(second!.similarity).toBeLessThan(first!.similarity);
  });

  it("searches the chunks' file paths too", async () => {
    const { nest, project, vue } = await seeded();
    const answer = await nest.context.query({ project: project.id, query: "app.ts" });
    expect(answer.results[0]!.id).toBe(vue.id);
  });

  it("honours min_similarity and limit, counting every match above the threshold", async () => {
    const { nest, project, jwt } = await seeded();
    const query = "How is authentication implemented with JWT?";
    const all = await nest.context.query({ project: project.id, query });
    const threshold = all.results[0]!.similarity;
    const strict = await nest.context.query({ project: project.id, query, min_similarity: threshold });
    expect(strict.results.map((r) => r.id)).toEqual([jwt.id]);
    expect(strict.total_results).toBe(1);
    expect(
      (await nest.context.query({ project: project.id, query, min_similarity: Math.min(1, threshold + 0.01) })).results,
    ).toEqual([]);

    const full = await nest.context.query({ project: project.id, query: "tokens" });
    expect(full.total_results).toBe(2);
    const limited = await nest.context.query({ project: project.id, query: "tokens", limit: 1 });
    expect(limited.results).toEqual([full.results[0]]);
    expect(limited.total_results).toBe(2);
    expect((await nest.context.query({ project: project.id, query: "kubernetes" })).results).toEqual([]);
    await expect(nest.context.query({ project: project.id, query: "x", limit: 0 })).rejects.toMatchObject({
      code: "VAL_001",
    });
    await expect(nest.context.query({ project: project.id, query: "x", min_similarity: 2 })).rejects.toMatchObject({
      code: "VAL_001",
    });
    await expect(nest.context.query({ project: project.id, query: " " })).rejects.toMatchObject({ code: "VAL_001" });
  });

  it("returns at most ten results by default", async () => {
    const { nest, project } = await projectSetup();
    for (let i = 0; i < 12; i++) {
      await nest.context.addChunk({ project: project.id, content: `Cache note ${i}`, type: "context_update" });
    }
    const answer = await nest.context.query({ project: project.id, query: "cache" });
    expect(answer.results).toHaveLength(10);
    expect(answer.total_results).toBe(12);
    // Equal scores: newest first.
    expect(answer.results[0]!.content).toBe("Cache note 11");
  });
});

describe("context summarize", () => {
  it("stores an extractive summary of the recent chunks as a summary chunk", async () => {
    const { nest, project } = await projectSetup();
    const contents = [
      "Moved authentication to JWT tokens. Tokens expire after one hour.",
      "Fixed a typo in the README.",
      "JWT tokens are refreshed by the auth middleware. The login page got a new logo.",
    ];
    await nest.context.addChunk({ project: project.id, content: contents[0]!, type: "decision", files: ["auth.php"] });
    await nest.context.addChunk({
      project: project.id,
      content: contents[1]!,
      type: "file_change",
      importance_score: 0.1,
    });
    await nest.context.addChunk({
      project: project.id,
      content: contents[2]!,
      type: "context_update",
      importance_score: 0.9,
      files: ["middleware.php"],
    });

    const result = await nest.context.summarize({ project: project.id });
    expect(result.chunks_processed).toBe(3);
    expect(result.tokens_used).toBe(contents.reduce((sum, c) => sum + Math.ceil(c.length / 4), 0));
    const lines = result.summary.split("\n");
    expect(lines[0]).toBe("- Moved authentication to JWT tokens.");
    expect(lines).toContain("- JWT tokens are refreshed by the auth middleware.");
    expect(lines.every((line) => contents.some((c) => c.includes(line.slice(2))))).toBe(true);

    const [stored] = await nest.context.listChunks({ project: project.id, type: "summary" });
    expect(stored).toMatchObject({
      content: result.summary,
      type: "summary",
      importance_score: 0.8,
      files: ["auth.php", "middleware.php"],
    });
    const [activity] = await nest.projects.activity({ id: project.id, limit: 1 });
    expect(activity).toMatchObject({
      type: "context_summarized",
      details: { chunk_id: stored!.id, chunks_processed: 3 },
    });

    // A summary is not itself summarized again.
    expect((await nest.context.summarize({ project: project.id })).chunks_processed).toBe(3);
    expect(await nest.context.listChunks({ project: project.id, type: "summary" })).toHaveLength(2);
  });

  it("summarizes the most text it reads: 50 chunks of 100000 characters, a million distinct words", async () => {
    const { nest, project } = await projectSetup();
    // Four-character words ending in a digit: never stop words, never stemmed, so every word is its own term.
    let next = 0;
    const word = () => `${(next++).toString(36).padStart(3, "0")}${next % 10}`;
    for (let chunk = 0; chunk < 50; chunk++) {
      const content = Array.from({ length: 20_000 }, word).join(" ").slice(0, 100_000);
      await nest.context.addChunk({ project: project.id, content, type: "file_change" });
    }
    const result = await nest.context.summarize({ project: project.id });
    expect(result.chunks_processed).toBe(50);
    expect(result.summary.length).toBeGreaterThan(0);
    expect(result.summary.length).toBeLessThanOrEqual(1500);
    // Each chunk is also indexed for search as it is added: a million postings, seconds of work on a busy machine.
  }, 90_000);

  it("answers an empty summary and stores nothing when there is nothing to read", async () => {
    const { nest, project } = await projectSetup();
    expect(await nest.context.summarize({ project: project.id })).toEqual({
      summary: "",
      chunks_processed: 0,
      tokens_used: 0,
    });
    expect(await nest.context.listChunks({ project: project.id })).toEqual([]);
  });
});

describe("context access", () => {
  it("keeps context private to the project's user and machine", async () => {
    const { nest, machine, project } = await projectSetup();
    const chunk = await nest.context.addChunk({ project: project.id, content: "secret", type: "decision" });
    const stranger = await newUser(server, "stranger");
    const calls = (client: typeof nest) => [
      client.context.get({ project: project.id }),
      client.context.update({ project: project.id, summary: "x" }),
      client.context.query({ project: project.id, query: "secret" }),
      client.context.summarize({ project: project.id }),
      client.context.listChunks({ project: project.id }),
      client.context.addChunk({ project: project.id, content: "x", type: "decision" }),
      client.context.removeChunk({ project: project.id, chunkId: chunk.id }),
    ];
    const otherMachine = await onlineMachine(server, nest);
    for (const client of [stranger.nest, otherMachine.agent]) {
      for (const call of calls(client)) await expect(call).rejects.toMatchObject({ status: 404, code: "PRJ_001" });
    }
    await expect(nest.context.get({ project: "missing" })).rejects.toMatchObject({ code: "PRJ_001" });
    // The project's own machine token reaches it.
    expect((await machine.agent.context.query({ project: project.id, query: "secret" })).results).toHaveLength(1);
    expect(await machine.agent.context.removeChunk({ project: project.id, chunkId: chunk.id })).toBeNull();
    expect((await nest.context.get({ project: project.id })).summary).toBe("A web application");
  });
});
