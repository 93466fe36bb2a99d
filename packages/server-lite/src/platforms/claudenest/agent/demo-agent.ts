/**
 * @module
 * The demo machine agent of `agentlane-server --seed --seed-agent`: a ClaudeNest agent for the seeded machine, built
 * on the SDK's `connectAgent()` and connected to this server's `/ws/agent` like any other agent, so the seeded
 * machine is online and its sessions answer. It runs nothing on the host: each session is a tiny line REPL
 * (`demo-repl.ts`) that echoes what is typed (no host shell, whatever `exec` allows); folders are listed and
 * scanned from a small home folder in memory (`demo-files.ts`), never the host's; MCP servers and commands are
 * refused in the agent's own error message, as an agent that has none would answer.
 */
import { connectAgent } from "@agentlane/sdk/claudenest";
import WebSocket from "ws";
import type { SeedAgentHandle, SeedAgentTarget } from "../../../core/platform.ts";
import type { ClaudeNestSeedInfo } from "../seed.ts";
import { browseDemo, scanDemo } from "./demo-files.ts";
import { DemoRepl } from "./demo-repl.ts";

/** A `ws` client that trusts the server's own certificate, when it serves TLS with one. */
function socketClass(ca: string | undefined): unknown {
  if (!ca) return WebSocket;
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[], init?: WebSocket.ClientOptions) {
      super(url, protocols, { ...init, ca });
    }
  };
}

/**
 * Connects the demo agent for the seeded machine and resolves once it is connected (the machine is online).
 * @example const agent = await startDemoAgent({ base: "http://127.0.0.1:8000/claudenest", seed });
 */
export async function startDemoAgent(target: SeedAgentTarget<ClaudeNestSeedInfo>): Promise<SeedAgentHandle> {
  const agent = connectAgent({
    serverUrl: target.base,
    machineId: target.seed.machineId,
    token: target.seed.machineToken,
    WebSocket: socketClass(target.ca),
    machineInfo: () => ({
      platform: "linux",
      hostname: "demo.local",
      arch: "x64",
      nodeVersion: process.version,
      agentVersion: "server-lite-demo",
      capabilities: { supportsPTY: true, supportsTmux: false, supportsMCP: false, supportsSkills: false },
      maxSessions: 10,
    }),
  });
  const sessions = new Map<string, DemoRepl>();
  const output = (sessionId: string) => (data: string) =>
    agent.send("session:output", { sessionId, type: "output", data, timestamp: Date.now() });

  agent.handle("session:create", ({ sessionId, initialPrompt }) => {
    const repl = new DemoRepl(output(sessionId), () => {
      sessions.delete(sessionId);
      agent.send("session:exited", { sessionId, exitCode: 0 });
    });
    sessions.set(sessionId, repl);
    agent.send("session:status", { sessionId, status: "running" });
    repl.start(initialPrompt);
  });
  agent.handle("session:input", ({ sessionId, data }) => {
    const repl = sessions.get(sessionId);
    if (!repl) throw new Error(`No session ${sessionId} on this agent`);
    repl.type(data);
  });
  agent.handle("session:resize", ({ sessionId, cols, rows }) => {
    agent.send("session:status", { sessionId, ptySize: { cols, rows } });
  });
  agent.handle("session:terminate", ({ sessionId }) => {
    sessions.delete(sessionId);
    agent.send("session:status", { sessionId, status: "terminated" });
  });
  agent.handle("file:browse", ({ requestId, path, dirsOnly, showHidden }) => {
    agent.send("file:browse_result", browseDemo(requestId, path, dirsOnly, showHidden));
  });
  agent.handle("project:scan", async ({ requestId, path }) => {
    agent.send("project:scan_result", await scanDemo(requestId, path));
  });
  for (const type of ["mcp:start", "mcp:stop", "mcp:restart"] as const)
    agent.handle(type, ({ name }) => {
      agent.send("error", { originalType: type, name, message: `The demo machine has no MCP server ${name}.` });
    });
  agent.handle("mcp:call_tool", ({ server, tool }) => {
    agent.send("error", { originalType: "mcp:call_tool", server, tool, message: "The demo machine runs no tools." });
  });
  agent.handle("commands:execute", ({ request_id }) => {
    agent.send("error", {
      originalType: "commands:execute",
      request_id,
      message: "The demo machine runs no commands.",
    });
  });
  // An error of the connection (a refused upgrade) is kept on it; nothing else reads it.
  agent.on("error", () => {});
  await agent.connected();
  return {
    stop() {
      sessions.clear();
      agent.close();
    },
  };
}
