/**
 * @module
 * The Skills tree as data: groups (a machine, or a category) with their skills, narrowed by a filter
 * that matches the name, path or description. Nodes are stable objects, replaced only when a group is
 * reloaded.
 */
import type { SkillGroup, SkillItem } from "../backend/types.ts";
import type { Presentation } from "./presentation.ts";
import { presentSkill } from "./skill-presentation.ts";

export interface SkillGroupNode {
  kind: "group";
  group: SkillGroup;
}
export interface SkillNode {
  kind: "skill";
  skill: SkillItem;
}
export type SkillTreeNode = SkillGroupNode | SkillNode;

export class SkillCatalog {
  #groups: SkillGroupNode[] = [];
  readonly #skills = new Map<string, SkillNode[]>();
  #filter = "";

  setGroups(groups: readonly SkillGroup[]): void {
    const known = new Map(this.#groups.map((node) => [node.group.id, node]));
    this.#groups = groups.map((group) => {
      const node = known.get(group.id);
      if (!node) return { kind: "group", group };
      node.group = group;
      return node;
    });
    for (const id of this.#skills.keys()) if (!groups.some((group) => group.id === id)) this.#skills.delete(id);
  }

  /** Replaces a group's skills; answers the group's node to refresh. */
  setSkills(groupId: string, skills: readonly SkillItem[]): SkillGroupNode | undefined {
    this.#skills.set(
      groupId,
      skills.map((skill) => ({ kind: "skill", skill })),
    );
    return this.#groups.find((node) => node.group.id === groupId);
  }

  isLoaded(groupId: string): boolean {
    return this.#skills.has(groupId);
  }

  get filter(): string {
    return this.#filter;
  }

  set filter(text: string) {
    this.#filter = text.trim().toLowerCase();
  }

  skill(groupId: string, path: string): SkillItem | undefined {
    return this.#skills.get(groupId)?.find((node) => node.skill.path === path)?.skill;
  }

  group(groupId: string): SkillGroup | undefined {
    return this.#groups.find((node) => node.group.id === groupId)?.group;
  }

  get groups(): SkillGroup[] {
    return this.#groups.map((node) => node.group);
  }

  children(node?: SkillTreeNode): SkillTreeNode[] {
    if (node === undefined) {
      if (!this.#filter) return this.#groups;
      // While filtering, groups without a match are hidden (unloaded groups stay, to be searched).
      return this.#groups.filter((group) => !this.isLoaded(group.group.id) || this.children(group).length > 0);
    }
    if (node.kind === "skill") return [];
    const skills = this.#skills.get(node.group.id) ?? [];
    return this.#filter ? skills.filter((skill) => this.#matches(skill.skill)) : skills;
  }

  present(node: SkillTreeNode): Presentation {
    if (node.kind === "group") {
      const { group } = node;
      const skills = this.#skills.get(group.id);
      const count = skills
        ? this.#filter
          ? `${this.children(node).length}/${skills.length}`
          : `${skills.length}`
        : "";
      return {
        label: group.label,
        description: [group.detail, count && `${count} skills`].filter(Boolean).join(" · "),
        icon: group.kind === "machine" ? "vm" : "folder",
        contextValue: `skillGroup:${group.kind}`,
        collapsible: "expanded",
      };
    }
    return presentSkill(node.skill);
  }

  #matches(skill: SkillItem): boolean {
    const text = `${skill.name}\n${skill.path}\n${skill.description ?? ""}`.toLowerCase();
    return text.includes(this.#filter);
  }
}
