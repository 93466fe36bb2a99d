import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CCJKHarness, START, startCCJK, type TestAccount } from "../testing/harness.ts";

let h: CCJKHarness;
let me: TestAccount;
beforeEach(async () => {
  h = await startCCJK();
  me = h.account();
});
afterEach(async () => {
  await h.close();
  expect(h.unexpected).toEqual([]);
});

const iso = (ms: number) => new Date(ms).toISOString();
const local = (id: string, content: string | null, modifiedAt?: number) =>
  h.services.sync.setItem(me.accountId, "local", { type: "skills", id, content, version: "1.0.0", modifiedAt });
const remote = (id: string, content: string | null, modifiedAt?: number) =>
  h.services.sync.setItem(me.accountId, "remote", { type: "skills", id, content, version: "2.0.0", modifiedAt });
const item = (id: string) => h.services.sync.item(me.accountId, "skills", id)!;

/** Starts a sync and advances the clock past its end; answers its status. */
async function runSync(body: Parameters<TestAccount["ccjk"]["sync"]["start"]>[0] = {}) {
  const started = await me.ccjk.sync.start(body);
  h.server.clock.advance(started.estimatedDuration * 1000);
  return me.ccjk.sync.status({ syncId: started.syncId });
}

describe("§4 sync configuration", () => {
  it("sets, replaces and reads the configuration without answering the provider's secrets", async () => {
    await expect(me.ccjk.sync.getConfig()).rejects.toMatchObject({ status: 404, code: "RESOURCE_NOT_FOUND" });
    const set = await me.ccjk.sync.setConfig({
      provider: "github-gist",
      providerConfig: { token: "ghp_secret_value", credentials: { password: "hunter2" } },
      autoSyncInterval: 3_600_000,
      conflictStrategy: "manual",
    });
    expect(set).toEqual({
      configId: expect.stringMatching(/^sync_/),
      status: "active",
      lastSync: null,
      nextSync: iso(START + 3_600_000),
    });
    const raw = await (await h.request("GET", "/sync/config", { token: me.key })).text();
    expect(raw).toContain('"conflictStrategy":"manual"');
    expect(raw).not.toMatch(/secret|hunter2/);
    const again = await me.ccjk.sync.setConfig({ provider: "webdav", itemTypes: ["settings", "settings"] });
    expect(again.configId).toBe(set.configId);
    expect(await me.ccjk.sync.getConfig()).toEqual({
      configId: set.configId,
      provider: "webdav",
      syncDirection: "bidirectional",
      autoSyncInterval: 0,
      conflictStrategy: "newest-wins",
      itemTypes: ["settings"],
      lastSync: null,
      nextSync: null,
      stats: { totalSynced: 0, pushed: 0, pulled: 0, conflicts: 0 },
    });
  });

  it("refuses an invalid configuration with field errors", async () => {
    const response = await h.request("POST", "/sync/config", {
      token: me.key,
      body: { provider: "dropbox", syncDirection: "sideways", autoSyncInterval: -1 },
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.success).toBe(false);
    expect(body.error).toMatchObject({
      code: "VALIDATION_ERROR",
      messageZh: "请求参数无效",
      requestId: expect.any(String),
    });
    expect(Object.keys(body.error.details).sort()).toEqual(["autoSyncInterval", "provider", "syncDirection"]);
    // Automatic syncs are off (0) or at least a minute apart.
    await expect(me.ccjk.sync.setConfig({ provider: "s3", autoSyncInterval: 1000 })).rejects.toMatchObject({
      details: { autoSyncInterval: ["Use 0 (off) or at least 60000 (one minute)."] },
    });
  });
});

describe("§4 sync jobs", () => {
  it("needs a configuration, progresses on the clock and copies changes both ways", async () => {
    await expect(me.ccjk.sync.start({})).rejects.toMatchObject({ status: 404, code: "RESOURCE_NOT_FOUND" });
    await expect(me.ccjk.sync.status()).rejects.toMatchObject({ status: 404 });
    await me.ccjk.sync.setConfig({ provider: "s3" });
    local("code-reviewer", "# mine");
    remote("git-commit", "# theirs, longer");
    const started = await me.ccjk.sync.start({});
    expect(started).toEqual({
      syncId: expect.stringMatching(/^sync_/),
      status: "in_progress",
      startedAt: iso(START),
      estimatedDuration: 3,
    });
    await expect(me.ccjk.sync.start({})).rejects.toMatchObject({ status: 409, code: "CONFLICT_DETECTED" });

    h.server.clock.advance(1500);
    expect(await me.ccjk.sync.status()).toMatchObject({ status: "in_progress", progress: 50, completedAt: null });
    h.server.clock.advance(1500);
    const done = await me.ccjk.sync.status();
    expect(done).toEqual({
      syncId: started.syncId,
      status: "completed",
      progress: 100,
      direction: "bidirectional",
      results: {
        pushed: [{ id: "code-reviewer", type: "skills", size: 6 }],
        pulled: [{ id: "git-commit", type: "skills", size: 16 }],
        conflicts: [],
        errors: [],
      },
      startedAt: iso(START),
      completedAt: iso(START + 3000),
      duration: 3,
    });
    expect(item("code-reviewer").remote_content).toBe("# mine");
    expect(item("git-commit").local_content).toBe("# theirs, longer");
    expect((await me.ccjk.sync.getConfig()).stats).toEqual({ totalSynced: 2, pushed: 1, pulled: 1, conflicts: 0 });

    // Nothing changed since: the next job copies nothing; a deletion is copied like any change.
    expect((await runSync()).results.pushed).toEqual([]);
    local("code-reviewer", null);
    expect((await runSync()).results.pushed).toEqual([{ id: "code-reviewer", type: "skills", size: 0 }]);
    expect(item("code-reviewer").remote_content).toBeNull();
  });

  it("copies only the way the direction allows, and only the item types asked for", async () => {
    await me.ccjk.sync.setConfig({ provider: "custom", syncDirection: "push" });
    local("a", "local a");
    remote("b", "remote b");
    h.services.sync.setItem(me.accountId, "local", { type: "settings", id: "s", content: "{}" });
    const pushed = await runSync({ itemTypes: ["skills"] });
    expect(pushed.results.pushed.map((i) => i.id)).toEqual(["a"]);
    expect(pushed.results.pulled).toEqual([]);
    const pulled = await runSync({ direction: "pull" });
    expect(pulled.results.pulled.map((i) => `${i.type}/${i.id}`)).toEqual(["skills/b"]);
    expect(pulled.results.pushed).toEqual([]);
    expect(h.services.sync.item(me.accountId, "settings", "s")!.remote_content).toBeNull();
  });

  it("settles conflicts by strategy: local-wins, remote-wins, newest-wins", async () => {
    const conflict = async (
      strategy: "local-wins" | "remote-wins" | "newest-wins",
      localAt: number,
      remoteAt: number,
    ) => {
      await me.ccjk.sync.setConfig({ provider: "s3", conflictStrategy: strategy });
      local("x", "base");
      await runSync();
      local("x", "local edit", localAt);
      remote("x", "remote edit", remoteAt);
      await runSync();
      return item("x").local_content;
    };
    const now = () => h.server.clock.now();
    expect(await conflict("local-wins", now(), now() + 5)).toBe("local edit");
    expect(await conflict("remote-wins", now() + 5, now())).toBe("remote edit");
    expect(await conflict("newest-wins", now(), now() + 5)).toBe("remote edit");
    expect(await conflict("newest-wins", now() + 5, now())).toBe("local edit");
    expect(item("x").remote_content).toBe("local edit");
  });

  it("records manual conflicts once, and resolves them with local, remote or merged content", async () => {
    await me.ccjk.sync.setConfig({ provider: "s3", conflictStrategy: "manual" });
    for (const id of ["a", "b", "c"]) local(id, "base");
    await runSync();
    for (const id of ["a", "b", "c"]) {
      local(id, `local ${id}`);
      remote(id, `remote ${id}`);
    }
    const first = await runSync();
    expect(first.results.conflicts.map((c) => c.id)).toEqual(["a", "b", "c"]);
    const again = await runSync();
    expect(again.results.conflicts.map((c) => c.conflictId)).toEqual(first.results.conflicts.map((c) => c.conflictId));
    expect((await me.ccjk.sync.getConfig()).stats.conflicts).toBe(3);
    // Forcing skips detection: manual then keeps the local side.
    const [a, b, c] = first.results.conflicts;

    const applied = await me.ccjk.sync.resolveConflict({ conflictId: a!.conflictId, resolution: "local" });
    expect(applied).toEqual({ conflictId: a!.conflictId, resolved: true, appliedAt: iso(h.server.clock.now()) });
    expect([item("a").local_content, item("a").remote_content]).toEqual(["local a", "local a"]);
    await me.ccjk.sync.resolveConflict({ conflictId: b!.conflictId, resolution: "remote" });
    expect([item("b").local_content, item("b").remote_content]).toEqual(["remote b", "remote b"]);
    await expect(
      me.ccjk.sync.resolveConflict({ conflictId: c!.conflictId, resolution: "merged" }),
    ).rejects.toMatchObject({
      code: "VALIDATION_ERROR",
      details: { mergedContent: ["mergedContent is required when resolution is merged."] },
    });
    await me.ccjk.sync.resolveConflict({ conflictId: c!.conflictId, resolution: "merged", mergedContent: "both" });
    expect([item("c").local_content, item("c").remote_content]).toEqual(["both", "both"]);
    expect(item("c").local_version).toBe("1.0.0+merged");

    await expect(
      me.ccjk.sync.resolveConflict({ conflictId: a!.conflictId, resolution: "local" }),
    ).rejects.toMatchObject({
      status: 409,
      code: "CONFLICT_DETECTED",
    });
    await expect(
      h.account().ccjk.sync.resolveConflict({ conflictId: b!.conflictId, resolution: "local" }),
    ).rejects.toMatchObject({ status: 404, code: "RESOURCE_NOT_FOUND" });
    expect((await runSync()).results).toMatchObject({ pushed: [], pulled: [], conflicts: [] });

    local("a", "forced local");
    remote("a", "forced remote");
    expect((await runSync({ force: true })).results.pushed.map((i) => i.id)).toEqual(["a"]);
    expect(item("a").remote_content).toBe("forced local");
  });

  it("starts automatic syncs on the clock, one interval after the last one completed", async () => {
    await me.ccjk.sync.setConfig({ provider: "s3", autoSyncInterval: 60_000 });
    remote("a", "from another device");
    h.server.clock.advance(60_000);
    const auto = await me.ccjk.sync.status();
    expect(auto).toMatchObject({ status: "in_progress", startedAt: iso(START + 60_000) });
    h.server.clock.advance(3000);
    expect((await me.ccjk.sync.status()).results.pulled.map((i) => i.id)).toEqual(["a"]);
    expect((await me.ccjk.sync.getConfig()).nextSync).toBe(iso(START + 62_500 + 60_000));
    // A long absence runs one catch-up sync, not one per missed interval.
    h.server.clock.advance(24 * 3_600_000);
    const jobs = h.server.db.get<{ n: number }>("SELECT count(*) AS n FROM ccjk_sync_jobs")!.n;
    expect(jobs).toBeLessThanOrEqual(4);
  });
});
