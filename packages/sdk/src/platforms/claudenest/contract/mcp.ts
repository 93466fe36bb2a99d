/**
 * @module
 * §11 MCP: the Model Context Protocol servers configured on a machine, started over stdio, their tools
 * listed and called. Every endpoint is per machine, and a machine token may use them on its own machine.
 *
 * Choices where the document is silent:
 * - A server name is letters, digits, `.`, `_` and `-` (starting with a letter or digit), unique on its
 *   machine (a duplicate is `VAL_001`); `all-tools` is reserved, since `/mcp/all-tools` is the aggregate.
 * - `transport` is `stdio`, the only transport a machine's agent runs.
 * - `env` values are write-only: they often hold secrets, so answers list `env_keys` only.
 * - `status` is `stopped` until started, `starting` during the handshake, `running` once the server
 *   answered `initialize` and `tools/list`, `error` when starting failed or the process died (`last_error`
 *   says why). Starting a running server or stopping a stopped one answers the server unchanged.
 * - `start` answers once the handshake is done: `MCP_002` when the command may not run here, the process
 *   cannot be spawned, exits, or does not finish the handshake in time (the server is then `error`).
 * - `tools` answers the tools found at the last start (`parameters` is the tool's JSON Schema input),
 *   also while the server is stopped; `all-tools` only those of running servers, each with its `server`.
 * - `execute` answers the text items of the result joined by newlines as `text/plain` (or the first
 *   image, audio or resource item with its own `mimeType`; structured content alone as
 *   `application/json`). `MCP_003` when the server is not running, the tool is unknown, the server answers
 *   a JSON-RPC error or a result with `isError`, or no answer comes in time.
 * - `PATCH` changes apply at the next start; `auto_start` is kept for the agent, which starts those servers
 *   when it starts. Deleting a running server stops it first. Adding answers 201; deletes answer `null`.
 * - On a machine whose agent holds `/ws/agent`, the agent runs its MCP servers: start, stop and tool calls are
 *   asked of it, and `MCH_002` answers when it leaves before answering.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { withExample } from "../../../contract/entity.ts";
import { named } from "../../../contract/schema.ts";
import { Id, Nothing, Timestamp } from "./common.ts";
import { entity, mcpServerExample, mcpToolExample } from "./examples.ts";
import { addMcpServerExample } from "./request-examples.ts";

/** The path segment that names the aggregate of all tools, so no server may be called that. */
export const RESERVED_MCP_NAME = "all-tools";

/** A valid MCP server name: letters, digits, `.`, `_` and `-`, not the reserved `all-tools`. */
export const McpServerName = z
  .string()
  .min(1)
  .max(64)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    "The name must start with a letter or digit and contain only letters, digits, '.', '_' or '-'.",
  )
  .refine((name) => name !== RESERVED_MCP_NAME, `The name "${RESERVED_MCP_NAME}" is reserved.`);

/** Where an MCP server is in its life: `stopped`, `starting`, `running` or `error`. */
export const McpStatus = z.enum(["stopped", "starting", "running", "error"]);

const Command = z.string().min(1).max(1024);
const Args = z.array(z.string().max(4096)).max(100);
const Env = z.record(
  z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Environment variable names are letters, digits and '_'."),
  z.string().max(8192),
);

/** The zod schema of {@link McpServer}. */
export const McpServerSchema = entity(
  z.object({
    id: Id,
    name: z.string(),
    display_name: z.string().nullable(),
    status: McpStatus,
    transport: z.literal("stdio"),
    command: z.string(),
    args: z.array(z.string()),
    /** Names of the environment variables set for the server; their values are never answered. */
    env_keys: z.array(z.string()),
    auto_start: z.boolean(),
    tools_count: z.number().int(),
    last_started_at: Timestamp.nullable(),
    /** Why the last start failed or the process ended, while `status` is `error`. */
    last_error: z.string().nullable(),
    created_at: Timestamp,
  }),
  { name: "McpServer", example: mcpServerExample },
);
/** §11.1: an MCP server configured on a machine. */
export interface McpServer extends z.output<typeof McpServerSchema> {}

/** The zod schema of {@link McpTool}. */
export const McpToolSchema = entity(
  z.object({
    name: z.string(),
    description: z.string().nullable(),
    /** The tool's input as JSON Schema. */
    parameters: z.record(z.string(), z.unknown()),
  }),
  { name: "McpTool", example: mcpToolExample },
);
/** §11.7: a tool an MCP server offers, with its input as JSON Schema. */
export interface McpTool extends z.output<typeof McpToolSchema> {}

/** The zod schema of {@link McpServerTool}. */
export const McpServerToolSchema = McpToolSchema.extend({
  /** Name of the MCP server offering the tool. */
  server: z.string(),
});
/** §11.9: a tool of a running MCP server, with the server offering it. */
export interface McpServerTool extends z.output<typeof McpServerToolSchema> {}

/** The zod schema of {@link AddMcpServerBody}. */
export const AddMcpServerBodySchema = withExample(
  z.object({
    name: McpServerName,
    display_name: z.string().max(255).nullable().optional(),
    /** @default "stdio" */
    transport: z.literal("stdio").optional(),
    command: Command,
    /** @default [] */
    args: Args.optional(),
    /** @default {} */
    env: Env.optional(),
    /** @default false */
    auto_start: z.boolean().optional(),
  }),
  addMcpServerExample,
);
/** §11.3: an MCP server to configure on a machine. */
export interface AddMcpServerBody extends z.output<typeof AddMcpServerBodySchema> {}

