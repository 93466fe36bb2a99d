/**
 * @module
 * The merged catalog: packaged templates (`default`), the configs the caller sees (`agent_skills`) and hub skills
 * (`hub`), with the real route's filters, the planned scan and quarantine filters, and the quarantine policy
 * applied (see the contract's `catalog` module for the rules).
 */
import type { CatalogQuery, CatalogSkill, QuarantinePolicy, ScanStatus } from "@agentlane/sdk/caipe/contract";
import { packagedTemplates } from "../templates/index.ts";
import type { CatalogConfigRow, Configs } from "./configs.ts";
import type { HubSkills } from "./hubs.ts";
import { isQuarantined } from "./policy.ts";
import type { Scans } from "./scans.ts";
import type { CaipeUser } from "./users.ts";

/** What the catalog is read from. */
export interface CatalogSources {
  configs: Configs;
  hubs: HubSkills;
  scans: Scans;
  /** Whether any hub is configured. */
  hubsConfigured: boolean;
  /** Hubs whose last crawl failed. */
  failedHubs: readonly string[];
}

function scanFields(scan: { scan_status: ScanStatus; scan_summary: string | null; scan_updated_at: string | null }) {
  return {
    scan_status: scan.scan_status,
    ...(scan.scan_summary !== null ? { scan_summary: scan.scan_summary } : {}),
    ...(scan.scan_updated_at !== null ? { scan_updated_at: scan.scan_updated_at } : {}),
  };
}

function fromConfig(row: CatalogConfigRow, content: boolean): CatalogSkill {
  const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
  const tasks = row.tasks === null ? [] : (JSON.parse(row.tasks) as { llm_prompt: string }[]);
  const text = row.skill_content || tasks[0]?.llm_prompt || "";
  return {
    id: row.id,
    name: row.name,
    description: (row.description ?? "").slice(0, 1024),
    source: "agent_skills",
    source_id: row.owner_id,
    content: content ? text : null,
    metadata: { ...metadata, category: row.category, visibility: row.visibility, is_system: row.is_system === 1 },
    ...scanFields(row),
  };
}

/** Every skill the user may browse, before filters. */
function everything(sources: CatalogSources, user: CaipeUser, content: boolean): CatalogSkill[] {
  const skills: CatalogSkill[] = packagedTemplates().map((t) => {
    const scan = sources.scans.templateScan(t.id);
    return {
      id: t.id,
      name: t.name,
      description: t.description,
      source: "default",
      source_id: null,
      content: content ? t.content : null,
      metadata: { category: t.category, icon: t.icon, tags: t.tags, visibility: "global" },
      ...(scan ? scanFields(scan) : {}),
    };
  });
  for (const row of sources.configs.catalogRows(user, content)) skills.push(fromConfig(row, content));
  for (const row of sources.hubs.all())
    skills.push({
      id: row.id,
      name: row.name,
      description: row.description,
      source: "hub",
      source_id: row.hub_id,
      content: content ? row.content : null,
      metadata: {
        tags: JSON.parse(row.tags) as string[],
        hub_type: "github",
        hub_location: row.repo,
        path: row.path,
        visibility: "global",
      },
      ...scanFields(row),
    });
  return skills;
}

/** The catalog's matches for a query, with the policy applied, before paging. */
export function catalogFor(
  sources: CatalogSources,
  user: CaipeUser,
  policy: QuarantinePolicy,
  query: CatalogQuery,
): { skills: CatalogSkill[]; sourcesLoaded: string[]; unavailable: string[] } {
  const q = query.q?.trim().toLowerCase() ?? "";
  const tags = (query.tags ?? "")
    .split(",")
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  const statuses = query.scan_status ? query.scan_status.split(",").map((s) => s.trim()) : [];
  const repo = query.repo?.trim().toLowerCase();
  const quarantinedSeen = !policy.exclude_flagged_from_catalog || user.role === "admin";

  const skills = everything(sources, user, query.include_content === "true")
    .filter((s) => !q || s.name.toLowerCase().includes(q) || s.description.toLowerCase().includes(q))
    .filter((s) => !query.source || s.source === query.source)
    .filter((s) => !repo || String(s.metadata.hub_location ?? "").toLowerCase() === repo)
    .filter((s) => !query.visibility || String(s.metadata.visibility ?? "global") === query.visibility)
    .filter((s) => {
      if (tags.length === 0) return true;
      const own = Array.isArray(s.metadata.tags) ? s.metadata.tags.map((t) => String(t).toLowerCase()) : [];
      return tags.some((t) => own.includes(t));
    })
    .filter((s) => statuses.length === 0 || statuses.includes(s.scan_status ?? "unscanned"))
    .flatMap((s): CatalogSkill[] => {
      const quarantined = isQuarantined(policy, s.id, s.scan_status);
      if (query.quarantine === "exclude" && quarantined) return [];
      if (query.quarantine === "only")
        return quarantined && quarantinedSeen ? [{ ...s, runnable: false, blocked_reason: "scan_flagged" }] : [];
      if (!quarantined) return [{ ...s, runnable: true }];
      if (policy.exclude_flagged_from_catalog) return [];
      return [{ ...s, runnable: false, blocked_reason: "scan_flagged" }];
    });

  const sourcesLoaded = ["default", "agent_skills", ...(sources.hubsConfigured ? ["hub"] : [])];
  return { skills, sourcesLoaded, unavailable: sources.failedHubs.map((id) => `hub:${id}`) };
}
