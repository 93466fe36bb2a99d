/**
 * @module
 * What a machine's agent found on its machine, sent in bulk: its skills and its MCP servers. The document does not
 * describe these routes; ClaudeNest's agent calls them with its machine token after connecting and periodically
 * (`packages/agent/src/sync/service.ts`, `src/api/client.ts`), and its server upserts what they carry
 * (`SkillsController::sync`, `MCPController::sync`). Both answer `{synced}`.
 *
 * Choices:
 * - A skill is upserted at its path relative to its skills folder: the agent sends the folder's absolute path
 *   (`/home/me/.claude/skills/team/review`), which is kept from the last `skills` segment on (`team/review`);
 *   a path that leaves no valid skill path (see `skills.ts`) is skipped and named in `skipped`. The agent sends no
 *   content: a new skill's content is empty and an existing one keeps its own. `category`, `version`, `tags` and
 *   `config` go into the skill's `metadata`.
 * - An MCP server is upserted by name. A server the agent reports without a command keeps the one it has (a new
 *   one gets an empty command, which server-lite never runs); its status and tools are the agent's.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { Id } from "./common.ts";
import { McpServerName } from "./mcp.ts";

const Text = z.string().max(1000).nullish();

/** The zod schema of {@link SyncedSkill}. */
export const SyncedSkillSchema = z.looseObject({
  name: z.string().min(1).max(255),
  path: z.string().min(1).max(1024),
  description: Text,
  category: z.string().max(255).nullish(),
  version: z.string().max(50).nullish(),
  config: z.record(z.string(), z.unknown()).nullish(),
  tags: z.array(z.string().max(255)).max(100).nullish(),
});
/** A skill the agent found on its machine. */
export interface SyncedSkill extends z.output<typeof SyncedSkillSchema> {}

/** The zod schema of {@link SyncedMcpServer}. */
export const SyncedMcpServerSchema = z.looseObject({
  name: McpServerName,
  description: Text,
  command: z.string().max(1024).nullish(),
  args: z.array(z.string().max(4096)).max(100).nullish(),
  env: z.record(z.string(), z.string().max(8192)).nullish(),
  enabled: z.boolean().nullish(),
  auto_start: z.boolean().nullish(),
  status: z.enum(["stopped", "starting", "running", "error"]).nullish(),
  tools: z
    .array(
      z.looseObject({
        name: z.string().min(1).max(255),
        description: Text,
        parameters: z.record(z.string(), z.unknown()).nullish(),
      }),
    )
    .max(1000)
    .nullish(),
});
/** An MCP server the agent found on its machine. */
export interface SyncedMcpServer extends z.output<typeof SyncedMcpServerSchema> {}

/** The zod schema of {@link SyncResult}. */
export const SyncResultSchema = z.object({
  synced: z.number().int(),
  /** Items that were not stored, by the path or name the agent sent. */
  skipped: z.array(z.string()),
});
/** How many items were stored, and which were skipped. */
export interface SyncResult extends z.output<typeof SyncResultSchema> {}

const Machine = z.object({ machine: Id });

const skills = endpoint({
  method: "POST",
  path: "/machines/{machine}/skills/sync",
  section: "Agent sync (not in the document)",
  summary: "The agent sends the skills it found on its machine (upserted by path)",
  auth: "agent",
  params: Machine,
  body: named<{ skills: SyncedSkill[] }>(z.object({ skills: z.array(SyncedSkillSchema).max(1000) })),
  response: named<SyncResult>(SyncResultSchema),
  errors: ["MCH_001"],
});

const mcp = endpoint({
  method: "POST",
  path: "/machines/{machine}/mcp/sync",
  section: "Agent sync (not in the document)",
  summary: "The agent sends the MCP servers it found on its machine (upserted by name)",
  auth: "agent",
  params: Machine,
  body: named<{ servers: SyncedMcpServer[] }>(z.object({ servers: z.array(SyncedMcpServerSchema).max(1000) })),
  response: named<SyncResult>(SyncResultSchema),
  errors: ["MCH_001"],
});

/** The agent's bulk sync endpoints. */
export const machineSync = { skills, mcp };
