/**
 * @module
 * Packaged templates as built-in config rows (`is_system`, owner `system`, `global`), for template import and
 * seeding. Import ids are `skill-{slug}-{6 hex}`, the first six hex digits of SHA-256 of `{template id}:system`
 * (the real route's rule); seeding keeps the template id. Either way the row records the template in
 * `metadata.template_source_id`, and a template has at most one built-in row.
 */
import { createHash } from "node:crypto";
import type { Clock } from "../../../core/clock.ts";
import { slug } from "../runtime/generator.ts";
import type { SkillTemplate } from "../templates/index.ts";
import type { ConfigRow } from "./configs.ts";
import { scanContent } from "./scanner.ts";

/** The id template import gives a template's row. */
export function importedId(templateId: string): string {
  const suffix = createHash("sha256").update(`${templateId}:system`, "utf8").digest("hex").slice(0, 6);
  return `skill-${slug(templateId)}-${suffix}`;
}

/** A built-in row made from a template, scanned as it is written. */
export function builtinRow(template: SkillTemplate, id: string, importKind: string, clock: Clock): ConfigRow {
  const now = clock.now();
  const verdict = scanContent(template.content);
  return {
    id,
    name: template.name,
    description: template.description,
    category: template.category,
    tasks: JSON.stringify([{ display_text: template.title, llm_prompt: template.content, subagent: "user_input" }]),
    owner_id: "system",
    is_system: 1,
    visibility: "global",
    shared_with_teams: null,
    skill_content: template.content,
    metadata: JSON.stringify({
      tags: template.tags,
      schema_version: "1.0",
      template_source_id: template.id,
      import_kind: importKind,
    }),
    ancillary_files: null,
    is_quick_start: 1,
    difficulty: null,
    thumbnail: template.icon,
    template_source_id: template.id,
    scan_status: verdict.scan_status,
    scan_summary: verdict.scan_summary,
    scan_updated_at: clock.iso(now),
    created_ms: now,
    created_at: clock.iso(now),
    updated_at: clock.iso(now),
  };
}
