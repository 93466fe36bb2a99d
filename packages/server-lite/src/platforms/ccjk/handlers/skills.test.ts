import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CCJKHarness, START, startCCJK } from "../testing/harness.ts";

let h: CCJKHarness;
beforeEach(async () => {
  h = await startCCJK();
});
afterEach(async () => {
  await h.close();
  expect(h.unexpected).toEqual([]);
});

const mySkill = (id: string, extra: Record<string, unknown> = {}) => ({
  skill: {
    id,
    name: { en: "My Custom Skill", "zh-CN": "我的自定义技能" },
    description: { en: "Description" },
    category: "custom",
    version: "1.0.0",
    tags: ["custom"],
    triggers: ["/my-skill"],
    template: "# Skill Content\n",
    ...extra,
  },
});

describe("§5 skills", () => {
  it("lists anonymously, localized by lang, most popular first, with pages", async () => {
    const anonymous = h.client();
    const page = await anonymous.skills.list();
    expect(page.skills[0]).toMatchObject({ id: "git-commit", name: "Smart Git Commit" });
    expect(page.pagination).toEqual({ page: 1, limit: 20, total: 10, totalPages: 1 });
    const zh = await anonymous.skills.list({ lang: "zh-CN", category: "review" });
    expect(zh.skills.map((s) => s.name)).toEqual(["代码审查助手", "安全分析器"]);

    const second = await anonymous.skills.list({ limit: 3, page: 2 });
    expect(second.pagination).toEqual({ page: 2, limit: 3, total: 10, totalPages: 4 });
    const all: string[] = [];
    for await (const skill of anonymous.skills.list({ limit: 3 })) all.push(skill.id);
    expect(all).toHaveLength(10);
    expect(new Set(all).size).toBe(10);
  });

  it("searches both languages, filters by every tag, and sorts", async () => {
    const c = h.client();
    expect((await c.skills.list({ search: "工作树" })).skills.map((s) => s.id)).toEqual(["git-worktree"]);
    expect((await c.skills.list({ search: "SECURITY" })).skills.map((s) => s.id)).toEqual([
      "code-reviewer",
      "security-analyzer",
    ]);
    expect((await c.skills.list({ tags: ["git", "commit"] })).skills.map((s) => s.id)).toEqual(["git-commit"]);
    expect((await c.skills.list({ tags: "review,security" })).skills.map((s) => s.id)).toEqual(["code-reviewer"]);
    const byName = (await c.skills.list({ sort: "name" })).skills.map((s) => s.name);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, "en")));
    expect((await c.skills.list({ sort: "newest" })).skills[0]!.id).toBe("git-worktree");
    expect((await c.skills.list({ sort: "updated", limit: 1 })).skills[0]!.id).toBe("code-reviewer");
    await expect(c.skills.list({ lang: "fr" as "en" })).rejects.toMatchObject({
      status: 400,
      code: "VALIDATION_ERROR",
    });
  });

  it("answers details in both languages, and 404 for an unknown skill", async () => {
    const skill = await h.client().skills.get({ id: "code-reviewer" });
    expect(skill).toMatchObject({
      name: { en: "Code Review Assistant", "zh-CN": "代码审查助手" },
      version: "2.1.0",
      dependencies: ["security-analyzer"],
      visibility: "public",
      reviewStatus: "approved",
    });
    expect(skill.versions.map((v) => v.version)).toEqual(["2.1.0", "2.0.0"]);
    await expect(h.client().skills.get({ id: "nope" })).rejects.toMatchObject({
      status: 404,
      code: "RESOURCE_NOT_FOUND",
      name: "NotFoundError",
    });
  });

  it("installs a skill with its dependencies once, counts downloads, and needs force to repeat", async () => {
    const { ccjk } = h.account();
    const installed = await ccjk.skills.install({ id: "code-reviewer" });
    expect(installed).toEqual({
      skillId: "code-reviewer",
      version: "2.1.0",
      installedPath: "~/.ccjk/skills/code-reviewer.md",
      installedAt: new Date(START).toISOString(),
      dependenciesInstalled: ["security-analyzer"],
    });
    expect((await h.client().skills.get({ id: "code-reviewer" })).downloads).toBe(12_501);
    expect((await h.client().skills.get({ id: "security-analyzer" })).downloads).toBe(8201);
    await expect(ccjk.skills.install({ id: "code-reviewer", version: "latest" })).rejects.toMatchObject({
      status: 409,
      code: "RESOURCE_EXISTS",
    });
    const older = await ccjk.skills.install({ id: "code-reviewer", version: "2.0.0" });
    expect(older).toMatchObject({ version: "2.0.0", dependenciesInstalled: [] });
    expect((await ccjk.skills.install({ id: "code-reviewer", version: "2.0.0", force: true })).version).toBe("2.0.0");
    await expect(ccjk.skills.install({ id: "code-reviewer", version: "9.9.9" })).rejects.toMatchObject({
      code: "RESOURCE_NOT_FOUND",
    });
    await expect(h.client().skills.install({ id: "code-reviewer" })).rejects.toMatchObject({
      status: 401,
      code: "AUTH_INVALID",
    });
  });

  it("publishes: public after review on the clock, unlisted by id only, private for the publisher", async () => {
    const publisher = h.account("pro", "Ada");
    const other = h.account();
    const published = await publisher.ccjk.skills.publish(mySkill("my-custom-skill"));
    expect(published).toEqual({
      skillId: "my-custom-skill",
      version: "1.0.0",
      status: "pending_review",
      submittedAt: new Date(START).toISOString(),
      reviewUrl: "http://lite.test/ccjk/api/v1/skills/my-custom-skill",
    });
    const mine = await publisher.ccjk.skills.get({ id: "my-custom-skill" });
    expect(mine).toMatchObject({
      author: "Ada",
      reviewStatus: "pending_review",
      description: { en: "Description", "zh-CN": "Description" },
    });
    expect((await publisher.ccjk.skills.list({ category: "custom" })).skills.map((s) => s.id)).toEqual([
      "my-custom-skill",
    ]);
    await expect(other.ccjk.skills.get({ id: "my-custom-skill" })).rejects.toMatchObject({ status: 404 });
    expect((await h.client().skills.list({ category: "custom" })).skills).toEqual([]);
    expect((await h.client().skills.categories()).categories.find((c) => c.id === "custom")!.count).toBe(0);

    h.server.clock.advance(3_600_000);
    expect((await h.client().skills.list({ category: "custom", lang: "zh-CN" })).skills[0]!.name).toBe(
      "我的自定义技能",
    );
    expect((await other.ccjk.skills.get({ id: "my-custom-skill" })).reviewStatus).toBe("approved");
    expect((await h.client().skills.categories()).categories.find((c) => c.id === "custom")!.count).toBe(1);

    const unlisted = await publisher.ccjk.skills.publish({ ...mySkill("hidden-gem"), visibility: "unlisted" });
    expect(unlisted.status).toBe("published");
    expect((await other.ccjk.skills.get({ id: "hidden-gem" })).visibility).toBe("unlisted");
    expect((await other.ccjk.skills.list({ search: "hidden" })).skills).toEqual([]);

    await publisher.ccjk.skills.publish({ ...mySkill("secret-sauce"), visibility: "private" });
    await expect(other.ccjk.skills.get({ id: "secret-sauce" })).rejects.toMatchObject({ status: 404 });
    await expect(other.ccjk.skills.install({ id: "secret-sauce" })).rejects.toMatchObject({ status: 404 });
    expect((await publisher.ccjk.skills.install({ id: "secret-sauce" })).skillId).toBe("secret-sauce");
  });

  it("refuses a taken id, an unknown category or dependency, and malformed skills", async () => {
    const { ccjk } = h.account();
    await expect(ccjk.skills.publish(mySkill("code-reviewer"))).rejects.toMatchObject({
      status: 409,
      code: "RESOURCE_EXISTS",
    });
    await expect(ccjk.skills.publish(mySkill("a-skill", { category: "cooking" }))).rejects.toMatchObject({
      status: 400,
      details: { "skill.category": [expect.stringContaining("git, dev")] },
    });
    await expect(ccjk.skills.publish(mySkill("b-skill", { dependencies: ["ghost"] }))).rejects.toMatchObject({
      status: 404,
      code: "RESOURCE_NOT_FOUND",
    });
    await expect(ccjk.skills.publish(mySkill("Bad Id", { version: "one", triggers: ["nope"] }))).rejects.toMatchObject({
      status: 400,
      code: "VALIDATION_ERROR",
      details: {
        "skill.id": [expect.any(String)],
        "skill.version": [expect.any(String)],
        "skill.triggers.0": [expect.any(String)],
      },
    });
    expect(h.server.db.get<{ n: number }>("SELECT count(*) AS n FROM ccjk_published_skills")!.n).toBe(0);
  });

  it("lists categories with their counts, in both languages", async () => {
    const { categories } = await h.client().skills.categories();
    expect(categories.find((c) => c.id === "git")).toEqual({
      id: "git",
      name: { en: "Git", "zh-CN": "Git 工具" },
      description: { en: "Version control workflows", "zh-CN": "版本控制工作流" },
      icon: "🔀",
      count: 2,
    });
    expect(categories.reduce((n, c) => n + c.count, 0)).toBe(10);
  });
});
