/**
 * @module
 * App config handlers: LLM, agent, MCP servers, A2A servers.
 */
import type { A2aServer, McpServer, McpServerConfig } from "@agentlane/sdk/actus/contract";
import { uuid } from "../../../core/ids.ts";
import { type AgentCard, fetchAgentCard } from "../state/agent-card.ts";
import { publicLlm, readAgent, readLlm, writeAgent, writeLlm } from "../state/config.ts";
import type { ActusServices } from "../state/services.ts";
import type { ActusHandlers } from "./types.ts";

/** Every MCP server, in the order they were added. */
export function mcpServers(services: ActusServices): (McpServer & { description: string })[] {
  return services.db
    .all<{ name: string; config: string; enabled: number }>("SELECT * FROM act_mcp_servers ORDER BY seq")
    .map((row) => {
      const config = JSON.parse(row.config) as McpServerConfig;
      return {
        server_name: row.name,
        enabled: row.enabled === 1,
        transport: config.transport ?? "stdio",
        tools: config.tools ?? [],
        description: config.description ?? "",
      };
    });
}

/** Every A2A server, in the order they were added. */
export function a2aServers(services: ActusServices): A2aServer[] {
  return services.db
    .all<{ id: string; card: string; enabled: number }>("SELECT * FROM act_a2a_servers ORDER BY seq")
    .map((row) => ({ id: row.id, ...(JSON.parse(row.card) as AgentCard), enabled: row.enabled === 1 }));
}

export const appConfig: ActusHandlers<"appConfig"> = {
  getLlm: (_, { services }) => publicLlm(readLlm(services)),

  updateLlm({ body }, { services }) {
    const current = readLlm(services);
    const next = { ...body, api_key: body.api_key ? body.api_key : current.api_key };
    writeLlm(services, next);
    return publicLlm(next);
  },

  getAgent: (_, { services }) => readAgent(services),

  updateAgent({ body }, { services }) {
    writeAgent(services, body);
    return body;
  },

  listMcpServers: (_, { services }) => ({
    mcp_servers: mcpServers(services).map(({ description: _d, ...server }) => server),
  }),

  createMcpServers({ body }, { services }) {
    const { db } = services;
    db.tx(() => {
      for (const [name, config] of Object.entries(body.mcpServers)) {
        const existing = db.get<{ seq: number }>("SELECT seq FROM act_mcp_servers WHERE name = ?", name);
        db.run(
          "INSERT OR REPLACE INTO act_mcp_servers (name, config, enabled, seq) VALUES (?, ?, ?, ?)",
          name,
          JSON.stringify({ ...config, transport: config.transport ?? "stdio" }),
          config.enabled === false ? 0 : 1,
          existing?.seq ?? services.nextSeq("act_mcp_servers"),
        );
      }
    });
    return null;
  },

  deleteMcpServer({ params }, { services, fail }) {
    services.db.tx(() => {
      const { changes } = services.db.run("DELETE FROM act_mcp_servers WHERE name = ?", params.server_name);
      if (changes === 0) return fail("NOT_FOUND", "MCP服务不存在");
      services.db.run("DELETE FROM act_tool_prefs WHERE kind = 'mcp' AND tool_id = ?", params.server_name);
    });
    return null;
  },

  setMcpServerEnabled({ params, body }, { services, fail }) {
    const { changes } = services.db.run(
      "UPDATE act_mcp_servers SET enabled = ? WHERE name = ?",
      body.enabled ? 1 : 0,
      params.server_name,
    );
    if (changes === 0) return fail("NOT_FOUND", "MCP服务不存在");
    return null;
  },

  listA2aServers: (_, { services }) => ({ a2a_servers: a2aServers(services) }),

  async createA2aServer({ body }, { services, fail }) {
    const baseUrl = body.base_url.replace(/\/+$/, "");
    if (services.db.get("SELECT 1 FROM act_a2a_servers WHERE base_url = ?", baseUrl))
      return fail("CONFLICT", "A2A服务已存在");
    const card = await fetchAgentCard(services, baseUrl);
    if (typeof card === "string") return fail("BAD_REQUEST", `无法读取A2A服务的Agent Card: ${card}`);
    services.db.tx(() => {
      // Checked again: another request may have added it while the card was read.
      if (services.db.get("SELECT 1 FROM act_a2a_servers WHERE base_url = ?", baseUrl))
        return fail("CONFLICT", "A2A服务已存在");
      services.db.run(
        "INSERT INTO act_a2a_servers (id, base_url, card, enabled, seq) VALUES (?, ?, ?, 1, ?)",
        uuid(),
        baseUrl,
        JSON.stringify(card),
        services.nextSeq("act_a2a_servers"),
      );
    });
    return null;
  },

  deleteA2aServer({ params }, { services, fail }) {
    services.db.tx(() => {
      const { changes } = services.db.run("DELETE FROM act_a2a_servers WHERE id = ?", params.a2a_id);
      if (changes === 0) return fail("NOT_FOUND", "A2A服务不存在");
      services.db.run("DELETE FROM act_tool_prefs WHERE kind = 'a2a' AND tool_id = ?", params.a2a_id);
    });
    return null;
  },

  setA2aServerEnabled({ params, body }, { services, fail }) {
    const { changes } = services.db.run(
      "UPDATE act_a2a_servers SET enabled = ? WHERE id = ?",
      body.enabled ? 1 : 0,
      params.a2a_id,
    );
    if (changes === 0) return fail("NOT_FOUND", "A2A服务不存在");
    return null;
  },
};
