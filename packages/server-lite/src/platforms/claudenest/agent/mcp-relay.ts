/**
 * @module
 * MCP servers of a machine whose agent is connected run on the agent's machine: starting, stopping and calling a
 * tool are asked of the agent, in its own messages (ClaudeNest agent, `src/handlers/config-handler.ts`):
 * `mcp:start {name}` and `mcp:stop {name}` are answered `mcp:status {name, status, tools}` (tool names), and
 * `mcp:call_tool {server, tool, args}` is answered `mcp:tool_result {server, tool, result}`; each may instead be
 * answered `error {originalType, name | server, message}`. An agent's failure is the API's `MCP_002` (start) or
 * `MCP_003` (a tool call); an agent that leaves first is `MCH_002`.
 */
import { z } from "zod";
import { Failure } from "../../../core/failure.ts";
import type { McpCallResult, McpToolInfo } from "../../../lib/mcp-stdio-client.ts";
import type { NestServices } from "../services.ts";
import type { AgentMessage } from "./gateway.ts";
import { parsePayload } from "./machine-info.ts";

const StatusSchema = z.looseObject({
  name: z.string().min(1).max(255),
  status: z.enum(["stopped", "starting", "running", "error"]),
  tools: z.array(z.string().max(255)).max(1000).optional(),
});
const ToolResultSchema = z.looseObject({ server: z.string(), tool: z.string(), result: z.unknown() });

const payloadOf = (message: AgentMessage) => (message.payload ?? {}) as Record<string, unknown>;

/** Whether a message answers a request of `type` about the MCP server `name` (a status, a result, or an error). */
function answers(type: string, answer: string, key: "name" | "server", name: string) {
  return (message: AgentMessage) => {
    const payload = payloadOf(message);
    if (message.type === "error") return payload.originalType === type && payload[key] === name;
    return message.type === answer && payload[key] === name;
  };
}

function refusal(message: AgentMessage, code: "MCP_002" | "MCP_003"): Failure | undefined {
  if (message.type !== "error") return undefined;
  const said = payloadOf(message).message;
  return new Failure(code, `The machine's agent: ${typeof said === "string" ? said.slice(0, 1000) : "failed"}`);
}

/** What the agent says an MCP server is after `mcp:start` or `mcp:stop`: its status and tools. */
export async function relayStartStop(
  services: NestServices,
  machineId: string,
  name: string,
  action: "mcp:start" | "mcp:stop",
): Promise<{ status: z.output<typeof StatusSchema>["status"]; tools: McpToolInfo[] | undefined }> {
  const message = await services.agents.request(
    machineId,
    action,
    { name },
    answers(action, "mcp:status", "name", name),
  );
  const failed = refusal(message, "MCP_002");
  if (failed) throw failed;
  const status = parsePayload(StatusSchema, message.payload, "mcp:status");
  return { status: status.status, tools: status.tools?.map((tool) => ({ name: tool })) };
}

/** The result of a tool call the agent made. */
export async function relayToolCall(
  services: NestServices,
  machineId: string,
  server: string,
  tool: string,
  args: Record<string, unknown>,
): Promise<McpCallResult> {
  const message = await services.agents.request(
    machineId,
    "mcp:call_tool",
    { server, tool, args },
    answers("mcp:call_tool", "mcp:tool_result", "server", server),
  );
  const failed = refusal(message, "MCP_003");
  if (failed) throw failed;
  const { result } = parsePayload(ToolResultSchema, message.payload, "mcp:tool_result");
  return (typeof result === "object" && result !== null ? result : { content: [] }) as McpCallResult;
}

/**
 * Starts or stops an MCP server on the agent's machine and stores what the agent says of it (status, tools). Also
 * what an `mcp:status` the agent sends by itself does.
 */
export async function relayMcpAction(
  services: NestServices,
  row: { id: string; machine_id: string; name: string },
  action: "mcp:start" | "mcp:stop",
): Promise<void> {
  services.db.run(
    "UPDATE cn_mcp_servers SET status = ?, last_error = NULL WHERE id = ?",
    action === "mcp:start" ? "starting" : "stopped",
    row.id,
  );
  try {
    const { status, tools } = await relayStartStop(services, row.machine_id, row.name, action);
    storeMcpStatus(services, row.machine_id, row.name, status, tools);
  } catch (error) {
    if (action === "mcp:start" && error instanceof Failure)
      services.db.run("UPDATE cn_mcp_servers SET status = 'error', last_error = ? WHERE id = ?", error.message, row.id);
    throw error;
  }
}

/** Stores an MCP server's status and tools as its machine's agent reports them. */
export function storeMcpStatus(
  services: NestServices,
  machineId: string,
  name: string,
  status: string,
  tools: McpToolInfo[] | undefined,
): void {
  services.db.run(
    `UPDATE cn_mcp_servers SET status = ?, tools = COALESCE(?, tools), last_error = NULL,
       last_started_at = CASE WHEN ? = 'running' THEN ? ELSE last_started_at END
     WHERE machine_id = ? AND name = ?`,
    status,
    tools === undefined ? null : JSON.stringify(tools),
    status,
    services.clock.iso(),
    machineId,
    name,
  );
}

/** An `mcp:status` the agent sent without being asked: the server's new state is stored. */
export function onUnaskedMcpStatus(services: NestServices, machineId: string, payload: unknown): void {
  const status = parsePayload(StatusSchema, payload, "mcp:status");
  storeMcpStatus(
    services,
    machineId,
    status.name,
    status.status,
    status.tools?.map((tool) => ({ name: tool })),
  );
}
