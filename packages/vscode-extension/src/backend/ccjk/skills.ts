/**
 * @module
 * The CCJK Cloud skill registry in the Skills view: each category is a group, its skills listed (every page)
 * in the editor's language, read with their Markdown template. The registry has no enabled state, priority
 * or delete; "create a skill" publishes one as a private skill of the account (published at once, seen only
 * by its publisher; a public one would wait for review), and an id already taken is the platform's
 * `RESOURCE_EXISTS`.
 */
import type { CCJKCloud, SkillListItem } from "@agentlane/sdk/ccjk";
import type { RequestStatus } from "../request-status.ts";
import type { SkillDraft, SkillGroup, SkillItem, SkillsBackend } from "../types.ts";
import { toSkill, toSkillWithContent } from "./map.ts";

/** The registry's id for a path (`team/Code Review` → `team-code-review`). */
export function skillId(path: string): string {
  return path
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The CCJK Cloud skill registry as the Skills view's categories and skills. */
export class CCJKSkills implements SkillsBackend {
  readonly #ccjk: CCJKCloud;
  readonly #lang: "en" | "zh-CN";
  readonly #status: RequestStatus;
  /** The registry as the latest `groups()` read it, until the next one (or a publish) replaces it. */
  #registry: Promise<SkillListItem[]> | undefined;

  constructor(ccjk: CCJKCloud, lang: "en" | "zh-CN", status: RequestStatus) {
    this.#ccjk = ccjk;
    this.#lang = lang;
    this.#status = status;
  }

  /**
   * The categories; also starts one reading of the whole registry, which the `list()` calls of the same load
   * share (a load, every 30 s while the view shows, is then a request or two, not one per category: a Free plan
   * has 1,000 an hour).
   */
  async groups(): Promise<SkillGroup[]> {
    this.#registry = this.#read();
    this.#registry.catch(() => {}); // a failure is answered to the list() calls that use it
    const { categories } = await this.#status.track(() => this.#ccjk.skills.categories());
    return categories.map((category) => ({
      id: category.id,
      label: category.name[this.#lang],
      kind: "category",
      detail: category.description[this.#lang],
    }));
  }

  async list(groupId: string): Promise<SkillItem[]> {
    const skills = this.#registry
      ? (await this.#registry).filter((skill) => skill.category === groupId)
      : await this.#read(groupId);
    return skills.map((skill) => toSkill(groupId, skill));
  }

  /** Every listed skill, page after page (of one category, or of all). */
  async #read(category?: string): Promise<SkillListItem[]> {
    const skills: SkillListItem[] = [];
    const query = { sort: "name", lang: this.#lang, limit: 100, ...(category ? { category } : {}) } as const;
    await this.#status.track(async () => {
      for await (const skill of this.#ccjk.skills.list(query)) skills.push(skill);
    });
    return skills;
  }

  async read(_groupId: string, path: string): Promise<SkillItem & { content: string }> {
    const skill = await this.#status.track(() => this.#ccjk.skills.get({ id: path }));
    return toSkillWithContent(skill, this.#lang);
  }

  async save(groupId: string, draft: SkillDraft): Promise<SkillItem> {
    const id = skillId(draft.path);
    const description = draft.description || draft.name;
    this.#registry = undefined; // the next list() reads the new skill
    const published = await this.#ccjk.skills.publish({
      skill: {
        id,
        name: { en: draft.name },
        description: { en: description },
        category: groupId,
        version: "1.0.0",
        template: draft.content,
      },
      visibility: "private",
    });
    return {
      groupId,
      path: published.skillId,
      name: draft.name,
      description,
      enabled: true,
      version: published.version,
      readOnly: true,
    };
  }
}
