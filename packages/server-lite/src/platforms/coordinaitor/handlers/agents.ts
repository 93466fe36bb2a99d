/**
 * @module
 * §Agent Endpoints. An agent's status is computed from its tasks; `agent.status_changed` is published whenever a
 * change moves it. Choices are documented in the SDK's `contract/agents.ts`.
 */
import { randomUUID } from "node:crypto";
import type { Agent } from "@agentlane/sdk/coordinaitor/contract";
import { userOf } from "../caller.ts";
import type { CoServices } from "../services.ts";
import { changeableAgent, seenAgent } from "../state/access.ts";
import { log } from "../state/logs.ts";
import { publish, refreshAgentStatus } from "../state/publish.ts";
import { DEFAULT_LIMIT, listTasks } from "../state/task-list.ts";
import { AGENT_FROM, AGENT_STATUS_SQL, type AgentViewRow, agentMetrics, agentRow, agentView } from "../state/views.ts";
import type { CoHandlers } from "./types.ts";

function agentLog(services: CoServices, agentId: string, level: string, message: string): void {
  services.db.run(
    "INSERT INTO co_agent_logs (agent_id, at, level, message) VALUES (?, ?, ?, ?)",
    agentId,
    services.now(),
    level,
    message,
  );
}

function agentById(services: CoServices, id: string): Agent {
  return agentView(agentRow(services, id)!);
}

/** Enables or disables an agent the caller may change. */
function setEnabled(
  services: CoServices,
  caller: ReturnType<typeof userOf>,
  agentId: string,
  enabled: boolean,
  reason: string | null,
) {
  services.db.tx(() => {
    const row = changeableAgent<{ id: string; created_by: string; enabled: number }>(services, caller, agentId);
    if ((row.enabled === 1) === enabled) return;
    services.db.run(
      "UPDATE co_agents SET enabled = ?, disabled_reason = ?, updated_at = ? WHERE id = ?",
      enabled ? 1 : 0,
      enabled ? null : reason,
      services.now(),
      agentId,
    );
    const message = enabled ? "Agent enabled" : `Agent disabled${reason ? `: ${reason}` : ""}`;
    agentLog(services, agentId, enabled ? "info" : "warn", message);
    log(services, "info", "agents", message, { agentId, userId: caller.userId });
  });
  refreshAgentStatus(services, agentId);
  return agentById(services, agentId);
}

export const agents: CoHandlers<"agents"> = {
  list: ({ query, caller }, { services }) => {
    const user = userOf(caller);
    const where = ["ag.org_id = ?"];
    const args: unknown[] = [user.orgId];
    if (query.type) {
      where.push("ag.type = ?");
      args.push(query.type);
    }
    const status = query.available ? "available" : query.status;
    if (status) {
      where.push(`${AGENT_STATUS_SQL} = ?`);
      args.push(status);
    }
    for (const capability of (query.capabilities ?? "")
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean)) {
      where.push("EXISTS (SELECT 1 FROM json_each(ag.capabilities) WHERE value = ?)");
      args.push(capability);
    }
    const page = query.page ?? 1;
    const perPage = query.limit ?? DEFAULT_LIMIT;
    const found = services.db.page<AgentViewRow>({
      columns: `ag.*, ${AGENT_STATUS_SQL} AS status`,
      from: AGENT_FROM,
      where: where.join(" AND "),
      args,
      orderBy: "ag.created_at DESC, ag.row_seq DESC",
      page,
      perPage,
    });
    return { items: found.rows.map(agentView), page, perPage, total: found.total };
  },

  create: ({ body, caller }, { services }) => {
    const user = userOf(caller);
    const id = `agent-${randomUUID()}`;
    const now = services.now();
    services.db.tx(() => {
      services.db.run(
        `INSERT INTO co_agents (id, org_id, created_by, name, type, model, provider, capabilities, specializations,
           max_concurrent, working_hours, configuration, enabled, last_status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'available', ?, ?)`,
        id,
        user.orgId,
        user.userId,
        body.name,
        body.type,
        body.model ?? null,
        body.provider ?? null,
        JSON.stringify(body.capabilities ?? []),
        JSON.stringify(body.specializations ?? []),
        body.maxConcurrentTasks ?? 1,
        body.workingHours ? JSON.stringify(body.workingHours) : null,
        JSON.stringify(body.configuration ?? {}),
        now,
        now,
      );
      agentLog(services, id, "info", "Agent created");
    });
    const agent = agentById(services, id);
    publish(services, "agents", "agent.created", agent, { orgId: user.orgId, users: "org" });
    return agent;
  },

  get: ({ params, query, caller }, { services }) => {
    const user = userOf(caller);
    seenAgent(services, user, params.agentId);
    const row = agentRow(services, params.agentId)!;
    const agent = agentView(row);
    const include = new Set((query.include ?? "").split(",").filter(Boolean));
    if (include.has("tasks")) agent.tasks = listTasks(services, user, { agentId: params.agentId, limit: 100 }).items;
    if (include.has("metrics")) agent.metrics = agentMetrics(services, row);
    if (include.has("logs"))
      agent.logs = services.db
        .all<{ at: number; level: string; message: string }>(
          "SELECT at, level, message FROM co_agent_logs WHERE agent_id = ? ORDER BY id DESC LIMIT 100",
          params.agentId,
        )
        .map((l) => ({ timestamp: services.iso(l.at), level: l.level, message: l.message }));
    return agent;
  },

  update: ({ params, body, caller }, { services }) => {
    const user = userOf(caller);
    services.db.tx(() => {
      changeableAgent(services, user, params.agentId);
      const sets: string[] = [];
      const args: unknown[] = [];
      const set = (column: string, value: unknown) => {
        if (value !== undefined) {
          sets.push(`${column} = ?`);
          args.push(value);
        }
      };
      set("name", body.name);
      set("type", body.type);
      set("model", body.model);
      set("provider", body.provider);
      set("capabilities", body.capabilities && JSON.stringify(body.capabilities));
      set("specializations", body.specializations && JSON.stringify(body.specializations));
      set("max_concurrent", body.maxConcurrentTasks);
      set("working_hours", body.workingHours && JSON.stringify(body.workingHours));
      set("configuration", body.configuration && JSON.stringify(body.configuration));
      if (sets.length === 0) return;
      services.db.run(
        `UPDATE co_agents SET ${sets.join(", ")}, updated_at = ? WHERE id = ?`,
        ...args,
        services.now(),
        params.agentId,
      );
      agentLog(services, params.agentId, "info", "Agent configuration updated");
    });
    refreshAgentStatus(services, params.agentId);
    return agentById(services, params.agentId);
  },

  enable: ({ params, caller }, { services }) => setEnabled(services, userOf(caller), params.agentId, true, null),
  disable: ({ params, body, caller }, { services }) =>
    setEnabled(services, userOf(caller), params.agentId, false, body.reason ?? null),

  tasks: ({ params, query, caller }, { services }) => {
    const user = userOf(caller);
    seenAgent(services, user, params.agentId);
    return listTasks(services, user, { ...query, agentId: params.agentId });
  },

  metrics: ({ params, caller }, { services }) => {
    seenAgent(services, userOf(caller), params.agentId);
    return agentMetrics(services, agentRow(services, params.agentId)!);
  },
};
