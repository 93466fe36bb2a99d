/**
 * @module
 * App Config module: LLM and agent settings, MCP servers and A2A servers.
 *
 * Choices (the real server decides where the document is silent):
 * - Reading needs a signed-in user, every change a `super_admin` (the real routes take `CurrentUser` and
 *   `AdminUser`).
 * - The LLM `api_key` is write-only: never answered; an empty or absent `api_key` keeps the stored one.
 * - `POST /mcp-servers` adds or replaces the named servers. `stdio` needs `command`, `sse` and
 *   `streamable_http` need an http(s) `url` (422 otherwise). A server's `tools` are the names its configuration
 *   declares (`tools: [...]`, a server-lite extension since no MCP server is started); a server name is 1-100
 *   letters, digits, `_`, `-` or `.`.
 * - Deleting or toggling an unknown MCP server or A2A server is 404.
 * - `POST /a2a-servers` reads the agent card at `<base_url>/.well-known/agent.json` (then `agent-card.json`);
 *   a base URL whose card cannot be read or is not an agent card is 400, one already added is 409. The id is
 *   new, the name, description, modes and capabilities come from the card.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { EnabledBodySchema, Id, Nothing } from "./common.ts";
import { entity, mcpServerExample } from "./examples.ts";

/** The zod schema of {@link LlmConfig}. */
export const LlmConfigSchema = z.object({
  base_url: z.string(),
  model_name: z.string(),
  temperature: z.number(),
  max_tokens: z.number().int(),
});
/** `LLMConfig` as answered: without `api_key`. */
export interface LlmConfig extends z.output<typeof LlmConfigSchema> {}

/** The zod schema of {@link LlmConfigBody}. */
export const LlmConfigBodySchema = z.object({
  base_url: z.url({ protocol: /^https?$/ }).max(2048),
  api_key: z.string().max(4096).optional(),
  model_name: z.string().min(1).max(200),
  temperature: z.number().min(0).max(2),
  max_tokens: z.number().int().min(1).max(1_000_000),
});
/** `LLMConfig` as sent: an empty or absent `api_key` keeps the stored key. */
export interface LlmConfigBody extends z.output<typeof LlmConfigBodySchema> {}

/** The zod schema of {@link AgentConfig}. */
export const AgentConfigSchema = z.object({
  max_iterations: z.number().int().min(1).max(1000),
  max_retries: z.number().int().min(0).max(100),
  max_search_results: z.number().int().min(1).max(100),
});
/** `AgentConfig`. */
export interface AgentConfig extends z.output<typeof AgentConfigSchema> {}

/** An MCP server's transport. */
export const McpTransport = z.enum(["stdio", "sse", "streamable_http"]);
/** A server name as a path segment and key. */
export const ServerName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, _ - . only");

/** The zod schema of {@link McpServerConfig}. */
export const McpServerConfigSchema = z
  .object({
    transport: McpTransport.optional(),
    enabled: z.boolean().optional(),
    description: z.string().max(2000).optional(),
    env: z.record(z.string().max(200), z.string().max(4096)).optional(),
    command: z.string().min(1).max(1024).optional(),
    args: z.array(z.string().max(4096)).max(100).optional(),
    url: z.string().max(2048).optional(),
    headers: z.record(z.string().max(200), z.string().max(4096)).optional(),
    tools: z.array(z.string().min(1).max(200)).max(200).optional(),
  })
  .superRefine((c, ctx) => {
    const transport = c.transport ?? "stdio";
    if (transport === "stdio" && !c.command)
      ctx.addIssue({ code: "custom", path: ["command"], message: "stdio transport requires command" });
    if (transport !== "stdio" && (!c.url || !/^https?:\/\/[^\s]+$/.test(c.url)))
      ctx.addIssue({ code: "custom", path: ["url"], message: `${transport} transport requires an http(s) url` });
  });
/** One entry of `MCPConfig.mcpServers`; `transport` defaults to `stdio`, `enabled` to true. */
export interface McpServerConfig extends z.output<typeof McpServerConfigSchema> {}

/** The zod schema of {@link McpConfig}. */
export const McpConfigSchema = z.object({
  mcpServers: z
    .record(ServerName, McpServerConfigSchema)
    .refine((m) => Object.keys(m).length > 0 && Object.keys(m).length <= 50, "1 to 50 servers"),
});
/** `MCPConfig`: servers by name. */
export interface McpConfig extends z.output<typeof McpConfigSchema> {}

/** The zod schema of {@link McpServer}. */
export const McpServerSchema = entity(
  z.object({
    server_name: z.string(),
    enabled: z.boolean(),
    transport: McpTransport,
    tools: z.array(z.string()),
  }),
  { name: "McpServer", example: mcpServerExample },
);
/** An item of `ListMCPServerResponse`. */
export interface McpServer extends z.output<typeof McpServerSchema> {}

