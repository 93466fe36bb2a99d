import { describe, expect, it } from "vitest";
import manifest from "../../package.json" with { type: "json" };
import type { Backend, SkillsBackend, TasksBackend } from "../backend/types.ts";
import { type CapabilityKey, capabilities } from "./capabilities.ts";

const skillsReadOnly: SkillsBackend = {
  groups: async () => [],
  list: async () => [],
  read: async () => Promise.reject(new Error("none")),
};
const agentTasks: TasksBackend = {
  projects: async () => [],
  create: async () => Promise.reject(new Error("none")),
  watch: () => ({ dispose() {} }),
  cancel: async () => Promise.reject(new Error("none")),
};
const backend = (parts: Partial<Backend>): Backend => ({
  platform: "test",
  status: { state: "connected" },
  onStatus: () => ({ dispose() {} }),
  dispose() {},
  ...parts,
});

/** The context key each guarded command needs, as `package.json` must say it. */
const GUARDED: Record<string, CapabilityKey> = {
  "agentlane.skills.toggle": "agentlane.skills.canToggle",
  "agentlane.skills.enable": "agentlane.skills.canToggle",
  "agentlane.skills.disable": "agentlane.skills.canToggle",
  "agentlane.skills.setPriority": "agentlane.skills.canSetPriority",
  "agentlane.skills.delete": "agentlane.skills.canRemove",
  "agentlane.skills.createFromFile": "agentlane.skills.canSave",
  "agentlane.skills.rescan": "agentlane.skills.canRescan",
  "agentlane.tasks.claim": "agentlane.tasks.canClaim",
  "agentlane.tasks.claimNext": "agentlane.tasks.canClaimNext",
  "agentlane.tasks.release": "agentlane.tasks.canRelease",
  "agentlane.tasks.complete": "agentlane.tasks.canComplete",
  "agentlane.tasks.cancel": "agentlane.tasks.canCancel",
};

describe("capabilities", () => {
  it("turns every key off without a backend", () => {
    expect(Object.values(capabilities(undefined)).every((on) => on === false)).toBe(true);
  });

  it("offers only what a backend implements: a read-only skill list and tasks that can only be cancelled", () => {
    const keys = capabilities(backend({ skills: skillsReadOnly, tasks: agentTasks }));
    expect(keys).toMatchObject({
      "agentlane.offers.skills": true,
      "agentlane.offers.tasks": true,
      "agentlane.offers.terminals": false,
      "agentlane.skills.canToggle": false,
      "agentlane.skills.canSave": false,
      "agentlane.skills.canRemove": false,
      "agentlane.tasks.canClaim": false,
      "agentlane.tasks.canClaimNext": false,
      "agentlane.tasks.canCancel": true,
    });
  });

  it("needs a maximum to offer priorities, and a claim to offer the next task", () => {
    const setPriority = async () => Promise.reject(new Error("none"));
    expect(
      capabilities(backend({ skills: { ...skillsReadOnly, setPriority } }))["agentlane.skills.canSetPriority"],
    ).toBe(false);
    const ordered = { ...skillsReadOnly, setPriority, maxPriority: 10 };
    expect(capabilities(backend({ skills: ordered }))["agentlane.skills.canSetPriority"]).toBe(true);
    const nextAvailable = async () => null;
    expect(capabilities(backend({ tasks: { ...agentTasks, nextAvailable } }))["agentlane.tasks.canClaimNext"]).toBe(
      false,
    );
  });
});

describe("package.json hides what the backend does not offer", () => {
  const { commands, menus } = manifest.contributes;
  const entries = Object.values(menus).flat() as Array<{ command: string; when?: string }>;

  it("names only context keys the extension sets", () => {
    const known = new Set(Object.keys(capabilities(undefined)));
    const used = JSON.stringify(manifest.contributes).match(/agentlane\.(offers\.\w+|\w+\.can[A-Z]\w*)/g) ?? [];
    expect(used.filter((key) => !known.has(key))).toEqual([]);
  });

  it("hides each view whose part the connected backend lacks (the Chats view also while disconnected)", () => {
    const when = Object.fromEntries(manifest.contributes.views.agentlane.map((view) => [view.id, view.when]));
    expect(when).toEqual({
      "agentlane.skills": "!agentlane.connected || agentlane.offers.skills",
      "agentlane.tasks": "!agentlane.connected || agentlane.offers.tasks",
      "agentlane.machines": "!agentlane.connected || agentlane.offers.terminals",
      "agentlane.chats": "agentlane.offers.chats",
    });
  });

  it("enables each command only where the connected platform has its part", () => {
    const PART_OF: Record<string, CapabilityKey> = {
      skills: "agentlane.offers.skills",
      tasks: "agentlane.offers.tasks",
      locks: "agentlane.offers.tasks",
      sessions: "agentlane.offers.terminals",
      chats: "agentlane.offers.chats",
    };
    for (const { command, enablement } of commands) {
      const part = PART_OF[command.split(".")[1]!];
      // An optional operation's own key (`agentlane.skills.canToggle`) implies its part.
      if (part) expect(enablement, command).toContain(GUARDED[command] ?? part);
    }
  });

  it("guards each optional operation's command and every menu entry of it with its key", () => {
    for (const [command, key] of Object.entries(GUARDED)) {
      const contribution = commands.find((c) => c.command === command);
      expect(contribution?.enablement, command).toContain(key);
      // `"when": "false"` keeps a command out of the palette altogether.
      const shown = entries.filter((entry) => entry.command === command && entry.when !== "false");
      expect(shown.length, command).toBeGreaterThan(0);
      for (const entry of shown) expect(entry.when, `${command} in a menu`).toContain(key);
    }
  });
});
