/**
 * @module
 * CAIPE's merged catalog as a {@link SkillsBackend}: groups are the sources the catalog loaded, a group's skills
 * every page of that source, a skill's content its SKILL.md (asked for only when a skill is opened). Deleting
 * removes a persisted config; the catalog's other skills are read-only. Re-scanning runs the platform's static
 * scan again (an owner's own config, or any skill for an admin).
 */
import type { CaipeSkills, CatalogSkill, CatalogSource } from "@agentlane/sdk/caipe";
import type { RequestStatus } from "../request-status.ts";
import type { SkillGroup, SkillItem, SkillsBackend } from "../types.ts";
import { toGroups, toSkill } from "./map.ts";

/** CAIPE's merged catalog as the Skills view's groups and skills. */
export class CaipeCatalog implements SkillsBackend {
  readonly #caipe: CaipeSkills;
  readonly #status: RequestStatus;

  constructor(caipe: CaipeSkills, status: RequestStatus) {
    this.#caipe = caipe;
    this.#status = status;
  }

  async groups(): Promise<SkillGroup[]> {
    const { meta } = await this.#status.track(() => this.#caipe.catalog.list({ page: 1, page_size: 1 }));
    return toGroups(meta.sources_loaded, meta.unavailable_sources);
  }

  async list(groupId: string): Promise<SkillItem[]> {
    return (await this.#source(groupId, false)).map(toSkill);
  }

  async read(groupId: string, path: string): Promise<SkillItem & { content: string }> {
    const skill = (await this.#source(groupId, true)).find((candidate) => candidate.id === path);
    if (!skill) throw new Error(`The catalog has no skill ${path} in ${groupId} (it may have been removed)`);
    return { ...toSkill(skill), content: skill.content ?? "" };
  }

  async remove(groupId: string, path: string): Promise<void> {
    if (groupId !== "agent_skills")
      throw new Error("Only skill configs can be deleted; templates and hub skills are read-only");
    await this.#caipe.configs.remove({ id: path });
  }

  async rescan(groupId: string, path: string): Promise<SkillItem> {
    await this.#caipe.scans.rescan({ skill_id: path });
    const skill = (await this.#source(groupId, false)).find((candidate) => candidate.id === path);
    if (!skill) throw new Error(`The catalog no longer shows ${path} (a policy that excludes flagged skills hides it)`);
    return toSkill(skill);
  }

  /** Every skill of one source, page after page. */
  async #source(source: string, withContent: boolean): Promise<CatalogSkill[]> {
    const skills: CatalogSkill[] = [];
    const pages = this.#caipe.catalog.list({
      source: source as CatalogSource,
      page: 1,
      page_size: 100,
      ...(withContent ? { include_content: "true" as const } : {}),
    });
    await this.#status.track(async () => {
      for await (const skill of pages) skills.push(skill);
    });
    return skills;
  }
}
