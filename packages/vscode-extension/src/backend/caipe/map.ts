/**
 * @module
 * CAIPE's merged catalog mapped onto the Skills view's neutral records, in one place.
 *
 * A catalog source is a group (packaged templates, skill configs, hub skills); a skill is addressed by its id.
 * The last scan shows as the skill's scan status (with the scan's summary), and a skill the quarantine policy
 * keeps in the catalog but does not run (`runnable: false`) carries its `blocked_reason`. Only persisted configs
 * can be deleted here; templates and hub skills are read-only.
 */
import type { CatalogSkill, CatalogSource } from "@agentlane/sdk/caipe";
import type { SkillGroup, SkillItem } from "../types.ts";

const SOURCE_LABEL: Record<CatalogSource, string> = {
  default: "Packaged templates",
  agent_skills: "Skill configs",
  hub: "Hub skills",
};

const isSource = (value: string): value is CatalogSource => value in SOURCE_LABEL;

/**
 * The groups of a catalog: the sources it loaded, a hub that could not be read named beside the hub group
 * (`unavailable_sources` lists `hub:<id>`).
 */
export function toGroups(loaded: readonly string[], unavailable: readonly string[]): SkillGroup[] {
  const failedHubs = unavailable.flatMap((source) => (source.startsWith("hub:") ? [source.slice(4)] : []));
  const sources = loaded.filter(isSource);
  if (failedHubs.length > 0 && !sources.includes("hub")) sources.push("hub");
  return sources.map((source) => ({
    id: source,
    label: SOURCE_LABEL[source],
    kind: "category",
    ...(source === "hub" && failedHubs.length > 0 ? { detail: `unavailable: ${failedHubs.join(", ")}` } : {}),
  }));
}

/** A catalog skill as the Skills view shows it: its source as group, its scan and quarantine. */
export function toSkill(skill: CatalogSkill): SkillItem {
  const scan = skill.scan_status
    ? { scan: { status: skill.scan_status, ...(skill.scan_summary ? { summary: skill.scan_summary } : {}) } }
    : {};
  const blocked = skill.runnable === false ? { blockedReason: skill.blocked_reason ?? "not runnable" } : {};
  return {
    groupId: skill.source,
    path: skill.id,
    name: skill.name,
    description: skill.description || null,
    enabled: true,
    ...scan,
    ...blocked,
    ...(skill.source === "agent_skills" ? {} : { readOnly: true }),
  };
}
