import { AuthenticationError, PermissionDeniedError } from "@agentlane/sdk";
import { CaipeSkills } from "@agentlane/sdk/caipe";
import { createServer, type LiteServer } from "@agentlane/server-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../types.ts";
import { caipeAdapter } from "./index.ts";

const task = { display_text: "Run it", llm_prompt: "Follow the steps.", subagent: "general" };

/** A config made by `client`, with one task. */
const config = (client: CaipeSkills, name: string, skill_content: string, extra: { visibility?: "global" } = {}) =>
  client.configs.create({ name, category: "ops", tasks: [task], skill_content, ...extra });

describe("the CAIPE adapter against server-lite", () => {
  let server: LiteServer;
  let baseUrl: string;
  let backend: Backend;
  let admin: CaipeSkills;
  let user: CaipeSkills;
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => server.fetch(new Request(input, init));
  const adapter = caipeAdapter({ fetch });

  beforeAll(async () => {
    server = await createServer({ platform: "caipe", seed: true });
    baseUrl = `http://lite.test${server.bases.caipe}`;
    const seed = server.seedInfo.caipe!;
    admin = new CaipeSkills({ baseUrl, fetch, token: seed.adminToken!, retry: 0 });
    user = new CaipeSkills({ baseUrl, fetch, token: seed.userToken!, retry: 0 });
    backend = await adapter.connect(baseUrl, { token: seed.userToken! });
  });
  afterAll(async () => {
    backend?.dispose();
    await server?.close();
  });

  it("signs in with a token, refuses a bad one with the platform's error, and offers skills only", async () => {
    expect(adapter.signInMethods).toEqual(["token"]);
    await expect(adapter.connect(baseUrl, { token: "wrong" })).rejects.toBeInstanceOf(AuthenticationError);
    await expect(adapter.connect(baseUrl, { clientId: "a", clientSecret: "b" })).rejects.toThrow(/token/);
    expect(backend.tasks).toBeUndefined();
    expect(backend.terminals).toBeUndefined();
    const skills = backend.skills!;
    expect([skills.toggle, skills.save, skills.setPriority, typeof skills.remove, typeof skills.rescan]).toEqual([
      undefined,
      undefined,
      undefined,
      "function",
      "function",
    ]);
  });

  it("groups the catalog by source and reads a template's SKILL.md; templates are read-only", async () => {
    const skills = backend.skills!;
    const groups = await skills.groups();
    expect(groups.map((g) => [g.id, g.label])).toEqual([
      ["default", "Packaged templates"],
      ["agent_skills", "Skill configs"],
    ]);
    const templates = await skills.list("default");
    const review = templates.find((s) => s.path === "code-review-checklist");
    expect(review).toMatchObject({ groupId: "default", readOnly: true, enabled: true });
    expect(review?.description).toMatch(/checklist/);
    expect((await skills.read("default", review!.path)).content).toMatch(/^---\n/);
  });

  it("shows each config's scan status and the quarantine of a flagged one", async () => {
    const clean = await config(user, "Deploy checklist", "# Deploy\n\nCheck the dashboards.\n");
    const leaky = await config(user, "Leaky helper", "# Leaky\n\nexport AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP\n");
    const configs = await backend.skills!.list("agent_skills");
    const byId = (id: string) => configs.find((s) => s.path === id);
    expect(byId(clean.id)).toMatchObject({ scan: { status: "passed" } });
    expect([byId(clean.id)?.blockedReason, byId(clean.id)?.readOnly]).toEqual([undefined, undefined]);
    expect(byId(leaky.id)).toMatchObject({ scan: { status: "flagged" }, blockedReason: "scan_flagged" });
    expect(byId(leaky.id)?.scan?.summary).toBeTruthy();

    // An allow-listed skill is never quarantined; a policy that excludes flagged skills leaves it out.
    await admin.quarantine.update({ allow_list_skill_ids: [leaky.id] });
    const allowed = (await backend.skills!.list("agent_skills")).find((s) => s.path === leaky.id);
    expect(allowed).toMatchObject({ scan: { status: "flagged" } });
    expect(allowed?.blockedReason).toBeUndefined();
    await admin.quarantine.update({ allow_list_skill_ids: [], exclude_flagged_from_catalog: true });
    expect((await backend.skills!.list("agent_skills")).some((s) => s.path === leaky.id)).toBe(false);
    await admin.quarantine.update({ exclude_flagged_from_catalog: false });
  });

  it("scans a skill again: an admin any skill (a template too), a user only their own", async () => {
    const asAdmin = await adapter.connect(baseUrl, { token: server.seedInfo.caipe!.adminToken! });
    try {
      const before = (await asAdmin.skills!.list("default")).find((s) => s.path === "release-notes-writer");
      expect(before?.scan).toBeUndefined();
      const scanned = await asAdmin.skills!.rescan!("default", "release-notes-writer");
      expect(scanned).toMatchObject({ path: "release-notes-writer", scan: { status: "passed" } });
      await expect(backend.skills!.rescan!("default", "release-notes-writer")).rejects.toBeInstanceOf(
        PermissionDeniedError,
      );
      const mine = await config(user, "Rescan me", "# Fine\n");
      expect(await backend.skills!.rescan!("agent_skills", mine.id)).toMatchObject({ scan: { status: "passed" } });
    } finally {
      asAdmin.dispose();
    }
  });

  it("deletes the user's own config, and answers the platform's refusal for someone else's", async () => {
    const mine = await user.configs.create({
      name: "Scratch",
      category: "misc",
      tasks: [task],
      skill_content: "# S\n",
    });
    const theirs = await admin.configs.create({
      name: "Team runbook",
      category: "ops",
      tasks: [task],
      visibility: "global",
      skill_content: "# Runbook\n",
    });
    expect((await backend.skills!.read("agent_skills", mine.id)).content).toBe("# S\n");
    await backend.skills!.remove!("agent_skills", mine.id);
    expect((await backend.skills!.list("agent_skills")).some((s) => s.path === mine.id)).toBe(false);
    await expect(backend.skills!.remove!("agent_skills", theirs.id)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(backend.skills!.remove!("default", "code-review-checklist")).rejects.toThrow(/read-only/);
  });
});
