import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type MachineToolsWorld, machineToolsWorld } from "../testing/test-machine-tools.ts";

let world: MachineToolsWorld;
beforeEach(async () => {
  world = await machineToolsWorld();
});
afterEach(() => world.close());

const skill = (path: string, extra: Record<string, unknown> = {}) => ({
  machine: world.machine.id,
  path,
  name: `Skill ${path}`,
  content: `# ${path}\n`,
  ...extra,
});

describe("skills", () => {
  it("creates a skill with defaults and measures its content in UTF-8 bytes", async () => {
    const created = await world.nest.skills.createOrUpdate(
      skill("team/debugging", { content: "héllo ✓", description: "Debugging", metadata: { tags: ["debug"] } }),
    );
    expect(created).toMatchObject({
      path: "team/debugging",
      name: "Skill team/debugging",
      description: "Debugging",
      content: "héllo ✓",
      enabled: true,
      priority: 0,
      size_bytes: 10,
      metadata: { tags: ["debug"] },
    });
    expect(created.size_bytes).toBe(Buffer.byteLength("héllo ✓"));
    const fetched = await world.nest.skills.get({ machine: world.machine.id, path: "team/debugging" });
    expect(fetched).toEqual(created);
  });

  it("reaches a skill whose path has slashes, sent raw or percent-encoded", async () => {
    await world.nest.skills.createOrUpdate(skill("team/debugging"));
    const base = `http://lite.test/claudenest/api/machines/${world.machine.id}/skills`;
    const headers = { authorization: `Bearer ${await loginToken(world)}` };
    for (const url of [`${base}/team/debugging`, `${base}/team%2Fdebugging`]) {
      const response = await world.server.fetch(new Request(url, { headers }));
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: { path: string } }).data.path).toBe("team/debugging");
    }
  });

  it("lists skills by priority, highest first, then by path", async () => {
    await world.nest.skills.createOrUpdate(skill("b", { priority: 5 }));
    await world.nest.skills.createOrUpdate(skill("a", { priority: 5 }));
    await world.nest.skills.createOrUpdate(skill("z", { priority: 20 }));
    await world.nest.skills.createOrUpdate({ ...skill("other"), machine: world.otherMachine.id });
    const listed = await world.nest.skills.list({ machine: world.machine.id });
    expect(listed.map((s) => s.path)).toEqual(["z", "a", "b"]);
    expect(listed[0]).not.toHaveProperty("content");
  });

  it("upserts by path: same id, given fields replaced, last_modified moved only by a change", async () => {
    world.server.clock.freeze();
    const created = await world.nest.skills.createOrUpdate(skill("testing", { priority: 3, description: "old" }));
    world.server.clock.advance(60_000);
    const same = await world.nest.skills.createOrUpdate(skill("testing"));
    expect(same.last_modified).toBe(created.last_modified);
    world.server.clock.advance(60_000);
    const updated = await world.nest.skills.createOrUpdate(skill("testing", { content: "new body" }));
    expect(updated).toMatchObject({
      id: created.id,
      content: "new body",
      size_bytes: 8,
      priority: 3,
      description: "old",
    });
    expect(Date.parse(updated.last_modified)).toBe(Date.parse(created.last_modified) + 120_000);
    expect(await world.nest.skills.list({ machine: world.machine.id })).toHaveLength(1);
  });

  it("updates a skill with PATCH", async () => {
    await world.nest.skills.createOrUpdate(skill("team/review"));
    world.server.clock.advance(1000);
    const updated = await world.nest.skills.update({
      machine: world.machine.id,
      path: "team/review",
      priority: 7,
      enabled: false,
      description: null,
      metadata: { version: "2" },
    });
    expect(updated).toMatchObject({ priority: 7, enabled: false, description: null, metadata: { version: "2" } });
    await expect(
      world.nest.skills.update({ machine: world.machine.id, path: "missing", priority: 1 }),
    ).rejects.toMatchObject({ status: 404, code: "SKL_001" });
    await expect(
      world.nest.skills.update({
        machine: world.machine.id,
        path: "team/review",
        priority: 5000,
        enabled: "no",
      } as never),
    ).rejects.toMatchObject({
      status: 422,
      code: "VAL_001",
      details: { priority: expect.any(Array), enabled: expect.any(Array) },
    });
    expect((await world.nest.skills.get({ machine: world.machine.id, path: "team/review" })).priority).toBe(7);
  });

  it("toggles a skill", async () => {
    await world.nest.skills.createOrUpdate(skill("team/debugging"));
    const at = { machine: world.machine.id, path: "team/debugging" };
    expect(await world.nest.skills.toggle(at)).toEqual({ path: "team/debugging", enabled: false });
    expect((await world.nest.skills.get(at)).enabled).toBe(false);
    expect(await world.nest.skills.toggle(at)).toEqual({ path: "team/debugging", enabled: true });
    await expect(world.nest.skills.toggle({ ...at, path: "team" })).rejects.toMatchObject({ code: "SKL_001" });
  });

  it("deletes a skill", async () => {
    await world.nest.skills.createOrUpdate(skill("team/debugging"));
    const at = { machine: world.machine.id, path: "team/debugging" };
    expect(await world.nest.skills.remove(at)).toBeNull();
    await expect(world.nest.skills.get(at)).rejects.toMatchObject({ status: 404, code: "SKL_001" });
    await expect(world.nest.skills.remove(at)).rejects.toMatchObject({ status: 404, code: "SKL_001" });
  });

  it("bulk-updates skills and reports the paths it did not find", async () => {
    await world.nest.skills.createOrUpdate(skill("debugging"));
    await world.nest.skills.createOrUpdate(skill("testing"));
    const result = await world.nest.skills.bulk({
      machine: world.machine.id,
      updates: [
        { path: "debugging", enabled: false },
        { path: "testing", priority: 20 },
        { path: "nowhere", enabled: false },
      ],
    });
    expect(result).toEqual({ updated: 2, not_found: ["nowhere"] });
    const listed = await world.nest.skills.list({ machine: world.machine.id });
    expect(listed.map((s) => [s.path, s.enabled, s.priority])).toEqual([
      ["testing", true, 20],
      ["debugging", false, 0],
    ]);
  });

  it("refuses an invalid bulk as a whole", async () => {
    await world.nest.skills.createOrUpdate(skill("debugging"));
    await expect(
      world.nest.skills.bulk({
        machine: world.machine.id,
        updates: [
          { path: "debugging", enabled: false },
          { path: "testing", priority: -1 },
        ],
      }),
    ).rejects.toMatchObject({ status: 422, code: "VAL_001", details: { "updates.1.priority": expect.any(Array) } });
    expect((await world.nest.skills.get({ machine: world.machine.id, path: "debugging" })).enabled).toBe(true);
    await expect(world.nest.skills.bulk({ machine: world.machine.id, updates: [] })).rejects.toMatchObject({
      code: "VAL_001",
    });
  });

  it("validates paths and required fields", async () => {
    for (const path of ["../etc", "a//b", "/lead", "trail/", "a/./b", "spaces here", "x".repeat(256)]) {
      await expect(world.nest.skills.createOrUpdate(skill(path))).rejects.toMatchObject({
        status: 422,
        code: "VAL_001",
        details: { path: expect.any(Array) },
      });
    }
    await expect(
      world.nest.skills.createOrUpdate({ machine: world.machine.id, path: "p", content: "" } as never),
    ).rejects.toMatchObject({ code: "VAL_001", details: { name: ["The name field is required."] } });
    await expect(world.nest.skills.createOrUpdate(skill("v1.2/notes_x-y"))).resolves.toMatchObject({
      path: "v1.2/notes_x-y",
    });
  });

  it("holds content to 1000000 characters, however it is written", async () => {
    const at = { machine: world.machine.id, path: "big" };
    const tooLong = "x".repeat(1_000_001);
    await world.nest.skills.createOrUpdate(skill("big"));
    await expect(world.nest.skills.createOrUpdate(skill("big", { content: tooLong }))).rejects.toMatchObject({
      status: 422,
      details: { content: expect.any(Array) },
    });
    await expect(world.nest.skills.update({ ...at, content: tooLong })).rejects.toMatchObject({
      status: 422,
      details: { content: expect.any(Array) },
    });
    await expect(
      world.nest.skills.bulk({ machine: world.machine.id, updates: [{ path: "big", content: tooLong }] }),
    ).rejects.toMatchObject({ status: 422, details: { "updates.0.content": expect.any(Array) } });
    const largest = await world.nest.skills.update({ ...at, content: tooLong.slice(1) });
    expect(largest.size_bytes).toBe(1_000_000);
  });

  it("lets a machine token use its own machine only", async () => {
    const created = await world.agent.skills.createOrUpdate(skill("agent/found"));
    expect(await world.nest.skills.get({ machine: world.machine.id, path: "agent/found" })).toEqual(created);
    expect(await world.agent.skills.list({ machine: world.machine.id })).toHaveLength(1);
    await expect(world.agent.skills.list({ machine: world.otherMachine.id })).rejects.toMatchObject({
      status: 404,
      code: "MCH_001",
    });
    await expect(
      world.agent.skills.createOrUpdate({ ...skill("x"), machine: world.otherMachine.id }),
    ).rejects.toMatchObject({ code: "MCH_001" });
  });

  it("hides other users' machines and unknown machines", async () => {
    for (const machine of [world.strangerMachine.id, "no-such-machine"]) {
      await expect(world.nest.skills.list({ machine })).rejects.toMatchObject({ status: 404, code: "MCH_001" });
      await expect(world.nest.skills.createOrUpdate({ ...skill("x"), machine })).rejects.toMatchObject({
        code: "MCH_001",
      });
      await expect(world.nest.skills.get({ machine, path: "x" })).rejects.toMatchObject({ code: "MCH_001" });
    }
  });

  it("goes with its machine", async () => {
    await world.nest.skills.createOrUpdate(skill("team/debugging"));
    await world.nest.machines.remove({ id: world.machine.id });
    expect(world.server.db.get<{ n: number }>("SELECT count(*) AS n FROM cn_skills")!.n).toBe(0);
  });
});

/** A fresh personal token for raw requests. */
async function loginToken(w: MachineToolsWorld): Promise<string> {
  const { token } = await w.nest.auth.createToken({ name: "raw" });
  return token;
}
