/**
 * @module
 * Skills as the SDK gives them, whichever server answered. ClaudeNest's own server
 * (`app/Http/Resources/SkillResource.php`, `app/Http/Controllers/Api/SkillsController.php`) sends `display_name`,
 * `config` and `updated_at` but no `priority`, `size_bytes`, `last_modified`, `content` or `metadata`; it answers
 * `get` as `{skill, related}` and `toggle` with the whole skill where §10.5 shows `{path, enabled}`.
 */
import { eachOf, type Fields, isFields, one, orElse } from "./fields.ts";

/** A skill with every key of the SDK's `SkillSummary` (and `Skill` when it carries content). */
export function readSkill(skill: Fields): Fields {
  return {
    ...skill,
    display_name: orElse(skill.display_name, skill.name),
    description: orElse(skill.description, null),
    priority: orElse(skill.priority, 0),
    size_bytes: orElse(skill.size_bytes, 0),
    last_modified: orElse(skill.last_modified, skill.updated_at),
  };
}

/** One skill with `content` and `metadata` (the real server's `config`); `{skill, related}` is unwrapped. */
function readFullSkill(fields: Fields): Fields {
  const skill = isFields(fields.skill) ? fields.skill : fields;
  return {
    ...readSkill(skill),
    content: orElse(skill.content, ""),
    metadata: orElse(skill.metadata, skill.config ?? {}),
  };
}

/** The `skills` endpoints' shapers; `toggle` answers `{path, enabled}` whether a server sent those or the skill. */
export const skillShapers = {
  toggle: one((fields) => ({ path: fields.path, enabled: fields.enabled })),
  list: eachOf(readSkill),
  get: one(readFullSkill),
  createOrUpdate: one(readFullSkill),
  update: one(readFullSkill),
};
