/**
 * @module
 * §11 MCP servers of a machine. The configuration lives in the store; when the server-lite instance may
 * run the command (`exec` allow-list), `start` really spawns it and speaks MCP over stdio with it. On a machine
 * whose agent is connected, the agent runs them (`agent/mcp-relay.ts`).
 */
import type { McpServer, McpTool, ToolResult } from "@agentlane/sdk/claudenest/contract";
import { Failure } from "../../../core/failure.ts";
import { uuid } from "../../../core/ids.ts";
import { type McpCallResult, McpRpcError, type McpToolInfo } from "../../../lib/mcp-stdio-client.ts";
import { type ApprovedSpawn, SpawnRefused } from "../../../lib/spawn-guard.ts";
import { relayMcpAction, relayToolCall } from "../agent/mcp-relay.ts";
import { type NestCaller, userOf } from "../caller.ts";
import type { NestHandlers } from "../handlers.ts";
import { McpStartInterrupted } from "../runtime/mcp-processes.ts";
import type { NestServices } from "../services.ts";
import { ownMachine } from "./machines.ts";

interface McpServerRow {
  id: string;
  machine_id: string;
  name: string;
  display_name: string | null;
  command: string;
  args: string;
  env: string;
  auto_start: number;
  status: McpServer["status"];
  tools: string;
  last_error: string | null;
  last_started_at: string | null;
  created_at: string;
}

/** A row left `running` by an earlier process of this server (a `--db` file) has nothing running now. */
function statusOf(services: NestServices, row: McpServerRow): McpServer["status"] {
  const live = row.status === "running" || row.status === "starting";
  return live && !services.mcp.has(row.id) && !services.agents.connected(row.machine_id) ? "stopped" : row.status;
}