/** The zod schema of {@link UpdateMcpServerBody}. */
export const UpdateMcpServerBodySchema = z.object({
  display_name: z.string().max(255).nullable().optional(),
  command: Command.optional(),
  args: Args.optional(),
  /** Replaces every variable. */
  env: Env.optional(),
  auto_start: z.boolean().optional(),
});
/** §11.4: the MCP server fields to change (applied at its next start). */
export interface UpdateMcpServerBody extends z.output<typeof UpdateMcpServerBodySchema> {}

/** The zod schema of {@link ExecuteToolBody}. */
export const ExecuteToolBodySchema = z.object({
  tool: z.string().min(1).max(255),
  /** @default {} */
  parameters: z.record(z.string(), z.unknown()).optional(),
});
/** §11.8: the tool to call and its parameters. */
export interface ExecuteToolBody extends z.output<typeof ExecuteToolBodySchema> {}

/** The zod schema of {@link ToolResult}. */
export const ToolResultSchema = z.object({ content: z.string(), mimeType: z.string() });
/** §11.8: what a tool answered. */
export interface ToolResult extends z.output<typeof ToolResultSchema> {}

const OnMachine = z.object({ machine: Id });
const ServerAt = z.object({ machine: Id, name: z.string().min(1) });

const list = endpoint({
  method: "GET",
  path: "/machines/{machine}/mcp",
  section: "§11.1",
  summary: "List the MCP servers of a machine",
  auth: "agent",
  params: OnMachine,
  response: named<McpServer[]>(z.array(McpServerSchema)),
  errors: ["MCH_001"],
});

const allTools = endpoint({
  method: "GET",
  path: "/machines/{machine}/mcp/all-tools",
  section: "§11.9",
  summary: "The tools of every running MCP server of a machine",
  auth: "agent",
  params: OnMachine,
  response: named<McpServerTool[]>(z.array(McpServerToolSchema)),
  errors: ["MCH_001"],
});

const get = endpoint({
  method: "GET",
  path: "/machines/{machine}/mcp/{name}",
  section: "§11.2",
  summary: "Get an MCP server",
  auth: "agent",
  params: ServerAt,
  response: named<McpServer>(McpServerSchema),
  errors: ["MCH_001", "MCP_001"],
});

const add = endpoint({
  method: "POST",
  path: "/machines/{machine}/mcp",
  section: "§11.3",
  summary: "Add an MCP server",
  auth: "agent",
  params: OnMachine,
  body: named<AddMcpServerBody>(AddMcpServerBodySchema),
  response: named<McpServer>(McpServerSchema),
  status: 201,
  errors: ["MCH_001"],
});

const update = endpoint({
  method: "PATCH",
  path: "/machines/{machine}/mcp/{name}",
  section: "§11.4",
  summary: "Update an MCP server (applies at its next start)",
  auth: "agent",
  params: ServerAt,
  body: named<UpdateMcpServerBody>(UpdateMcpServerBodySchema),
  response: named<McpServer>(McpServerSchema),
  errors: ["MCH_001", "MCP_001"],
});

const start = endpoint({
  method: "POST",
  path: "/machines/{machine}/mcp/{name}/start",
  section: "§11.5",
  summary: "Start an MCP server and list its tools",
  auth: "agent",
  params: ServerAt,
  response: named<McpServer>(McpServerSchema),
  errors: ["MCH_001", "MCH_002", "MCP_001", "MCP_002"],
});

const stop = endpoint({
  method: "POST",
  path: "/machines/{machine}/mcp/{name}/stop",
  section: "§11.6",
  summary: "Stop an MCP server",
  auth: "agent",
  params: ServerAt,
  response: named<McpServer>(McpServerSchema),
  errors: ["MCH_001", "MCH_002", "MCP_001"],
});

const tools = endpoint({
  method: "GET",
  path: "/machines/{machine}/mcp/{name}/tools",
  section: "§11.7",
  summary: "The tools an MCP server offered at its last start",
  auth: "agent",
  params: ServerAt,
  response: named<McpTool[]>(z.array(McpToolSchema)),
  errors: ["MCH_001", "MCP_001"],
});

const execute = endpoint({
  method: "POST",
  path: "/machines/{machine}/mcp/{name}/execute",
  section: "§11.8",
  summary: "Call a tool of a running MCP server",
  auth: "agent",
  params: ServerAt,
  body: named<ExecuteToolBody>(ExecuteToolBodySchema),
  response: named<ToolResult>(ToolResultSchema),
  errors: ["MCH_001", "MCH_002", "MCP_001", "MCP_003"],
});

const remove = endpoint({
  method: "DELETE",
  path: "/machines/{machine}/mcp/{name}",
  section: "§11.10",
  summary: "Delete an MCP server, stopping it first",
  auth: "agent",
  params: ServerAt,
  response: named<null>(Nothing),
  errors: ["MCH_001", "MCP_001"],
});

/** The MCP endpoints. */
export const mcp = { list, get, add, update, start, stop, tools, execute, allTools, remove };
