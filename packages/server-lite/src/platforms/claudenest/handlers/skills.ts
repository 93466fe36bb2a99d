/**
 * @module
 * §10 Skills of a machine, addressed by path. Every query is scoped to a machine the caller owns.
 */
import type { Skill, SkillSummary, UpdateSkillBody } from "@agentlane/sdk/claudenest/contract";
import { Failure } from "../../../core/failure.ts";
import { uuid } from "../../../core/ids.ts";
import type { NestHandlers } from "../handlers.ts";
import type { NestServices } from "../services.ts";
import { onePage, rawAnswer } from "../state/raw-answer.ts";
import { ownMachine } from "./machines.ts";

interface SkillRow {
  id: string;
  machine_id: string;
  path: string;
  name: string;
  description: string | null;
  content: string;
  enabled: number;
  priority: number;
  metadata: string;
  size_bytes: number;
  last_modified: string;
}

/** `Skill::getCategoryColorAttribute` of ClaudeNest's own server. */
const CATEGORY_COLORS: Record<string, string> = {
  auth: "purple",
  browser: "blue",
  command: "green",
  mcp: "orange",
  search: "cyan",
  file: "yellow",
  git: "red",
  general: "gray",
  api: "indigo",
  database: "pink",
};

/**
 * The keys ClaudeNest's own server adds to a skill (`app/Http/Resources/SkillResource.php`), which its Skills pages
 * read (`resources/js/pages/skills/SkillCard.vue`: `tags`, `category`, `category_color`, `version`, `has_config`):
 * `category`, `version` and `tags` come from the skill's metadata, `config` is the metadata.
 */
function realKeys(row: SkillRow) {
  const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
  const category = typeof metadata.category === "string" ? metadata.category : "general";
  return {
    category,
    category_color: CATEGORY_COLORS[category] ?? "gray",
    version: typeof metadata.version === "string" ? metadata.version : null,
    config: metadata,
    has_config: Object.keys(metadata).length > 0,
    tags: Array.isArray(metadata.tags) ? metadata.tags : [],
    examples: [],
    machine_id: row.machine_id,
    updated_at: row.last_modified,
  };
}

function summary(row: SkillRow): SkillSummary {
  return {
    ...realKeys(row),
    id: row.id,
    path: row.path,
    name: row.name,
    display_name: row.name,
    description: row.description,
    enabled: row.enabled === 1,
    priority: row.priority,
    size_bytes: row.size_bytes,
    last_modified: row.last_modified,
  };
}

function detail(row: SkillRow): Skill {
  return { ...summary(row), content: row.content, metadata: JSON.parse(row.metadata) as Record<string, unknown> };
}

function findSkill(services: NestServices, machineId: string, path: string): SkillRow | undefined {
  return services.db.get<SkillRow>("SELECT * FROM cn_skills WHERE machine_id = ? AND path = ?", machineId, path);
}

function skillAt(services: NestServices, machineId: string, path: string): SkillRow {
  const row = findSkill(services, machineId, path);
  if (!row) throw new Failure("SKL_001", `Skill not found: ${path}`);
  return row;
}

/** Writes the given fields over a skill; `last_modified` moves only when a value really changes. */
function applyUpdate(services: NestServices, row: SkillRow, changes: UpdateSkillBody): SkillRow {
  const next: SkillRow = {
    ...row,
    name: changes.name ?? row.name,
    content: changes.content ?? row.content,
    description: changes.description === undefined ? row.description : changes.description,
    priority: changes.priority ?? row.priority,
    enabled: changes.enabled === undefined ? row.enabled : changes.enabled ? 1 : 0,
    metadata: changes.metadata === undefined ? row.metadata : JSON.stringify(changes.metadata),
  };
  next.size_bytes = Buffer.byteLength(next.content, "utf8");
  const fields = ["name", "content", "description", "priority", "enabled", "metadata"] as const;
  if (fields.every((field) => next[field] === row[field])) return row;
  next.last_modified = services.clock.iso();
  services.db.run(
    "UPDATE cn_skills SET name = ?, content = ?, description = ?, priority = ?, enabled = ?, metadata = ?, size_bytes = ?, last_modified = ? WHERE id = ?",
    next.name,
    next.content,
    next.description,
    next.priority,
    next.enabled,
    next.metadata,
    next.size_bytes,
    next.last_modified,
    row.id,
  );
  return next;
}

