import {
  BadRequestError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  UnprocessableEntityError,
} from "@agentlane/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeRemote, serveJson } from "../testing/fake-remote.ts";
import { type ActusWorld, actusWorld, errorOf } from "../testing/harness.ts";

let w: ActusWorld;
let agent: FakeRemote;
let newer: FakeRemote;
beforeAll(async () => {
  w = await actusWorld();
  agent = await serveJson({
    "/.well-known/agent.json": {
      name: "Researcher",
      description: "Finds things",
      defaultInputModes: ["text", "file"],
      defaultOutputModes: ["text"],
      capabilities: { streaming: true, pushNotifications: false },
    },
  });
  newer = await serveJson({ "/.well-known/agent-card.json": { name: "Writer" } });
});
afterAll(async () => {
  await Promise.all([w.server.close(), agent.close(), newer.close()]);
});

describe("app config", () => {
  it("keeps the LLM api_key write-only and keeps it when sent empty", async () => {
    const before = await w.alice.actus.appConfig.getLlm();
    expect(before).toEqual({
      base_url: "https://api.deepseek.com",
      model_name: "deepseek-reasoner",
      temperature: 0.7,
      max_tokens: 8192,
    });
    const updated = await w.admin.actus.appConfig.updateLlm({
      base_url: "https://llm.example.test/v1",
      api_key: "sk-secret",
      model_name: "m1",
      temperature: 0.2,
      max_tokens: 1000,
    });
    expect(updated).not.toHaveProperty("api_key");
    await w.admin.actus.appConfig.updateLlm({ ...updated, api_key: "" });
    const { readLlm } = await import("../state/config.ts");
    expect(readLlm(w.services).api_key).toBe("sk-secret");
    const raw = await w.server.fetch(
      new Request("http://lite.test/api/app-config/llm", { headers: { authorization: `Bearer ${w.alice.token}` } }),
    );
    expect(await raw.text()).not.toContain("sk-secret");
    expect(await errorOf(w.alice.actus.appConfig.updateLlm({ ...updated }))).toBeInstanceOf(PermissionDeniedError);
  });

  it("reads and updates the agent config", async () => {
    expect(await w.alice.actus.appConfig.getAgent()).toEqual({
      max_iterations: 100,
      max_retries: 3,
      max_search_results: 10,
    });
    await w.admin.actus.appConfig.updateAgent({ max_iterations: 5, max_retries: 1, max_search_results: 3 });
    expect((await w.bob.actus.appConfig.getAgent()).max_iterations).toBe(5);
    expect(
      await errorOf(w.admin.actus.appConfig.updateAgent({ max_iterations: 0, max_retries: 1, max_search_results: 3 })),
    ).toBeInstanceOf(UnprocessableEntityError);
  });

  it("adds MCP servers with transport validation, toggles and deletes them", async () => {
    await w.admin.actus.appConfig.createMcpServers({
      mcpServers: {
        files: { transport: "stdio", command: "npx", args: ["-y", "files-mcp"], tools: ["read", "write"] },
        search: { transport: "sse", url: "https://mcp.example.test/sse", enabled: false },
      },
    });
    expect((await w.alice.actus.appConfig.listMcpServers()).mcp_servers).toEqual([
      { server_name: "files", enabled: true, transport: "stdio", tools: ["read", "write"] },
      { server_name: "search", enabled: false, transport: "sse", tools: [] },
    ]);
    const noUrl = await errorOf(
      w.admin.actus.appConfig.createMcpServers({ mcpServers: { bad: { transport: "streamable_http" } } }),
    );
    expect(noUrl).toBeInstanceOf(UnprocessableEntityError);
    expect(JSON.stringify(noUrl.details)).toContain("url");
    const noCommand = await errorOf(
      w.admin.actus.appConfig.createMcpServers({ mcpServers: { bad: { transport: "stdio" } } }),
    );
    expect(noCommand).toBeInstanceOf(UnprocessableEntityError);
    await w.admin.actus.appConfig.setMcpServerEnabled({ server_name: "search", enabled: true });
    await w.admin.actus.appConfig.deleteMcpServer({ server_name: "files" });
    expect((await w.alice.actus.appConfig.listMcpServers()).mcp_servers).toEqual([
      { server_name: "search", enabled: true, transport: "sse", tools: [] },
    ]);
    expect(await errorOf(w.admin.actus.appConfig.deleteMcpServer({ server_name: "files" }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(
      await errorOf(w.admin.actus.appConfig.setMcpServerEnabled({ server_name: "nope", enabled: true })),
    ).toBeInstanceOf(NotFoundError);
  });

  it("adds A2A servers from their agent card (either name), refuses bad and repeated ones", async () => {
    await w.admin.actus.appConfig.createA2aServer({ base_url: agent.url });
    await w.admin.actus.appConfig.createA2aServer({ base_url: `${newer.url}/` });
    const { a2a_servers } = await w.alice.actus.appConfig.listA2aServers();
    expect(a2a_servers.map(({ id: _id, ...rest }) => rest)).toEqual([
      {
        name: "Researcher",
        description: "Finds things",
        input_modes: ["text", "file"],
        output_modes: ["text"],
        streaming: true,
        push_notifications: false,
        enabled: true,
      },
      {
        name: "Writer",
        description: "",
        input_modes: ["text"],
        output_modes: ["text"],
        streaming: false,
        push_notifications: false,
        enabled: true,
      },
    ]);
    expect(await errorOf(w.admin.actus.appConfig.createA2aServer({ base_url: agent.url }))).toBeInstanceOf(
      ConflictError,
    );
    const nothing = await serveJson({});
    try {
      expect(await errorOf(w.admin.actus.appConfig.createA2aServer({ base_url: nothing.url }))).toBeInstanceOf(
        BadRequestError,
      );
    } finally {
      await nothing.close();
    }
    const id = a2a_servers[1]!.id;
    await w.admin.actus.appConfig.setA2aServerEnabled({ a2a_id: id, enabled: false });
    expect((await w.alice.actus.appConfig.listA2aServers()).a2a_servers[1]?.enabled).toBe(false);
    await w.admin.actus.appConfig.deleteA2aServer({ a2a_id: id });
    expect((await w.alice.actus.appConfig.listA2aServers()).a2a_servers).toHaveLength(1);
    expect(await errorOf(w.admin.actus.appConfig.deleteA2aServer({ a2a_id: id }))).toBeInstanceOf(NotFoundError);
  });

  it("keeps per-user tool preferences, by server name and A2A id", async () => {
    await w.admin.actus.appConfig.createMcpServers({
      mcpServers: { prefs: { command: "prefs-mcp", description: "P" } },
    });
    await w.alice.actus.userTools.setMcpEnabled({ server_name: "prefs", enabled: false });
    const alice = (await w.alice.actus.userTools.listMcp()).tools.find((t) => t.tool_id === "prefs");
    const bob = (await w.bob.actus.userTools.listMcp()).tools.find((t) => t.tool_id === "prefs");
    expect(alice).toEqual({
      tool_id: "prefs",
      tool_name: "prefs",
      description: "P",
      enabled_global: true,
      enabled_user: false,
    });
    expect(bob?.enabled_user).toBe(true);
    const [a2a] = (await w.alice.actus.userTools.listA2a()).tools;
    await w.alice.actus.userTools.setA2aEnabled({ a2a_id: a2a!.tool_id, enabled: false });
    expect((await w.alice.actus.userTools.listA2a()).tools[0]).toMatchObject({
      tool_name: "Researcher",
      enabled_user: false,
    });
    expect(await errorOf(w.alice.actus.userTools.setMcpEnabled({ server_name: "nope", enabled: true }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await errorOf(w.alice.actus.userTools.setA2aEnabled({ a2a_id: "nope", enabled: true }))).toBeInstanceOf(
      NotFoundError,
    );
    // Deleting the server forgets the preference: added again, it is on.
    await w.admin.actus.appConfig.deleteMcpServer({ server_name: "prefs" });
    await w.admin.actus.appConfig.createMcpServers({ mcpServers: { prefs: { command: "prefs-mcp" } } });
    expect((await w.alice.actus.userTools.listMcp()).tools.find((t) => t.tool_id === "prefs")?.enabled_user).toBe(true);
  });
});