function present(services: NestServices, row: McpServerRow): McpServer {
  return {
    id: row.id,
    name: row.name,
    display_name: row.display_name,
    status: statusOf(services, row),
    transport: "stdio",
    command: row.command,
    args: JSON.parse(row.args) as string[],
    env_keys: Object.keys(JSON.parse(row.env) as Record<string, string>),
    auto_start: row.auto_start === 1,
    tools_count: (JSON.parse(row.tools) as unknown[]).length,
    last_started_at: row.last_started_at,
    last_error: row.last_error,
    created_at: row.created_at,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function toolsOf(row: McpServerRow): McpTool[] {
  return (JSON.parse(row.tools) as McpToolInfo[]).map((tool) => ({
    name: tool.name,
    description: typeof tool.description === "string" ? tool.description : null,
    parameters: isObject(tool.inputSchema) ? tool.inputSchema : { type: "object" },
  }));
}

function findServer(services: NestServices, machineId: string, name: string): McpServerRow | undefined {
  return services.db.get<McpServerRow>(
    "SELECT * FROM cn_mcp_servers WHERE machine_id = ? AND name = ?",
    machineId,
    name,
  );
}

function serverAt(services: NestServices, caller: NestCaller, machineId: string, name: string): McpServerRow {
  const machine = ownMachine(services, caller, machineId);
  const row = findServer(services, machine.id, name);
  if (!row) throw new Failure("MCP_001", `MCP server not found: ${name}`);
  return row;
}

function reread(services: NestServices, id: string): McpServerRow | undefined {
  return services.db.get<McpServerRow>("SELECT * FROM cn_mcp_servers WHERE id = ?", id);
}

function markFailed(services: NestServices, id: string, reason: string): void {
  services.db.run("UPDATE cn_mcp_servers SET status = 'error', last_error = ? WHERE id = ?", reason, id);
}

/** Starts or stops a server on the machine's agent; answers the server as the agent left it. */
async function onAgent(
  services: NestServices,
  row: McpServerRow,
  action: "mcp:start" | "mcp:stop",
): Promise<McpServer> {
  await relayMcpAction(services, row, action);
  const current = reread(services, row.id);
  if (!current) throw new Failure("MCP_001", `MCP server not found: ${row.name}`);
  return present(services, current);
}

/** The answer of a tool call, as §11.8 shapes it: one string and its media type. */
export function toolResult(result: McpCallResult): ToolResult {
  const items = Array.isArray(result.content) ? result.content : [];
  const texts = items.filter((item) => item.type === "text" && typeof item.text === "string");
  if (texts.length > 0) return { content: texts.map((item) => item.text).join("\n"), mimeType: "text/plain" };
  for (const item of items) {
    if ((item.type === "image" || item.type === "audio") && typeof item.data === "string")
      return { content: item.data, mimeType: item.mimeType ?? "application/octet-stream" };
    if (item.type === "resource" && item.resource) {
      const { text, blob, mimeType } = item.resource;
      if (typeof text === "string") return { content: text, mimeType: mimeType ?? "text/plain" };
      if (typeof blob === "string") return { content: blob, mimeType: mimeType ?? "application/octet-stream" };
    }
  }
  if (result.structuredContent !== undefined)
    return { content: JSON.stringify(result.structuredContent), mimeType: "application/json" };
  return { content: "", mimeType: "text/plain" };
}

export const mcp: NestHandlers<"mcp"> = {
  list({ caller, params }, { services }) {
    const machine = ownMachine(services, caller, params.machine);
    return services.db
      .all<McpServerRow>("SELECT * FROM cn_mcp_servers WHERE machine_id = ? ORDER BY name", machine.id)
      .map((row) => present(services, row));
  },

  get: ({ caller, params }, { services }) => present(services, serverAt(services, caller, params.machine, params.name)),

  add({ caller, params, body }, { services, fail }) {
    const machine = ownMachine(services, caller, params.machine);
    return services.db.tx(() => {
      if (findServer(services, machine.id, body.name))
        fail("VAL_001", undefined, { name: ["An MCP server with this name already exists on this machine."] });
      const id = uuid();
      services.db.run(
        `INSERT INTO cn_mcp_servers (id, machine_id, name, display_name, command, args, env, auto_start, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        id,
        machine.id,
        body.name,
        body.display_name ?? null,
        body.command,
        JSON.stringify(body.args ?? []),
        JSON.stringify(body.env ?? {}),
        body.auto_start ? 1 : 0,
        services.clock.iso(),
      );
      return present(services, reread(services, id)!);
    });
  },

  update({ caller, params, body }, { services }) {
    const row = serverAt(services, caller, params.machine, params.name);
    services.db.run(
      "UPDATE cn_mcp_servers SET display_name = ?, command = ?, args = ?, env = ?, auto_start = ? WHERE id = ?",
      body.display_name === undefined ? row.display_name : body.display_name,
      body.command ?? row.command,
      body.args ? JSON.stringify(body.args) : row.args,
      body.env ? JSON.stringify(body.env) : row.env,
      body.auto_start === undefined ? row.auto_start : body.auto_start ? 1 : 0,
      row.id,
    );
    return present(services, reread(services, row.id)!);
  },

  async start({ caller, params }, { services }) {
    const row = serverAt(services, caller, params.machine, params.name);
    if (services.agents.connected(row.machine_id)) return onAgent(services, row, "mcp:start");
    if (services.mcp.isRunning(row.id)) return present(services, row);
    let launch: ApprovedSpawn;
    try {
      launch = services.spawn.check(row.command, JSON.parse(row.args), JSON.parse(row.env));
    } catch (error) {
      if (!(error instanceof SpawnRefused)) throw error;
      // Refused before anything ran: the caller's configuration, not a server fault.
      markFailed(services, row.id, error.message);
      throw new Failure("FORBIDDEN", `${error.rule}: ${error.message}`);
    }
    services.checkProcessCaps(userOf(caller));
    services.db.run("UPDATE cn_mcp_servers SET status = 'starting', last_error = NULL WHERE id = ?", row.id);
    let tools: McpToolInfo[];
    try {
      tools = await services.mcp.start(
        row.id,
        row.machine_id,
        { command: launch.executable, args: launch.args, env: launch.env },
        (reason) => markFailed(services, row.id, `The MCP server ${reason}`),
      );
    } catch (error) {
      if (error instanceof McpStartInterrupted) throw new Failure("MCP_002", error.message);
      const reason = `The MCP server ${error instanceof McpRpcError ? `answered an error: ${error.message}` : (error as Error).message}`;
      markFailed(services, row.id, reason);
      throw new Failure("MCP_002", reason);
    }
    const current = reread(services, row.id);
    if (!current) {
      // Deleted while it was starting.
      await services.mcp.stop(row.id);
      throw new Failure("MCP_001", `MCP server not found: ${row.name}`);
    }
    if (!services.mcp.isRunning(row.id)) return present(services, current);
    services.db.run(
      "UPDATE cn_mcp_servers SET status = 'running', tools = ?, last_error = NULL, last_started_at = ? WHERE id = ?",
      JSON.stringify(tools),
      services.clock.iso(),
      row.id,
    );
    return present(services, reread(services, row.id)!);
  },

  async stop({ caller, params }, { services }) {
    const row = serverAt(services, caller, params.machine, params.name);
    if (services.agents.connected(row.machine_id)) return onAgent(services, row, "mcp:stop");
    await services.mcp.stop(row.id);
    services.db.run("UPDATE cn_mcp_servers SET status = 'stopped', last_error = NULL WHERE id = ?", row.id);
    const current = reread(services, row.id);
    if (!current) throw new Failure("MCP_001", `MCP server not found: ${row.name}`);
    return present(services, current);
  },

  tools: ({ caller, params }, { services }) => toolsOf(serverAt(services, caller, params.machine, params.name)),

  async execute({ caller, params, body }, { services }) {
    const row = serverAt(services, caller, params.machine, params.name);
    const agent = services.agents.connected(row.machine_id);
    // The caller's state, not a server fault: 409, so clients do not retry it as a 500.
    if (agent ? row.status !== "running" : !services.mcp.isRunning(row.id))
      throw new Failure("MCP_003", `The MCP server "${row.name}" is not running.`, undefined, undefined, 409);
    if (!toolsOf(row).some((tool) => tool.name === body.tool))
      throw new Failure(
        "MCP_003",
        `The MCP server "${row.name}" has no tool "${body.tool}".`,
        undefined,
        undefined,
        404,
      );
    let result: McpCallResult;
    try {
      result = agent
        ? await relayToolCall(services, row.machine_id, row.name, body.tool, body.parameters ?? {})
        : await services.mcp.call(row.id, body.tool, body.parameters ?? {});
    } catch (error) {
      if (error instanceof Failure) throw error;
      const reason = error instanceof McpRpcError ? error.message : `The MCP server ${(error as Error).message}`;
      throw new Failure("MCP_003", `Tool execution failed: ${reason}`);
    }
    const answer = toolResult(result);
    if (result.isError === true) throw new Failure("MCP_003", `Tool execution failed: ${answer.content}`);
    return answer;
  },

  allTools({ caller, params }, { services }) {
    const machine = ownMachine(services, caller, params.machine);
    return services.db
      .all<McpServerRow>(
        "SELECT * FROM cn_mcp_servers WHERE machine_id = ? AND status = 'running' ORDER BY name",
        machine.id,
      )
      .filter((row) => services.mcp.isRunning(row.id))
      .flatMap((row) => toolsOf(row).map((tool) => ({ ...tool, server: row.name })));
  },

  async remove({ caller, params }, { services }) {
    const row = serverAt(services, caller, params.machine, params.name);
    services.db.run("DELETE FROM cn_mcp_servers WHERE id = ?", row.id);
    await services.mcp.stop(row.id);
    return null;
  },
};