export const skills: NestHandlers<"skills"> = {
  list({ caller, params }, { services, requestId }) {
    const machine = ownMachine(services, caller, params.machine);
    const list = services.db
      .all<SkillRow>("SELECT * FROM cn_skills WHERE machine_id = ? ORDER BY priority DESC, path", machine.id)
      .map(summary);
    // The whole list, with the `meta.pagination` ClaudeNest's web UI reads (`resources/js/stores/skills.ts`).
    return rawAnswer(services, requestId, list, onePage(list.length));
  },

  get({ caller, params }, { services }) {
    const machine = ownMachine(services, caller, params.machine);
    const skill = detail(skillAt(services, machine.id, params.path));
    // Beside the skill's keys, `{skill, related}` as ClaudeNest's own server answers (`SkillsController::show`):
    // up to 5 other enabled skills of its category.
    const related = services.db
      .all<SkillRow>(
        "SELECT * FROM cn_skills WHERE machine_id = ? AND enabled = 1 AND id <> ? ORDER BY path",
        machine.id,
        skill.id,
      )
      .map(summary)
      .filter((other) => (other as { category?: string }).category === (skill as { category?: string }).category)
      .slice(0, 5);
    return { ...skill, skill, related };
  },

  createOrUpdate({ caller, params, body }, { services }) {
    const machine = ownMachine(services, caller, params.machine);
    return services.db.tx(() => {
      const existing = findSkill(services, machine.id, body.path);
      if (existing) return detail(applyUpdate(services, existing, body));
      const now = services.clock.iso();
      const id = uuid();
      services.db.run(
        `INSERT INTO cn_skills (id, machine_id, path, name, description, content, enabled, priority, metadata, size_bytes, last_modified, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        id,
        machine.id,
        body.path,
        body.name,
        body.description ?? null,
        body.content,
        body.enabled === false ? 0 : 1,
        body.priority ?? 0,
        JSON.stringify(body.metadata ?? {}),
        Buffer.byteLength(body.content, "utf8"),
        now,
        now,
      );
      return detail(skillAt(services, machine.id, body.path));
    });
  },

  update({ caller, params, body }, { services }) {
    const machine = ownMachine(services, caller, params.machine);
    return services.db.tx(() => detail(applyUpdate(services, skillAt(services, machine.id, params.path), body)));
  },

  toggle({ caller, params }, { services }) {
    const machine = ownMachine(services, caller, params.machine);
    return services.db.tx(() => {
      const row = skillAt(services, machine.id, params.path);
      const toggled = applyUpdate(services, row, { enabled: row.enabled !== 1 });
      // The whole skill, as ClaudeNest's own server answers (`SkillsController::toggle`); `path` and `enabled` are
      // the document's two keys.
      return summary(toggled);
    });
  },

  remove({ caller, params }, { services }) {
    const machine = ownMachine(services, caller, params.machine);
    const row = skillAt(services, machine.id, params.path);
    services.db.run("DELETE FROM cn_skills WHERE id = ?", row.id);
    return null;
  },

  bulk({ caller, params, body }, { services }) {
    const machine = ownMachine(services, caller, params.machine);
    return services.db.tx(() => {
      let updated = 0;
      const notFound: string[] = [];
      for (const { path, ...changes } of body.updates) {
        const row = findSkill(services, machine.id, path);
        if (!row) {
          notFound.push(path);
          continue;
        }
        applyUpdate(services, row, changes);
        updated++;
      }
      return { updated, not_found: notFound };
    });
  },
};
