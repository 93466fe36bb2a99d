/**
 * @module
 * The packaged templates server-lite ships (the real project reads them from its Helm chart's `data/skills`):
 * each is a SKILL.md whose frontmatter gives its id (`name`), description, category, tags and icon. They are
 * modules rather than files so that the built server carries them.
 */
import { parseYaml } from "../../../lib/yaml.ts";
import { codeReviewChecklist } from "./code-review-checklist.ts";
import { incidentPostmortemReport } from "./incident-postmortem-report.ts";
import { kubernetesTroubleshooting } from "./kubernetes-troubleshooting.ts";
import { releaseNotesWriter } from "./release-notes-writer.ts";

/** A packaged template: its frontmatter and the whole SKILL.md. */
export interface SkillTemplate {
  id: string;
  name: string;
  /** The first heading of the body. */
  title: string;
  description: string;
  category: string;
  tags: string[];
  icon: string;
  content: string;
}

/** Splits a SKILL.md into its YAML frontmatter (parsed) and body; no frontmatter gives `{}`. */
export function frontmatter(content: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(content);
  if (!match) return { data: {}, body: content };
  let data: unknown;
  try {
    data = parseYaml(match[1]!);
  } catch {
    data = {};
  }
  const object = typeof data === "object" && data !== null && !Array.isArray(data) ? data : {};
  return { data: object as Record<string, unknown>, body: content.slice(match[0].length) };
}

function template(content: string): SkillTemplate {
  const { data, body } = frontmatter(content);
  const text = (v: unknown, fallback: string) => (typeof v === "string" && v ? v : fallback);
  const id = text(data.name, "template");
  return {
    id,
    name: id,
    title: /^#\s+(.+)$/m.exec(body)?.[1]?.trim() ?? id,
    description: text(data.description, ""),
    category: text(data.category, "Custom"),
    tags: Array.isArray(data.tags) ? data.tags.map(String) : [],
    icon: text(data.icon, "Zap"),
    content,
  };
}

let parsed: readonly SkillTemplate[] | undefined;

/** Every packaged template, by id order (their front matter is read on first use, not when the server starts). */
export function packagedTemplates(): readonly SkillTemplate[] {
  parsed ??= [codeReviewChecklist, incidentPostmortemReport, kubernetesTroubleshooting, releaseNotesWriter]
    .map(template)
    .sort((a, b) => a.id.localeCompare(b.id));
  return parsed;
}

/** A packaged template by id. */
export function templateById(id: string): SkillTemplate | undefined {
  return packagedTemplates().find((t) => t.id === id);
}
