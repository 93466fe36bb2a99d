/**
 * @module
 * §5 Skill Registry handlers: lists filtered, sorted and localized in memory (the registry is small), installs
 * with their dependencies in one transaction, and publishing.
 */
import type { SkillListItem } from "@agentlane/sdk/ccjk/contract";
import { accountOf } from "../caller.ts";
import { catalogCategories } from "../catalog/skills.ts";
import { countDownload } from "../state/downloads.ts";
import type { RegistrySkill } from "../state/skills.ts";
import { type CCJKHandlers, includesFolded, pageOf } from "./types.ts";

/** Where the CLI writes an installed skill. */
const installedPath = (id: string) => `~/.ccjk/skills/${id}.md`;

function matches(skill: RegistrySkill, term: string): boolean {
  return [
    skill.id,
    skill.name.en,
    skill.name["zh-CN"],
    skill.description.en,
    skill.description["zh-CN"],
    ...skill.tags,
  ].some((text) => includesFolded(text, term));
}

/** A skill as a list shows it, in `lang`. */
function listItem(s: RegistrySkill, lang: "en" | "zh-CN"): SkillListItem {
  return {
    id: s.id,
    name: s.name[lang],
    description: s.description[lang],
    category: s.category,
    version: s.version,
    author: s.author,
    tags: s.tags,
    triggers: s.triggers,
    popularity: s.popularity,
    rating: s.rating,
    downloads: s.downloads,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    compatibility: s.compatibility,
  };
}

export const skills: CCJKHandlers<"skills"> = {
  list({ query, caller }, { services }) {
    const lang = query.lang ?? "en";
    const search = query.search?.trim();
    const tags = query.tags ?? [];
    const found = services.skills
      .listable(caller.accountId)
      .filter((s) => query.category === undefined || s.category === query.category)
      .filter((s) => !search || matches(s, search))
      .filter((s) => tags.every((tag) => s.tags.includes(tag)));
    const sort = query.sort ?? "popular";
    found.sort((a, b) => {
      if (sort === "newest") return b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
      if (sort === "updated") return b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
      if (sort === "name") return a.name[lang].localeCompare(b.name[lang], lang) || a.id.localeCompare(b.id);
      return b.popularity - a.popularity || b.downloads - a.downloads || a.id.localeCompare(b.id);
    });
    // Only the page's skills are localized into list items.
    const page = pageOf(found, query);
    return { ...page, items: page.items.map((s) => listItem(s, lang)) };
  },

  categories(_input, { services }) {
    const listed = services.skills.listable(undefined);
    return {
      categories: catalogCategories.map((c) => ({ ...c, count: listed.filter((s) => s.category === c.id).length })),
    };
  },

  get({ params, caller }, { services, fail }) {
    const skill = services.skills.get(params.id, caller.accountId) ?? fail("RESOURCE_NOT_FOUND", "No such skill.");
    const { ownerId: _owner, ...view } = skill;
    return view;
  },

  install({ params, body, caller }, { services, fail }) {
    const accountId = accountOf(caller);
    const skill = services.skills.get(params.id, accountId) ?? fail("RESOURCE_NOT_FOUND", "No such skill.");
    const wanted = body.version ?? "latest";
    const version = wanted === "latest" ? skill.version : skill.versions.find((v) => v.version === wanted)?.version;
    if (version === undefined) return fail("RESOURCE_NOT_FOUND", `This skill has no version ${wanted}.`);
    const installed = (id: string) =>
      services.db.get<{ version: string }>(
        "SELECT version FROM ccjk_skill_installs WHERE account_id = ? AND skill_id = ?",
        accountId,
        id,
      );
    if (installed(skill.id)?.version === version && !body.force)
      fail("RESOURCE_EXISTS", `${skill.id} ${version} is already installed; send force: true to install it again.`);
    const now = services.clock.now();
    const dependenciesInstalled: string[] = [];
    services.db.tx(() => {
      const put = (id: string, v: string) => {
        services.db.run(
          `INSERT INTO ccjk_skill_installs (account_id, skill_id, version, installed_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (account_id, skill_id) DO UPDATE SET version = excluded.version, installed_at = excluded.installed_at`,
          accountId,
          id,
          v,
          now,
        );
        countDownload(services.db, "skill", id);
      };
      put(skill.id, version);
      // Dependencies not installed yet, and theirs, once each.
      const pending = [...skill.dependencies];
      const seen = new Set([skill.id]);
      while (pending.length > 0) {
        const id = pending.shift()!;
        if (seen.has(id)) continue;
        seen.add(id);
        const dependency = services.skills.get(id, accountId);
        if (!dependency || installed(id)) continue;
        put(id, dependency.version);
        dependenciesInstalled.push(id);
        pending.push(...dependency.dependencies);
      }
    });
    return {
      skillId: skill.id,
      version,
      installedPath: installedPath(skill.id),
      installedAt: services.clock.iso(now),
      dependenciesInstalled,
    };
  },

  publish({ body, caller }, { services, fail, baseUrl }) {
    const accountId = accountOf(caller);
    const { skill } = body;
    if (!catalogCategories.some((c) => c.id === skill.category)) {
      const message = `Use one of the categories: ${catalogCategories.map((c) => c.id).join(", ")}.`;
      fail("VALIDATION_ERROR", message, { "skill.category": [message] });
    }
    if (services.skills.taken(skill.id)) fail("RESOURCE_EXISTS", `A skill with the id ${skill.id} already exists.`);
    const missing = (skill.dependencies ?? []).filter((id) => !services.skills.get(id, accountId));
    if (missing.length > 0) fail("RESOURCE_NOT_FOUND", `Unknown dependencies: ${missing.join(", ")}.`);
    const published = services.skills.publish(accountId, body);
    return {
      skillId: skill.id,
      version: skill.version,
      status: published.status,
      submittedAt: services.clock.iso(published.submittedAt),
      reviewUrl: `${baseUrl}/skills/${encodeURIComponent(skill.id)}`,
    };
  },
};
