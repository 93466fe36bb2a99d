/**
 * @module
 * §7 MCP Service handlers: the catalog, installs per account, and discovery by the rule in `catalog/mcp.ts`.
 */
import type { McpService, McpServiceSummary } from "@agentlane/sdk/ccjk/contract";
import { accountOf } from "../caller.ts";
import { type CatalogMcpService, catalogMcpServices, mcpServiceOf } from "../catalog/mcp.ts";
import { countDownload, downloadCounts } from "../state/downloads.ts";
import { type CCJKHandlers, includesFolded } from "./types.ts";

/** Where the CLI writes an installed MCP server's entry (Claude Code's user configuration). */
const CONFIG_PATH = "~/.claude.json";

function summary(s: CatalogMcpService): McpServiceSummary {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    category: s.category,
    version: s.version,
    author: s.author,
    requiresApiKey: s.requiresApiKey,
    platforms: s.platforms,
    config: s.config,
    popularity: s.popularity,
    rating: s.rating,
  };
}

function details(s: CatalogMcpService, counted: number): McpService {
  const { baseDownloads, discovery: _rule, ...rest } = s;
  return { ...rest, downloads: baseDownloads + counted };
}

const lower = (values: readonly string[] | undefined) => new Set((values ?? []).map((v) => v.toLowerCase()));

export const mcp: CCJKHandlers<"mcp"> = {
  list({ query }) {
    const search = query.search?.trim();
    const services = catalogMcpServices
      .filter((s) => query.category === undefined || s.category === query.category)
      .filter((s) => query.platform === undefined || s.platforms.includes(query.platform))
      .filter(
        (s) =>
          !search ||
          [
            s.id,
            s.name.en,
            s.name["zh-CN"],
            s.description.en,
            s.description["zh-CN"],
            s.category,
            ...s.capabilities,
          ].some((text) => includesFolded(text, search)),
      )
      .sort((a, b) => b.popularity - a.popularity || a.id.localeCompare(b.id));
    return { services: services.map(summary) };
  },

  get({ params }, { services, fail }) {
    const service = mcpServiceOf(params.id) ?? fail("RESOURCE_NOT_FOUND", "No such MCP service.");
    return details(service, downloadCounts(services.db, "mcp").get(service.id) ?? 0);
  },

  install({ params, body, caller }, { services, fail }) {
    const accountId = accountOf(caller);
    const service = mcpServiceOf(params.id) ?? fail("RESOURCE_NOT_FOUND", "No such MCP service.");
    const env = body.env ?? {};
    const needed = service.requiresApiKey ? Object.keys(service.config.env ?? {}) : [];
    const missing = needed.filter((name) => !env[name]);
    if (missing.length > 0) {
      const message = `${service.id} needs ${missing.join(", ")} in env.`;
      fail("VALIDATION_ERROR", message, Object.fromEntries(missing.map((name) => [`env.${name}`, [message]])));
    }
    const exists = services.db.get(
      "SELECT 1 AS x FROM ccjk_mcp_installs WHERE account_id = ? AND service_id = ?",
      accountId,
      service.id,
    );
    if (exists) fail("RESOURCE_EXISTS", `${service.id} is already installed.`);
    const now = services.clock.now();
    services.db.tx(() => {
      services.db.run(
        "INSERT INTO ccjk_mcp_installs (account_id, service_id, env, installed_at) VALUES (?, ?, ?, ?)",
        accountId,
        service.id,
        JSON.stringify(env),
        now,
      );
      countDownload(services.db, "mcp", service.id);
    });
    return {
      serviceId: service.id,
      installedAt: services.clock.iso(now),
      configPath: CONFIG_PATH,
      status: "active" as const,
    };
  },

  discover({ body, caller }, { services }) {
    const accountId = accountOf(caller);
    const installed = new Set(
      services.db
        .all<{ service_id: string }>("SELECT service_id FROM ccjk_mcp_installs WHERE account_id = ?", accountId)
        .map((r) => r.service_id),
    );
    const languages = lower(body.analysis.languages);
    const frameworks = lower(body.analysis.frameworks);
    const manager = body.analysis.packageManager?.toLowerCase();
    const recommendations = [];
    for (const service of catalogMcpServices) {
      if (installed.has(service.id)) continue;
      const rule = service.discovery;
      const matched = [
        ...(rule.languages ?? []).filter((l) => languages.has(l)),
        ...(rule.frameworks ?? []).filter((f) => frameworks.has(f)),
        ...(rule.packageManagers ?? []).filter((p) => p === manager),
      ];
      if (matched.length === 0 && !rule.always) continue;
      const confidence = matched.length === 0 ? rule.base : Math.min(0.99, rule.base + 0.05 * (matched.length - 1));
      recommendations.push({
        serviceId: service.id,
        reason: matched.length > 0 ? `Detected ${matched.join(", ")} in the project` : rule.reason!,
        confidence: Math.round(confidence * 100) / 100,
        popularity: service.popularity,
      });
    }
    recommendations.sort((a, b) => b.confidence - a.confidence || b.popularity - a.popularity);
    return { recommendations: recommendations.map(({ popularity: _p, ...r }) => r) };
  },
};
