/**
 * The project calls of ClaudeNest's agent's context client (QrCommunication/claudenest
 * `packages/agent/src/context/client.ts`), made as the agent makes them: its camelCase project context update and
 * its reading of a project's tasks. Each expectation quotes the agent's code it follows.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LiteServer } from "../../../index.ts";
import { agentCall, agentWorld } from "../testing/agent-rest.ts";
import { startServer } from "../testing/test-support.ts";

let server: LiteServer;

beforeEach(async () => {
  server = await startServer();
});

afterEach(async () => {
  await server.close();
});

describe("the project context the agent updates", () => {
  // client.ts 156-171: updateProjectContext PATCHes `/projects/{id}` with `Partial<Omit<ProjectContext,
  // 'projectId'>>`, the camelCase keys of types/index.ts 309-318 (summary, architecture, conventions, currentFocus,
  // recentChanges, totalTokens, maxTokens), and reads `response.data` back as the project's context.
  it("stores its camelCase fields as the document's", async () => {
    const { owner, agent, project } = await agentWorld(server);
    const updated = await agentCall(server, agent, "PATCH", `/projects/${project.id}`, {
      summary: "A compiler",
      currentFocus: "The parser",
      recentChanges: "Added the lexer",
      totalTokens: 1234,
      maxTokens: 50_000,
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({
      id: project.id,
      summary: "A compiler",
      current_focus: "The parser",
      recent_changes: "Added the lexer",
      settings: { maxContextTokens: 50_000 },
    });
    expect(await owner.nest.projects.stats({ id: project.id })).toMatchObject({ max_tokens: 50_000 });

    const cleared = await agentCall(server, agent, "PATCH", `/projects/${project.id}`, { currentFocus: null });
    expect(cleared.body.data).toMatchObject({ current_focus: null, recent_changes: "Added the lexer" });
  });

  it("still takes the document's body, and refuses a wrong value or a mix of both with VAL_001", async () => {
    const { owner, agent, project } = await agentWorld(server);
    const documented = await owner.nest.projects.update({ id: project.id, name: "compiler", current_focus: "Lexer" });
    expect(documented).toMatchObject({ name: "compiler", current_focus: "Lexer" });

    const refusals = [{ currentFocus: 42 }, { maxTokens: 10 }, { name: "x", recentChanges: "y" }];
    for (const body of refusals) {
      const refused = await agentCall(server, agent, "PATCH", `/projects/${project.id}`, body);
      expect([body, refused.status, refused.body.error?.code]).toEqual([body, 422, "VAL_001"]);
    }
    expect(await owner.nest.projects.get({ id: project.id })).toMatchObject({
      name: "compiler",
      current_focus: "Lexer",
      recent_changes: null,
      settings: {},
    });
  });
});

describe("the tasks the agent reads", () => {
  // client.ts 181-190: getTasks GETs `/projects/{id}/tasks` and reads `response.data as Task[]`, caching each by
  // `task.id`: the list is `data` itself, as §7.1 shows and ClaudeNest's own server answers it
  // (`TaskController::index`: `data` the tasks, `meta.pagination` the page).
  it("answers the tasks as an array in data", async () => {
    const { owner, agent, project } = await agentWorld(server);
    const first = await owner.nest.tasks.create({ project: project.id, title: "Lexer" });
    const second = await owner.nest.tasks.create({ project: project.id, title: "Parser" });
    const read = await agentCall(server, agent, "GET", `/projects/${project.id}/tasks`);
    expect(read.status).toBe(200);
    expect(Array.isArray(read.body.data)).toBe(true);
    expect(read.body.data.map((task: { id: string }) => task.id)).toEqual([first.id, second.id]);
    expect(read.body.data[0]).toMatchObject({ project_id: project.id, title: "Lexer", status: "pending" });
  });
});
