import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LiteServer } from "../../../server.ts";
import { newUser, onlineMachine, startServer } from "../testing/test-support.ts";

let server: LiteServer;
beforeEach(async () => {
  server = await startServer();
  server.clock.freeze();
});
afterEach(async () => {
  await server.close();
});

const MINUTE_MS = 60_000;

async function projectSetup() {
  const { nest } = await newUser(server);
  const machine = await onlineMachine(server, nest);
  const project = await nest.projects.create({ machine: machine.id, name: "Web app", project_path: "/srv/app" });
  const seen: { event: string; data: unknown }[] = [];
  server.events.subscribe(`private-project.${project.id}`, (event, data) => seen.push({ event, data }));
  return { nest, machine, project, seen };
}

const iso = (ms: number) => new Date(ms).toISOString();

describe("locks", () => {
  it("acquires a lock for 30 minutes by default, lists it and checks it", async () => {
    const { nest, project, seen } = await projectSetup();
    const now = server.clock.now();
    const acquired = await nest.locks
      .acquire({ project: project.id, path: "./src//auth.php", instance_id: "instance_1", reason: "Refactoring" })
      .withResponse();
    expect(acquired.status).toBe(201);
    const lock = {
      path: "src/auth.php",
      locked_by: "instance_1",
      reason: "Refactoring",
      locked_at: iso(now),
      expires_at: iso(now + 30 * MINUTE_MS),
      remaining_seconds: 1800,
    };
    expect(acquired.data).toEqual(lock);
    expect(seen).toEqual([
      { event: "file:locked", data: { path: "src/auth.php", lockedBy: "instance_1", reason: "Refactoring" } },
    ]);

    server.clock.advance(5 * MINUTE_MS);
    expect(await nest.locks.list({ project: project.id })).toEqual([{ ...lock, remaining_seconds: 1500 }]);
    for (const spelling of ["src/auth.php", "/srv/app/src/auth.php", "src/lib/../auth.php"]) {
      expect(await nest.locks.check({ project: project.id, path: spelling })).toEqual({
        path: "src/auth.php",
        locked: true,
        locked_by: "instance_1",
        reason: "Refactoring",
        expires_at: lock.expires_at,
      });
    }
    expect(await nest.locks.check({ project: project.id, path: "src/User.php" })).toEqual({
      path: "src/User.php",
      locked: false,
      locked_by: null,
      reason: null,
      expires_at: null,
    });

    const [activity] = await nest.projects.activity({ id: project.id, limit: 1 });
    expect(activity).toMatchObject({
      type: "file_locked",
      instance_id: "instance_1",
      details: { path: "src/auth.php", reason: "Refactoring", expires_at: lock.expires_at, refreshed: false },
    });
    expect((await nest.projects.instances({ id: project.id })).map((i) => i.id)).toEqual(["instance_1"]);
    expect((await nest.projects.stats({ id: project.id })).active_locks).toBe(1);
  });

  it("refuses paths outside the project with VAL_001", async () => {
    const { nest, project, seen } = await projectSetup();
    for (const path of ["../secrets.env", "/etc/passwd", "../", "/srv/app"]) {
      await expect(nest.locks.acquire({ project: project.id, path, instance_id: "i1" })).rejects.toMatchObject({
        status: 422,
        code: "VAL_001",
        fieldErrors: { path: [expect.any(String)] },
      });
    }
    await expect(nest.locks.check({ project: project.id, path: "../x" })).rejects.toMatchObject({ code: "VAL_001" });
    await expect(
      nest.locks.acquire({ project: project.id, path: "a.ts", instance_id: "i1", duration_minutes: 0 }),
    ).rejects.toMatchObject({ code: "VAL_001" });
    expect(await nest.locks.list({ project: project.id })).toEqual([]);
    expect(seen).toEqual([]);
  });

  it("holds a file however its accented name is spelled, as macOS names it one file", async () => {
    const { nest, project } = await projectSetup();
    await nest.locks.acquire({ project: project.id, path: "docs/r\u00e9sum\u00e9.md", instance_id: "i1" });
    const decomposed = "docs/re\u0301sume\u0301.md";
    await expect(
      nest.locks.acquire({ project: project.id, path: decomposed, instance_id: "i2" }),
    ).rejects.toMatchObject({
      status: 409,
      code: "LCK_001",
    });
    expect(await nest.locks.check({ project: project.id, path: decomposed })).toMatchObject({
      locked: true,
      locked_by: "i1",
    });
  });

  it("refuses a lock held by another instance with LCK_001 and refreshes the holder's own", async () => {
    const { nest, project, seen } = await projectSetup();
    const start = server.clock.now();
    await nest.locks.acquire({ project: project.id, path: "a.ts", instance_id: "i1", reason: "First" });
    await expect(nest.locks.acquire({ project: project.id, path: "./a.ts", instance_id: "i2" })).rejects.toMatchObject({
      status: 409,
      code: "LCK_001",
      message: expect.stringContaining("i1"),
    });

    server.clock.advance(10 * MINUTE_MS);
    const kept = await nest.locks.acquire({
      project: project.id,
      path: "a.ts",
      instance_id: "i1",
      duration_minutes: 5,
    });
    expect(kept).toMatchObject({
      locked_by: "i1",
      reason: "First",
      locked_at: iso(start),
      expires_at: iso(start + 15 * MINUTE_MS),
    });
    const renamed = await nest.locks.acquire({
      project: project.id,
      path: "a.ts",
      instance_id: "i1",
      reason: "Second",
    });
    expect(renamed).toMatchObject({ reason: "Second", locked_at: iso(start), expires_at: iso(start + 40 * MINUTE_MS) });
    expect(seen.map((e) => e.event)).toEqual(["file:locked", "file:locked", "file:locked"]);
    expect(seen[2]!.data).toEqual({ path: "a.ts", lockedBy: "i1", reason: "Second" });
    expect((await nest.projects.activity({ id: project.id, limit: 1 }))[0]!.details).toMatchObject({ refreshed: true });
  });

  it("frees expired locks by the server clock and announces the takeover", async () => {
    const { nest, project, seen } = await projectSetup();
    await nest.locks.acquire({ project: project.id, path: "a.ts", instance_id: "i1", duration_minutes: 10 });
    server.clock.advance(10 * MINUTE_MS - 1000);
    expect(await nest.locks.list({ project: project.id })).toEqual([
      expect.objectContaining({ path: "a.ts", remaining_seconds: 1 }),
    ]);
    server.clock.advance(1000);
    expect(await nest.locks.list({ project: project.id })).toEqual([]);
    expect((await nest.locks.check({ project: project.id, path: "a.ts" })).locked).toBe(false);
    expect((await nest.projects.stats({ id: project.id })).active_locks).toBe(0);

    seen.length = 0;
    const taken = await nest.locks.acquire({ project: project.id, path: "a.ts", instance_id: "i2", reason: "Mine" });
    expect(taken).toMatchObject({ locked_by: "i2", locked_at: iso(server.clock.now()) });
    expect(seen).toEqual([
      { event: "file:unlocked", data: { path: "a.ts" } },
      { event: "file:locked", data: { path: "a.ts", lockedBy: "i2", reason: "Mine" } },
    ]);
    const [locked, unlocked] = await nest.projects.activity({ id: project.id, limit: 2 });
    expect(unlocked).toMatchObject({
      type: "file_unlocked",
      instance_id: "i1",
      details: { path: "a.ts", cause: "expired" },
    });
    expect(locked).toMatchObject({ type: "file_locked", instance_id: "i2" });
  });

  it("publishes and logs nothing from a refused change", async () => {
    const { nest, project, seen } = await projectSetup();
    await nest.locks.acquire({ project: project.id, path: "old.ts", instance_id: "i1", duration_minutes: 1 });
    await nest.locks.acquire({ project: project.id, path: "a.ts", instance_id: "i1", duration_minutes: 60 });
    server.clock.advance(2 * MINUTE_MS);
    seen.length = 0;
    await expect(nest.locks.acquire({ project: project.id, path: "a.ts", instance_id: "i2" })).rejects.toMatchObject({
      code: "LCK_001",
    });
    expect(seen).toEqual([]);
    expect((await nest.projects.activity({ id: project.id, limit: 1 }))[0]).toMatchObject({
      type: "file_locked",
      details: { path: "a.ts" },
    });
    // The next accepted change clears the expired lock.
    await nest.locks.acquire({ project: project.id, path: "b.ts", instance_id: "i2" });
    expect(seen.map((e) => e.event)).toEqual(["file:unlocked", "file:locked"]);
    expect(seen[0]!.data).toEqual({ path: "old.ts" });
  });

  it("extends only the holder's live lock", async () => {
    const { nest, project, seen } = await projectSetup();
    const start = server.clock.now();
    await nest.locks.acquire({ project: project.id, path: "a.ts", instance_id: "i1" });
    const extended = await nest.locks.extend({
      project: project.id,
      path: "./a.ts",
      instance_id: "i1",
      additional_minutes: 15,
    });
    expect(extended).toMatchObject({ path: "a.ts", expires_at: iso(start + 45 * MINUTE_MS), remaining_seconds: 2700 });
    expect((await nest.locks.list({ project: project.id }))[0]!.expires_at).toBe(iso(start + 45 * MINUTE_MS));
    expect((await nest.projects.activity({ id: project.id, limit: 1 }))[0]).toMatchObject({
      type: "file_lock_extended",
      details: { path: "a.ts", additional_minutes: 15 },
    });
    expect(seen).toHaveLength(1);

    await expect(
      nest.locks.extend({ project: project.id, path: "a.ts", instance_id: "i2", additional_minutes: 5 }),
    ).rejects.toMatchObject({ status: 409, code: "LCK_001" });
    await expect(
      nest.locks.extend({ project: project.id, path: "b.ts", instance_id: "i1", additional_minutes: 5 }),
    ).rejects.toMatchObject({ status: 404, code: "NOT_FOUND" });
    server.clock.advance(45 * MINUTE_MS);
    await expect(
      nest.locks.extend({ project: project.id, path: "a.ts", instance_id: "i1", additional_minutes: 5 }),
    ).rejects.toMatchObject({ status: 404, code: "NOT_FOUND" });
  });

  it("locks in bulk what it can and reports the rest", async () => {
    const { nest, project, seen } = await projectSetup();
    await nest.locks.acquire({
      project: project.id,
      path: "src/User.php",
      instance_id: "instance_2",
      reason: "Adding fields",
    });
    await nest.locks.acquire({ project: project.id, path: "src/own.php", instance_id: "instance_1" });
    seen.length = 0;
    const result = await nest.locks.bulk({
      project: project.id,
      paths: ["src/auth.php", "./src/User.php", "src/own.php", "src//auth.php"],
      instance_id: "instance_1",
      reason: "Auth refactor",
    });
    expect(result).toEqual({
      acquired: ["src/auth.php", "src/own.php"],
      failed: ["src/User.php"],
      failed_details: { "src/User.php": { locked_by: "instance_2", reason: "Adding fields" } },
    });
    expect(seen).toEqual([
      { event: "file:locked", data: { path: "src/auth.php", lockedBy: "instance_1", reason: "Auth refactor" } },
      { event: "file:locked", data: { path: "src/own.php", lockedBy: "instance_1", reason: "Auth refactor" } },
    ]);
    const locks = await nest.locks.list({ project: project.id });
    expect(locks.map((l) => [l.path, l.locked_by])).toEqual([
      ["src/User.php", "instance_2"],
      ["src/auth.php", "instance_1"],
      ["src/own.php", "instance_1"],
    ]);

    await expect(
      nest.locks.bulk({ project: project.id, paths: ["c.ts", "../escape.ts"], instance_id: "instance_1" }),
    ).rejects.toMatchObject({ code: "VAL_001", fieldErrors: { "paths.1": [expect.any(String)] } });
    await expect(nest.locks.bulk({ project: project.id, paths: [], instance_id: "instance_1" })).rejects.toMatchObject({
      code: "VAL_001",
    });
    expect((await nest.locks.check({ project: project.id, path: "c.ts" })).locked).toBe(false);
  });

  it("lets only the holder release a lock", async () => {
    const { nest, project, seen } = await projectSetup();
    await nest.locks.acquire({ project: project.id, path: "a.ts", instance_id: "i1" });
    await expect(nest.locks.release({ project: project.id, path: "a.ts", instance_id: "i2" })).rejects.toMatchObject({
      status: 409,
      code: "LCK_001",
    });
    expect((await nest.locks.check({ project: project.id, path: "a.ts" })).locked).toBe(true);

    expect(await nest.locks.release({ project: project.id, path: "./a.ts", instance_id: "i1" })).toEqual({
      path: "a.ts",
      released: true,
      locked_by: "i1",
    });
    expect(seen.at(-1)).toEqual({ event: "file:unlocked", data: { path: "a.ts" } });
    expect((await nest.projects.activity({ id: project.id, limit: 1 }))[0]).toMatchObject({
      type: "file_unlocked",
      instance_id: "i1",
      details: { path: "a.ts", cause: "released" },
    });
    expect(await nest.locks.release({ project: project.id, path: "a.ts", instance_id: "i1" })).toEqual({
      path: "a.ts",
      released: false,
      locked_by: null,
    });
    expect(seen).toHaveLength(2);
    await expect(nest.locks.acquire({ project: project.id, path: "a.ts", instance_id: "i2" })).resolves.toMatchObject({
      locked_by: "i2",
    });
  });

  it("force-releases any lock for the owner's personal token only", async () => {
    const { nest, machine, project, seen } = await projectSetup();
    await nest.locks.acquire({ project: project.id, path: "a.ts", instance_id: "i1" });
    await expect(machine.agent.locks.forceRelease({ project: project.id, path: "a.ts" })).rejects.toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
    const stranger = await newUser(server, "stranger");
    await expect(stranger.nest.locks.forceRelease({ project: project.id, path: "a.ts" })).rejects.toMatchObject({
      status: 404,
      code: "PRJ_001",
    });
    expect((await nest.locks.check({ project: project.id, path: "a.ts" })).locked).toBe(true);

    expect(await nest.locks.forceRelease({ project: project.id, path: "a.ts" })).toEqual({
      path: "a.ts",
      released: true,
      locked_by: "i1",
    });
    expect(seen.at(-1)).toEqual({ event: "file:unlocked", data: { path: "a.ts" } });
    expect((await nest.projects.activity({ id: project.id, limit: 1 }))[0]).toMatchObject({
      type: "file_unlocked",
      details: { path: "a.ts", cause: "forced" },
    });
    expect(await nest.locks.forceRelease({ project: project.id, path: "a.ts" })).toEqual({
      path: "a.ts",
      released: false,
      locked_by: null,
    });
    expect(await nest.locks.list({ project: project.id })).toEqual([]);
  });

  it("releases every lock of an instance", async () => {
    const { nest, project, seen } = await projectSetup();
    await nest.locks.bulk({ project: project.id, paths: ["b.ts", "a.ts"], instance_id: "i1" });
    await nest.locks.acquire({ project: project.id, path: "c.ts", instance_id: "i2" });
    seen.length = 0;
    expect(await nest.locks.releaseByInstance({ project: project.id, instance_id: "i1" })).toEqual({
      instance_id: "i1",
      released: ["a.ts", "b.ts"],
      count: 2,
    });
    expect(seen).toEqual([
      { event: "file:unlocked", data: { path: "a.ts" } },
      { event: "file:unlocked", data: { path: "b.ts" } },
    ]);
    const activity = await nest.projects.activity({ id: project.id, limit: 2 });
    expect(activity.map((a) => a.details)).toEqual([
      { path: "b.ts", cause: "instance_released" },
      { path: "a.ts", cause: "instance_released" },
    ]);
    expect((await nest.locks.list({ project: project.id })).map((l) => l.path)).toEqual(["c.ts"]);
    expect(await nest.locks.releaseByInstance({ project: project.id, instance_id: "i1" })).toEqual({
      instance_id: "i1",
      released: [],
      count: 0,
    });
  });

  it("keeps locks private to the project's user and machine", async () => {
    const { nest, machine, project } = await projectSetup();
    await nest.locks.acquire({ project: project.id, path: "a.ts", instance_id: "i1" });
    const stranger = await newUser(server, "stranger");
    const otherMachine = await onlineMachine(server, nest);
    const calls = (client: typeof nest) => [
      client.locks.list({ project: project.id }),
      client.locks.acquire({ project: project.id, path: "b.ts", instance_id: "x" }),
      client.locks.check({ project: project.id, path: "a.ts" }),
      client.locks.extend({ project: project.id, path: "a.ts", instance_id: "i1", additional_minutes: 5 }),
      client.locks.bulk({ project: project.id, paths: ["b.ts"], instance_id: "x" }),
      client.locks.release({ project: project.id, path: "a.ts", instance_id: "i1" }),
      client.locks.releaseByInstance({ project: project.id, instance_id: "i1" }),
    ];
    for (const client of [stranger.nest, otherMachine.agent]) {
      for (const call of calls(client)) await expect(call).rejects.toMatchObject({ status: 404, code: "PRJ_001" });
    }
    await expect(nest.locks.list({ project: "missing" })).rejects.toMatchObject({ code: "PRJ_001" });
    expect(await nest.locks.list({ project: project.id })).toEqual([expect.objectContaining({ path: "a.ts" })]);
    // The project's own machine token works for the agent endpoints.
    await expect(
      machine.agent.locks.acquire({ project: project.id, path: "b.ts", instance_id: "i3" }),
    ).resolves.toMatchObject({ locked_by: "i3" });
  });
});
