/**
 * @module
 * Skills on ClaudeNest: per machine, addressed by path; a machine is a skill group.
 */
import type { ClaudeNest } from "@agentlane/sdk/claudenest";
import type { SkillDraft, SkillGroup, SkillItem, SkillsBackend } from "../types.ts";
import type { MachineDirectory } from "./machines.ts";
import { toSkill } from "./map.ts";

export class ClaudeNestSkills implements SkillsBackend {
  readonly maxPriority = 1000;
  readonly #nest: ClaudeNest;
  readonly #machines: MachineDirectory;

  constructor(nest: ClaudeNest, machines: MachineDirectory) {
    this.#nest = nest;
    this.#machines = machines;
  }

  async groups(): Promise<SkillGroup[]> {
    const machines = await this.#machines.list();
    return machines.map((machine) => ({
      id: machine.id,
      label: machine.name,
      kind: "machine",
      detail: machine.status,
    }));
  }

  async list(groupId: string): Promise<SkillItem[]> {
    const skills = await this.#nest.skills.list({ machine: groupId });
    return skills.map((skill) => toSkill(groupId, skill));
  }

  async read(groupId: string, path: string): Promise<SkillItem & { content: string }> {
    const skill = await this.#nest.skills.get({ machine: groupId, path });
    return { ...toSkill(groupId, skill), content: skill.content };
  }

  async toggle(groupId: string, path: string): Promise<boolean> {
    const { enabled } = await this.#nest.skills.toggle({ machine: groupId, path });
    return enabled;
  }

  async save(groupId: string, draft: SkillDraft): Promise<SkillItem> {
    const skill = await this.#nest.skills.createOrUpdate({ machine: groupId, ...draft });
    return toSkill(groupId, skill);
  }

  async setPriority(groupId: string, path: string, priority: number): Promise<SkillItem> {
    const skill = await this.#nest.skills.update({ machine: groupId, path, priority });
    return toSkill(groupId, skill);
  }

  async remove(groupId: string, path: string): Promise<void> {
    await this.#nest.skills.remove({ machine: groupId, path });
  }
}