/** The zod schema of {@link A2aServer}. */
export const A2aServerSchema = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  input_modes: z.array(z.string()),
  output_modes: z.array(z.string()),
  streaming: z.boolean(),
  push_notifications: z.boolean(),
  enabled: z.boolean(),
});
/** An item of `ListA2AServerResponse`, read from the server's agent card. */
export interface A2aServer extends z.output<typeof A2aServerSchema> {}

const getLlm = endpoint({
  method: "GET",
  path: "/app-config/llm",
  section: "App Config Module",
  summary: "Get the LLM configuration (api_key excluded)",
  auth: "user",
  response: named<LlmConfig>(LlmConfigSchema),
});

const updateLlm = endpoint({
  method: "POST",
  path: "/app-config/llm",
  section: "App Config Module",
  summary: "Update the LLM configuration (empty api_key keeps the stored one)",
  auth: "admin",
  body: LlmConfigBodySchema,
  response: named<LlmConfig>(LlmConfigSchema),
});

const getAgent = endpoint({
  method: "GET",
  path: "/app-config/agent",
  section: "App Config Module",
  summary: "Get the agent configuration",
  auth: "user",
  response: named<AgentConfig>(AgentConfigSchema),
});

const updateAgent = endpoint({
  method: "POST",
  path: "/app-config/agent",
  section: "App Config Module",
  summary: "Update the agent configuration",
  auth: "admin",
  body: AgentConfigSchema,
  response: named<AgentConfig>(AgentConfigSchema),
});

const listMcpServers = endpoint({
  method: "GET",
  path: "/app-config/mcp-servers",
  section: "App Config Module",
  summary: "List MCP servers",
  auth: "user",
  response: named<{ mcp_servers: McpServer[] }>(z.object({ mcp_servers: z.array(McpServerSchema) })),
});

const createMcpServers = endpoint({
  method: "POST",
  path: "/app-config/mcp-servers",
  section: "App Config Module",
  summary: "Create or replace MCP server configurations",
  auth: "admin",
  body: McpConfigSchema,
  response: Nothing,
});

const deleteMcpServer = endpoint({
  method: "POST",
  path: "/app-config/mcp-servers/{server_name}/delete",
  section: "App Config Module",
  summary: "Delete an MCP server configuration",
  auth: "admin",
  params: z.object({ server_name: ServerName }),
  response: Nothing,
  errors: ["NOT_FOUND"],
});

const setMcpServerEnabled = endpoint({
  method: "POST",
  path: "/app-config/mcp-servers/{server_name}/enabled",
  section: "App Config Module",
  summary: "Enable or disable an MCP server",
  auth: "admin",
  params: z.object({ server_name: ServerName }),
  body: EnabledBodySchema,
  response: Nothing,
  errors: ["NOT_FOUND"],
});

const listA2aServers = endpoint({
  method: "GET",
  path: "/app-config/a2a-servers",
  section: "App Config Module",
  summary: "List A2A servers",
  auth: "user",
  response: named<{ a2a_servers: A2aServer[] }>(z.object({ a2a_servers: z.array(A2aServerSchema) })),
});

const createA2aServer = endpoint({
  method: "POST",
  path: "/app-config/a2a-servers",
  section: "App Config Module",
  summary: "Add an A2A server (its agent card is read from the base URL)",
  auth: "admin",
  body: z.object({ base_url: z.url({ protocol: /^https?$/ }).max(2048) }),
  response: Nothing,
  errors: ["BAD_REQUEST", "CONFLICT"],
});

const deleteA2aServer = endpoint({
  method: "POST",
  path: "/app-config/a2a-servers/{a2a_id}/delete",
  section: "App Config Module",
  summary: "Delete an A2A server",
  auth: "admin",
  params: z.object({ a2a_id: Id }),
  response: Nothing,
  errors: ["NOT_FOUND"],
});

const setA2aServerEnabled = endpoint({
  method: "POST",
  path: "/app-config/a2a-servers/{a2a_id}/enabled",
  section: "App Config Module",
  summary: "Enable or disable an A2A server",
  auth: "admin",
  params: z.object({ a2a_id: Id }),
  body: EnabledBodySchema,
  response: Nothing,
  errors: ["NOT_FOUND"],
});

/** App config endpoints. */
export const appConfig = {
  getLlm,
  updateLlm,
  getAgent,
  updateAgent,
  listMcpServers,
  createMcpServers,
  deleteMcpServer,
  setMcpServerEnabled,
  listA2aServers,
  createA2aServer,
  deleteA2aServer,
  setA2aServerEnabled,
};
