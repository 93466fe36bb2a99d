/**
 * @module
 * The machines a ClaudeNest client may see: every machine of the user with a personal token, or only its
 * own machine with a machine token (from pairing), which may not list machines.
 */
import type { ClaudeNest, Machine } from "@agentlane/sdk/claudenest";

export class MachineDirectory {
  readonly #nest: ClaudeNest;
  readonly #ownMachineId: string | undefined;

  constructor(nest: ClaudeNest, ownMachineId: string | undefined) {
    this.#nest = nest;
    this.#ownMachineId = ownMachineId;
  }

  async list(): Promise<Machine[]> {
    if (this.#ownMachineId !== undefined) return [await this.#nest.machines.get({ id: this.#ownMachineId })];
    const machines: Machine[] = [];
    for await (const machine of this.#nest.machines.list({ per_page: 100 })) machines.push(machine);
    return machines;
  }
}
