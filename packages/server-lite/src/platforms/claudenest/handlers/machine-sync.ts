/**
 * @module
 * The agent's bulk sync of its skills and MCP servers (choices in the SDK's `contract/machine-sync.ts`): each item
 * is upserted, all in one transaction, so a sync is stored whole or not at all.
 */
import { SkillPath, type SyncedMcpServer, type SyncedSkill } from "@agentlane/sdk/claudenest/contract";
import { uuid } from "../../../core/ids.ts";
import type { NestHandlers } from "../handlers.ts";
import type { NestServices } from "../services.ts";
import { ownMachine } from "./machines.ts";

/** The skill path of a folder the agent found: from its last `skills` segment on, else its last segment. */
export function skillPathOf(folder: string): string | undefined {
  const segments = folder.split(/[\\/]+/).filter((segment) => segment !== "");
  const skills = segments.lastIndexOf("skills");
  const path = (skills >= 0 && skills < segments.length - 1 ? segments.slice(skills + 1) : segments.slice(-1)).join(
    "/",
  );
  return SkillPath.safeParse(path).success ? path : undefined;
}

function upsertSkill(services: NestServices, machineId: string, path: string, skill: SyncedSkill): void {
  const now = services.clock.iso();
  const metadata = JSON.stringify({
    ...(skill.config ?? {}),
    ...(skill.category ? { category: skill.category } : {}),
    ...(skill.version ? { version: skill.version } : {}),
    ...(skill.tags?.length ? { tags: skill.tags } : {}),
  });
  const existing = services.db.get<{ id: string }>(
    "SELECT id FROM cn_skills WHERE machine_id = ? AND path = ?",
    machineId,
    path,
  );
  if (existing) {
    services.db.run(
      "UPDATE cn_skills SET name = ?, description = ?, metadata = ?, last_modified = ? WHERE id = ?",
      skill.name,
      skill.description ?? null,
      metadata,
      now,
      existing.id,
    );
    return;
  }
  services.db.run(
    `INSERT INTO cn_skills (id, machine_id, path, name, description, content, metadata, size_bytes, last_modified, created_at)
     VALUES (?, ?, ?, ?, ?, '', ?, 0, ?, ?)`,
    uuid(),
    machineId,
    path,
    skill.name,
    skill.description ?? null,
    metadata,
    now,
    now,
  );
}

function upsertMcpServer(services: NestServices, machineId: string, server: SyncedMcpServer): void {
  const tools = server.tools?.map(({ name, description, parameters }) => ({
    name,
    ...(description ? { description } : {}),
    ...(parameters ? { inputSchema: parameters } : {}),
  }));
  const values = [
    server.args ? JSON.stringify(server.args) : null,
    server.env ? JSON.stringify(server.env) : null,
    server.auto_start === undefined || server.auto_start === null ? null : server.auto_start ? 1 : 0,
    server.status ?? null,
    tools ? JSON.stringify(tools) : null,
  ];
  const { changes } = services.db.run(
    `UPDATE cn_mcp_servers SET command = COALESCE(?, command), args = COALESCE(?, args), env = COALESCE(?, env),
       auto_start = COALESCE(?, auto_start), status = COALESCE(?, status), tools = COALESCE(?, tools)
     WHERE machine_id = ? AND name = ?`,
    server.command || null,
    ...values,
    machineId,
    server.name,
  );
  if (changes > 0) return;
  services.db.run(
    `INSERT INTO cn_mcp_servers (id, machine_id, name, command, args, env, auto_start, status, tools, created_at)
     VALUES (?, ?, ?, ?, COALESCE(?, '[]'), COALESCE(?, '{}'), COALESCE(?, 0), COALESCE(?, 'stopped'), COALESCE(?, '[]'), ?)`,
    uuid(),
    machineId,
    server.name,
    server.command ?? "",
    ...values,
    services.clock.iso(),
  );
}

export const machineSync: NestHandlers<"machineSync"> = {
  skills({ caller, params, body }, { services }) {
    const machine = ownMachine(services, caller, params.machine);
    return services.db.tx(() => {
      const skipped: string[] = [];
      for (const skill of body.skills) {
        const path = skillPathOf(skill.path);
        if (path === undefined) skipped.push(skill.path);
        else upsertSkill(services, machine.id, path, skill);
      }
      return { synced: body.skills.length - skipped.length, skipped };
    });
  },

  mcp({ caller, params, body }, { services }) {
    const machine = ownMachine(services, caller, params.machine);
    return services.db.tx(() => {
      for (const server of body.servers) upsertMcpServer(services, machine.id, server);
      return { synced: body.servers.length, skipped: [] };
    });
  },
};
