/**
 * @module
 * Skills v2 handlers: list, install (local folder or GitHub tree URL), enable, delete, the risk policy.
 */
import type { SkillItem } from "@agentlane/sdk/actus/contract";
import { uuid } from "../../../core/ids.ts";
import { signedIn } from "../caller.ts";
import { readSkillPolicy, writeSkillPolicy } from "../state/config.ts";
import type { ActusServices } from "../state/services.ts";
import { type Bundle, frontmatter, loadGithub, loadLocal, riskyPatterns } from "../state/skill-bundle.ts";
import type { ActusHandlers } from "./types.ts";

interface SkillRow extends Omit<SkillItem, "enabled"> {
  enabled: number;
}

const itemOf = (row: SkillRow): SkillItem => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  description: row.description,
  version: row.version,
  source_type: row.source_type,
  source_ref: row.source_ref,
  runtime_type: row.runtime_type,
  enabled: row.enabled === 1,
  installed_by: row.installed_by,
  created_at: row.created_at,
  updated_at: row.updated_at,
  bundle_file_count: row.bundle_file_count,
  context_ref_count: row.context_ref_count,
  last_sync_at: row.last_sync_at,
});

const SKILL_COLUMNS =
  "id, slug, name, description, version, source_type, source_ref, runtime_type, enabled, installed_by, created_at, updated_at, bundle_file_count, context_ref_count, last_sync_at";

function findSkill(services: ActusServices, id: string): SkillRow | undefined {
  return services.db.get<SkillRow>(`SELECT ${SKILL_COLUMNS} FROM act_skills WHERE id = ?`, id);
}

/** A slug from a name: lower case, runs of anything but letters and digits as `-`. */
export function slugOf(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 100) || "skill"
  );
}

const text = (v: unknown, max: number): string | undefined =>
  typeof v === "string" && v.trim() ? v.trim().slice(0, max) : typeof v === "number" ? String(v) : undefined;

export const skills: ActusHandlers<"skills"> = {
  list: (_, { services }) => ({
    skills: services.db.all<SkillRow>(`SELECT ${SKILL_COLUMNS} FROM act_skills ORDER BY seq`).map(itemOf),
  }),

  async install({ caller, body }, { services, fail }) {
    const me = signedIn(caller);
    const bundle: Bundle =
      body.source_type === "local" ? loadLocal(body.source_ref) : await loadGithub(services, body.source_ref);
    if (body.skill_md !== undefined && body.skill_md !== "") bundle.set("SKILL.md", body.skill_md);
    const skillMd = bundle.get("SKILL.md");
    if (skillMd === undefined) return fail("BAD_REQUEST", "the bundle has no SKILL.md");
    const fields = { ...frontmatter(skillMd), ...(body.manifest ?? {}) };
    const name = text(fields.name, 200);
    if (!name) return fail("BAD_REQUEST", "SKILL.md frontmatter needs a name");
    const slug = slugOf(text(fields.slug, 100) ?? name);
    const runtime = text(fields.runtime_type, 20) ?? "native";
    if (runtime !== "native" && runtime !== "mcp" && runtime !== "a2a")
      return fail("BAD_REQUEST", `runtime_type must be native, mcp or a2a, not ${runtime}`);
    if (readSkillPolicy(services) === "enforce_confirmation") {
      const risky = riskyPatterns(bundle);
      if (risky.length > 0 && fields.risk_confirmed !== true)
        return fail(
          "BAD_REQUEST",
          `skill needs confirmation (risk policy): ${risky.join(", ")}; set manifest.risk_confirmed`,
        );
    }
    const refs = Array.isArray(fields.context_refs) ? fields.context_refs.filter((r) => typeof r === "string") : [];
    const now = services.iso();
    const id = services.db.tx(() => {
      const existing = services.db.get<{ id: string }>("SELECT id FROM act_skills WHERE slug = ?", slug);
      const values = [
        name,
        text(fields.description, 2000) ?? "",
        text(fields.version, 50) ?? "0.1.0",
        body.source_type,
        body.source_ref,
        runtime,
        me.userId,
        now,
        bundle.size,
        refs.filter((r) => bundle.has(r as string)).length,
        now,
        JSON.stringify(Object.fromEntries(bundle)),
      ];
      if (existing) {
        // Same slug: updated in place, keeping its id and enabled state.
        services.db.run(
          "UPDATE act_skills SET name = ?, description = ?, version = ?, source_type = ?, source_ref = ?, runtime_type = ?, installed_by = ?, updated_at = ?, bundle_file_count = ?, context_ref_count = ?, last_sync_at = ?, bundle = ? WHERE id = ?",
          ...values,
          existing.id,
        );
        return existing.id;
      }
      const newId = uuid();
      services.db.run(
        "INSERT INTO act_skills (name, description, version, source_type, source_ref, runtime_type, installed_by, updated_at, bundle_file_count, context_ref_count, last_sync_at, bundle, id, slug, enabled, created_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        ...values,
        newId,
        slug,
        now,
        services.nextSeq("act_skills"),
      );
      return newId;
    });
    return itemOf(findSkill(services, id)!);
  },

  setEnabled({ params, body }, { services, fail }) {
    const { changes } = services.db.run(
      "UPDATE act_skills SET enabled = ? WHERE id = ?",
      body.enabled ? 1 : 0,
      params.skill_key,
    );
    if (changes === 0) return fail("NOT_FOUND", "Skill不存在");
    return null;
  },

  remove({ params }, { services, fail }) {
    services.db.tx(() => {
      const { changes } = services.db.run("DELETE FROM act_skills WHERE id = ?", params.skill_key);
      if (changes === 0) return fail("NOT_FOUND", "Skill不存在");
      services.db.run("DELETE FROM act_tool_prefs WHERE kind = 'skill' AND tool_id = ?", params.skill_key);
    });
    return null;
  },

  getPolicy: (_, { services }) => ({ mode: readSkillPolicy(services) }),

  setPolicy({ body }, { services }) {
    writeSkillPolicy(services, body.mode);
    return null;
  },
};
