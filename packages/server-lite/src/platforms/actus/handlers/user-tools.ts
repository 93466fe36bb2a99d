/**
 * @module
 * User tool preference handlers: the MCP and A2A servers, each with the caller's own switch.
 */
import { signedIn } from "../caller.ts";
import type { ActusServices } from "../state/services.ts";
import { a2aServers, mcpServers } from "./app-config.ts";
import type { ActusHandlers } from "./types.ts";

function preferences(services: ActusServices, userId: string, kind: "mcp" | "a2a"): Map<string, boolean> {
  const rows = services.db.all<{ tool_id: string; enabled: number }>(
    "SELECT tool_id, enabled FROM act_tool_prefs WHERE user_id = ? AND kind = ?",
    userId,
    kind,
  );
  return new Map(rows.map((r) => [r.tool_id, r.enabled === 1]));
}

function setPreference(services: ActusServices, userId: string, kind: "mcp" | "a2a", toolId: string, on: boolean) {
  services.db.run(
    "INSERT OR REPLACE INTO act_tool_prefs (user_id, kind, tool_id, enabled) VALUES (?, ?, ?, ?)",
    userId,
    kind,
    toolId,
    on ? 1 : 0,
  );
}

export const userTools: ActusHandlers<"userTools"> = {
  listMcp({ caller }, { services }) {
    const prefs = preferences(services, signedIn(caller).userId, "mcp");
    return {
      tools: mcpServers(services).map((s) => ({
        tool_id: s.server_name,
        tool_name: s.server_name,
        description: s.description,
        enabled_global: s.enabled,
        enabled_user: prefs.get(s.server_name) ?? true,
      })),
    };
  },

  setMcpEnabled({ caller, params, body }, { services, fail }) {
    if (!services.db.get("SELECT 1 FROM act_mcp_servers WHERE name = ?", params.server_name))
      return fail("NOT_FOUND", "MCP服务不存在");
    setPreference(services, signedIn(caller).userId, "mcp", params.server_name, body.enabled);
    return null;
  },

  listA2a({ caller }, { services }) {
    const prefs = preferences(services, signedIn(caller).userId, "a2a");
    return {
      tools: a2aServers(services).map((s) => ({
        tool_id: s.id,
        tool_name: s.name,
        description: s.description,
        enabled_global: s.enabled,
        enabled_user: prefs.get(s.id) ?? true,
      })),
    };
  },

  setA2aEnabled({ caller, params, body }, { services, fail }) {
    if (!services.db.get("SELECT 1 FROM act_a2a_servers WHERE id = ?", params.a2a_id))
      return fail("NOT_FOUND", "A2A服务不存在");
    setPreference(services, signedIn(caller).userId, "a2a", params.a2a_id, body.enabled);
    return null;
  },
};
