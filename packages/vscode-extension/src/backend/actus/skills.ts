/**
 * @module
 * Actus's installed skills (v2, for a `super_admin`) in the Skills view, in one group. A skill can be enabled,
 * disabled and deleted. Actus does not serve a skill's SKILL.md back, so opening one shows what the platform
 * records of it (version, runtime, where it was installed from, its bundle). Installing needs a folder on the
 * server or a GitHub tree URL, not an editor's file, so "create a skill" is not offered.
 */
import type { Actus, SkillItem as ActusSkill } from "@agentlane/sdk/actus";
import type { RequestStatus } from "../request-status.ts";
import type { SkillGroup, SkillItem, SkillsBackend } from "../types.ts";

/** The one group the installed skills are shown in. */
export const INSTALLED = "installed";

function toSkill(skill: ActusSkill): SkillItem {
  return {
    groupId: INSTALLED,
    path: skill.slug,
    name: skill.name,
    description: skill.description || null,
    enabled: skill.enabled,
    version: skill.version,
  };
}

/** What Actus records of a skill, as Markdown. */
function describe(skill: ActusSkill): string {
  return [
    `# ${skill.name}`,
    "",
    skill.description,
    "",
    `- Version: ${skill.version}`,
    `- Runtime: ${skill.runtime_type}`,
    `- Installed from (${skill.source_type}): ${skill.source_ref}`,
    `- Bundle: ${skill.bundle_file_count} files, ${skill.context_ref_count} context references`,
    `- ${skill.enabled ? "Enabled" : "Disabled"}; updated ${skill.updated_at}`,
    "",
  ].join("\n");
}

/** A super_admin's installed Actus skills as the Skills view's one group. */
export class ActusSkills implements SkillsBackend {
  readonly #actus: Actus;
  readonly #status: RequestStatus;

  constructor(actus: Actus, status: RequestStatus) {
    this.#actus = actus;
    this.#status = status;
  }

  async groups(): Promise<SkillGroup[]> {
    return [{ id: INSTALLED, label: "Installed skills", kind: "category" }];
  }

  async list(): Promise<SkillItem[]> {
    return (await this.#all()).map(toSkill);
  }

  async read(_groupId: string, path: string): Promise<SkillItem & { content: string }> {
    const skill = await this.#find(path);
    return { ...toSkill(skill), content: describe(skill) };
  }

  async toggle(_groupId: string, path: string): Promise<boolean> {
    const skill = await this.#find(path);
    await this.#actus.skills.setEnabled({ skill_key: skill.id, enabled: !skill.enabled });
    return !skill.enabled;
  }

  async remove(_groupId: string, path: string): Promise<void> {
    const skill = await this.#find(path);
    await this.#actus.skills.remove({ skill_key: skill.id });
  }

  async #all(): Promise<ActusSkill[]> {
    const { skills } = await this.#status.track(() => this.#actus.skills.list());
    return skills;
  }

  /** A skill by its slug (its id in the API); the list is the only read Actus offers. */
  async #find(slug: string): Promise<ActusSkill> {
    const skill = (await this.#all()).find((candidate) => candidate.slug === slug);
    if (!skill) throw new Error(`Actus has no skill ${slug} (it may have been deleted)`);
    return skill;
  }
}
