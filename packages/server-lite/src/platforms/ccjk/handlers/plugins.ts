/**
 * @module
 * §8 Plugin Marketplace handlers: the catalog, download information for the package `catalog/tarball.ts`
 * builds (served by the route in `routes.ts`), and recommendations by the rule in the plugins contract.
 */
import type { Localized, Plugin, PluginSummary } from "@agentlane/sdk/ccjk/contract";
import { type CatalogPlugin, catalogPlugins, pluginOf } from "../catalog/plugins.ts";
import { countDownload, downloadCounts } from "../state/downloads.ts";
import { rootOf } from "./agents.ts";
import { type CCJKHandlers, includesFolded, pageOf } from "./types.ts";

/** Where a plugin's package is served, below the platform's root. */
export const PACKAGE_PATH = "/cdn/plugins/";

const WEIGHTS = { projectType: 0.3, language: 0.2, framework: 0.25, tool: 0.2, skillLevel: 0.05 };

function summary(p: CatalogPlugin, counted: number, size: number): PluginSummary {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    category: p.category,
    version: p.versions[0]!.version,
    author: p.author,
    tags: p.tags,
    downloads: p.baseDownloads + counted,
    rating: p.rating,
    size,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

const display = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const has = (list: readonly string[] | undefined, value: string) => (list ?? []).includes(value.toLowerCase());

export const plugins: CCJKHandlers<"plugins"> = {
  list({ query }, { services }) {
    const counts = downloadCounts(services.db, "plugin");
    const packages = services.packages();
    const search = query.search?.trim();
    const tags = query.tags ?? [];
    const found = catalogPlugins
      .filter((p) => query.category === undefined || p.category === query.category)
      .filter((p) => tags.every((t) => p.tags.includes(t)))
      .filter(
        (p) =>
          !search ||
          [p.id, p.name.en, p.name["zh-CN"], p.description.en, p.description["zh-CN"], ...p.tags].some((text) =>
            includesFolded(text, search),
          ),
      )
      .map((p) => summary(p, counts.get(p.id) ?? 0, packages.get(p.id)!.bytes.length));
    const sort = query.sort ?? "popular";
    found.sort((a, b) => {
      if (sort === "newest") return b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
      if (sort === "updated") return b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
      if (sort === "rating") return b.rating - a.rating || a.id.localeCompare(b.id);
      return b.downloads - a.downloads || a.id.localeCompare(b.id);
    });
    return pageOf(found, query);
  },

  get({ params }, { services, fail }) {
    const p = pluginOf(params.id) ?? fail("RESOURCE_NOT_FOUND", "No such plugin.");
    const counted = downloadCounts(services.db, "plugin").get(p.id) ?? 0;
    const parts = (type: string) =>
      p.files
        .filter((f) => f.type === type)
        .map((f) => ({
          id: f.path
            .split("/")
            .pop()!
            .replace(/\.\w+$/, ""),
          name: f.content.match(/^# (.+)$/m)?.[1] ?? f.path,
        }));
    const plugin: Plugin = {
      ...summary(p, counted, services.packages().get(p.id)!.bytes.length),
      longDescription: p.longDescription,
      license: p.license,
      ratingCount: p.ratingCount,
      skills: parts("skill"),
      agents: parts("agent"),
      mcpServices: [],
      workflows: parts("workflow"),
      homepage: p.homepage,
      repository: p.repository,
      icon: null,
      screenshots: [],
      compatibility: p.compatibility,
      versions: p.versions,
    };
    return plugin;
  },

  download({ params }, { services, fail, baseUrl }) {
    const p = pluginOf(params.id) ?? fail("RESOURCE_NOT_FOUND", "No such plugin.");
    const pkg = services.packages().get(p.id)!;
    countDownload(services.db, "plugin", p.id);
    return {
      pluginId: p.id,
      version: p.versions[0]!.version,
      downloadUrl: `${rootOf(baseUrl)}${PACKAGE_PATH}${p.id}/${pkg.fileName}`,
      sha256: pkg.sha256,
      size: pkg.bytes.length,
      installInstructions: { type: "npm", command: `npx ccjk plugin install ${p.id}` },
      files: p.files.map((f) => ({ path: f.path, type: f.type })),
    };
  },

  recommendations({ body }, { services }) {
    const { context } = body;
    const installed = new Set(context.installedPlugins ?? []);
    const frameworks = (context.frameworks ?? []).map((f) => f.toLowerCase());
    const tools = (context.tools ?? []).map((t) => t.toLowerCase());
    const signals = (context.projectType ? 1 : 0) + (context.language ? 1 : 0) + frameworks.length + tools.length;
    const counts = downloadCounts(services.db, "plugin");
    const scored = [];
    for (const p of catalogPlugins) {
      if (installed.has(p.id)) continue;
      const s = p.signals;
      const hits: Array<{ weight: number; reason: Localized }> = [];
      if (context.projectType && has(s.projectTypes, context.projectType))
        hits.push({
          weight: WEIGHTS.projectType,
          reason: { en: `Suits ${context.projectType} projects`, "zh-CN": `适合 ${context.projectType} 项目` },
        });
      if (context.language && has(s.languages, context.language))
        hits.push({
          weight: WEIGHTS.language,
          reason: { en: `Works with ${display(context.language)}`, "zh-CN": `支持 ${display(context.language)}` },
        });
      for (const f of frameworks.filter((f) => has(s.frameworks, f)))
        hits.push({
          weight: WEIGHTS.framework,
          reason: { en: `${display(f)} detected in project`, "zh-CN": `项目中检测到 ${display(f)}` },
        });
      for (const t of tools.filter((t) => has(s.tools, t)))
        hits.push({
          weight: WEIGHTS.tool,
          reason: { en: `${display(t)} detected in project`, "zh-CN": `项目中检测到 ${display(t)}` },
        });
      if (hits.length === 0) continue;
      const level = context.skillLevel && has(s.skillLevels, context.skillLevel) ? WEIGHTS.skillLevel : 0;
      const score = Math.min(1, hits.reduce((sum, h) => sum + h.weight, 0) + level);
      const best = hits.reduce((a, b) => (b.weight > a.weight ? b : a));
      scored.push({
        plugin: {
          id: p.id,
          name: p.name,
          category: p.category,
          downloads: p.baseDownloads + (counts.get(p.id) ?? 0),
          rating: p.rating,
        },
        score: Math.round(score * 100) / 100,
        reason: best.reason,
        confidence: Math.round((hits.length / Math.max(1, signals)) * 100) / 100,
      });
    }
    scored.sort((a, b) => b.score - a.score || b.plugin.downloads - a.plugin.downloads);
    return { recommendations: scored.slice(0, body.limit ?? 10), total: scored.length };
  },
};
