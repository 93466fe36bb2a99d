/**
 * MCP servers of a machine whose agent is connected run on the agent's machine. The agent is a fake built on the
 * SDK's agent client, answering as ClaudeNest's agent does (QrCommunication/claudenest,
 * `packages/agent/src/handlers/config-handler.ts`).
 */
import { describe, expect, it } from "vitest";
import { agentTestServer } from "../testing/fake-agent.ts";
import { newUser } from "../testing/test-support.ts";

// No exec allow-list: server-lite itself could run no MCP server, so whatever runs, runs on the agent.
const world = agentTestServer();

async function setup() {
  const user = await newUser(world.server, "alice");
  const { machine, token } = await user.nest.machines.register({ name: "box", platform: "linux", hostname: "box" });
  const agent = await world.connect({ id: machine.id, token });
  await user.nest.mcp.add({ machine: machine.id, name: "search", command: "search-server", args: ["--fast"] });
  return { user, machine, agent };
}

describe("MCP servers on the agent's machine", () => {
  // config-handler.ts handleStartMCP: `mcp:start {name}` answered `mcp:status {name, status, tools: names}`;
  // handleStopMCP answers `mcp:status {name, status: 'stopped'}`.
  it("starts and stops them through the agent and shows what the agent reports", async () => {
    const { user, machine, agent } = await setup();
    agent.connection.handle("mcp:start", ({ name }) => {
      agent.connection.send("mcp:status", { name, status: "running", tools: ["lookup", "index"] });
    });
    agent.connection.handle("mcp:stop", ({ name }) => {
      agent.connection.send("mcp:status", { name, status: "stopped" });
    });
    const started = await user.nest.mcp.start({ machine: machine.id, name: "search" });
    expect(started.status).toBe("running");
    expect((await user.nest.mcp.tools({ machine: machine.id, name: "search" })).map((tool) => tool.name)).toEqual([
      "lookup",
      "index",
    ]);
    expect(agent.frames.find((frame) => frame.type === "mcp:start")?.payload).toEqual({ name: "search" });
    const stopped = await user.nest.mcp.stop({ machine: machine.id, name: "search" });
    expect(stopped.status).toBe("stopped");
  });

  // config-handler.ts handleCallMCPTool: `mcp:call_tool {server, tool, args}` answered
  // `mcp:tool_result {server, tool, result}`.
  it("calls a tool through the agent", async () => {
    const { user, machine, agent } = await setup();
    agent.connection.handle("mcp:start", ({ name }) => {
      agent.connection.send("mcp:status", { name, status: "running", tools: ["lookup"] });
    });
    agent.connection.handle("mcp:call_tool", ({ server: name, tool, args }) => {
      const text = `${tool}(${JSON.stringify(args)}) on ${name}`;
      agent.connection.send("mcp:tool_result", { server: name, tool, result: { content: [{ type: "text", text }] } });
    });
    await user.nest.mcp.start({ machine: machine.id, name: "search" });
    const result = await user.nest.mcp.execute({
      machine: machine.id,
      name: "search",
      tool: "lookup",
      parameters: { q: "agents" },
    });
    expect(result).toEqual({ content: 'lookup({"q":"agents"}) on search', mimeType: "text/plain" });
  });

  // config-handler.ts: a failed start answers `error {originalType: 'mcp:start', name, message}`, a failed tool call
  // `error {originalType: 'mcp:call_tool', server, tool, message}`.
  it("answers MCP_002 when the agent cannot start it, and MCP_003 when a tool call fails there", async () => {
    const { user, machine, agent } = await setup();
    agent.connection.handle("mcp:start", ({ name }) => {
      agent.connection.send("error", { originalType: "mcp:start", name, message: `spawn ${name} ENOENT` });
    });
    await expect(user.nest.mcp.start({ machine: machine.id, name: "search" })).rejects.toMatchObject({
      code: "MCP_002",
      message: expect.stringContaining("spawn search ENOENT"),
    });
    expect(await user.nest.mcp.get({ machine: machine.id, name: "search" })).toMatchObject({ status: "error" });

    agent.connection.send("mcp:status", { name: "search", status: "running", tools: ["lookup"] });
    await expect
      .poll(async () => (await user.nest.mcp.get({ machine: machine.id, name: "search" })).status)
      .toBe("running");
    agent.connection.handle("mcp:call_tool", ({ server: name, tool }) => {
      agent.connection.send("error", { originalType: "mcp:call_tool", server: name, tool, message: "index locked" });
    });
    await expect(user.nest.mcp.execute({ machine: machine.id, name: "search", tool: "lookup" })).rejects.toMatchObject({
      code: "MCP_003",
      message: expect.stringContaining("index locked"),
    });
  });
});
