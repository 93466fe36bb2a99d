/**
 * @module
 * User Tools module: the MCP and A2A tools with the current user's own on/off preference.
 *
 * Choices: `tool_id` is the MCP server's `server_name` and the A2A server's `id`; `enabled_global` is the
 * server's own switch, `enabled_user` the user's preference (true until they turn it off). Setting a preference
 * for a tool that does not exist is 404. Deleting a server forgets every preference for it.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { EnabledBodySchema, Id, Nothing } from "./common.ts";

/** The zod schema of {@link ToolWithPreference}. */
export const ToolWithPreferenceSchema = z.object({
  tool_id: z.string(),
  tool_name: z.string(),
  description: z.string(),
  enabled_global: z.boolean(),
  enabled_user: z.boolean(),
});
/** `ToolWithPreference`. */
export interface ToolWithPreference extends z.output<typeof ToolWithPreferenceSchema> {}

/** The zod schema of {@link ToolList}. */
export const ToolListSchema = z.object({ tools: z.array(ToolWithPreferenceSchema) });
/** `ToolListResponse`. */
export interface ToolList extends z.output<typeof ToolListSchema> {}

const listMcp = endpoint({
  method: "GET",
  path: "/user/tools/mcp",
  section: "User Tools Module",
  summary: "MCP tools with the user's preferences",
  auth: "user",
  response: named<ToolList>(ToolListSchema),
});

const setMcpEnabled = endpoint({
  method: "POST",
  path: "/user/tools/mcp/{server_name}/enabled",
  section: "User Tools Module",
  summary: "Set the user's preference for an MCP tool",
  auth: "user",
  params: z.object({ server_name: Id }),
  body: EnabledBodySchema,
  response: Nothing,
  errors: ["NOT_FOUND"],
});

const listA2a = endpoint({
  method: "GET",
  path: "/user/tools/a2a",
  section: "User Tools Module",
  summary: "A2A tools with the user's preferences",
  auth: "user",
  response: named<ToolList>(ToolListSchema),
});

const setA2aEnabled = endpoint({
  method: "POST",
  path: "/user/tools/a2a/{a2a_id}/enabled",
  section: "User Tools Module",
  summary: "Set the user's preference for an A2A tool",
  auth: "user",
  params: z.object({ a2a_id: Id }),
  body: EnabledBodySchema,
  response: Nothing,
  errors: ["NOT_FOUND"],
});

/** User tool preference endpoints. */
export const userTools = { listMcp, setMcpEnabled, listA2a, setA2aEnabled };
