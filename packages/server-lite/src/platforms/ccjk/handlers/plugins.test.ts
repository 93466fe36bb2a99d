import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CCJKHarness, startCCJK } from "../testing/harness.ts";

let h: CCJKHarness;
beforeEach(async () => {
  h = await startCCJK();
});
afterEach(async () => {
  await h.close();
  expect(h.unexpected).toEqual([]);
});

/** The names in a tar archive, read from its ustar headers. */
function tarNames(archive: Buffer): string[] {
  const names: string[] = [];
  for (let at = 0; at + 512 <= archive.length; ) {
    const name = archive
      .subarray(at, at + 100)
      .toString("utf8")
      .replace(/\0.*$/s, "");
    if (!name) break;
    const size = Number.parseInt(archive.subarray(at + 124, at + 136).toString("ascii"), 8);
    names.push(name);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

describe("§8 plugins", () => {
  it("lists anonymously by downloads, filters and sorts, with pages", async () => {
    const c = h.client();
    const page = await c.plugins.list();
    expect(page.plugins[0]).toMatchObject({
      id: "feature-dev",
      name: { en: "Feature Development", "zh-CN": "功能开发流程" },
    });
    expect(page.pagination).toEqual({ page: 1, limit: 20, total: 10, totalPages: 1 });
    expect((await c.plugins.list({ category: "review", sort: "rating" })).plugins.map((p) => p.id)).toEqual([
      "pr-review-toolkit",
      "code-review",
    ]);
    expect((await c.plugins.list({ tags: ["git"] })).plugins.map((p) => p.id)).toEqual([
      "commit-commands",
      "git-workflow-pro",
    ]);
    expect((await c.plugins.list({ search: "测试" })).plugins.map((p) => p.id)).toEqual(["test-runner-plus"]);
    expect((await c.plugins.list({ sort: "newest", limit: 1 })).plugins[0]!.id).toBe("hookify");
  });

  it("answers details with the package's parts", async () => {
    const plugin = await h.client().plugins.get({ id: "git-workflow-pro" });
    expect(plugin).toMatchObject({
      version: "1.2.0",
      skills: [{ id: "git-commit", name: "Smart Git Commit" }],
      workflows: [{ id: "git", name: "workflows/git.yml" }],
      ratingCount: 45,
    });
    await expect(h.client().plugins.get({ id: "nope" })).rejects.toMatchObject({ status: 404 });
  });

  it("serves a real .tgz whose sha256 and size match the download information", async () => {
    const info = await h.client().plugins.download({ id: "git-workflow-pro" });
    expect(info).toMatchObject({
      pluginId: "git-workflow-pro",
      version: "1.2.0",
      downloadUrl: "http://lite.test/ccjk/cdn/plugins/git-workflow-pro/git-workflow-pro-1.2.0.tgz",
      installInstructions: { type: "npm", command: "npx ccjk plugin install git-workflow-pro" },
      files: [
        { path: "skills/git-commit.md", type: "skill" },
        { path: "commands/pr.md", type: "command" },
        { path: "workflows/git.yml", type: "workflow" },
      ],
    });
    const response = await h.server.fetch(new Request(info.downloadUrl));
    expect(response.headers.get("content-type")).toBe("application/gzip");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(info.size);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(info.sha256);
    expect(tarNames(gunzipSync(bytes))).toEqual([
      "package/package.json",
      "package/skills/git-commit.md",
      "package/commands/pr.md",
      "package/workflows/git.yml",
    ]);
    // The system's tar reads it too.
    const dir = mkdtempSync(join(tmpdir(), "ccjk-tgz-"));
    try {
      writeFileSync(join(dir, "p.tgz"), bytes);
      execFileSync("tar", ["-xzf", "p.tgz"], { cwd: dir });
      const manifest = JSON.parse(execFileSync("cat", [join(dir, "package/package.json")]).toString());
      expect(manifest).toMatchObject({ name: "git-workflow-pro", version: "1.2.0" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect((await h.client().plugins.get({ id: "git-workflow-pro" })).downloads).toBe(1501);
    const missing = await h.server.fetch(new Request("http://lite.test/ccjk/cdn/plugins/git-workflow-pro/other.tgz"));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("RESOURCE_NOT_FOUND");
  });

  it("recommends by the readable rule, leaving installed plugins out", async () => {
    const { ccjk } = h.account();
    const result = await ccjk.plugins.recommendations({
      context: {
        projectType: "nextjs",
        language: "typescript",
        frameworks: ["react", "next"],
        tools: ["pnpm", "vitest"],
        installedPlugins: ["git-workflow-pro"],
        skillLevel: "intermediate",
      },
      limit: 3,
    });
    expect(result.total).toBe(6);
    expect(result.recommendations.map((r) => [r.plugin.id, r.score, r.confidence])).toEqual([
      ["frontend-design", 1, 0.67],
      ["feature-dev", 0.55, 0.33],
      ["security-guidance", 0.5, 0.33],
    ]);
    // The reason names the weightiest match: the project type outweighs a framework.
    expect(result.recommendations[0]!.reason).toEqual({ en: "Suits nextjs projects", "zh-CN": "适合 nextjs 项目" });
    const vitest = await ccjk.plugins.recommendations({ context: { tools: ["vitest"] } });
    expect(vitest.recommendations[0]).toMatchObject({
      plugin: { id: "test-runner-plus", name: { en: "Test Runner Plus", "zh-CN": "测试运行器增强版" } },
      reason: { en: "Vitest detected in project", "zh-CN": "项目中检测到 Vitest" },
      confidence: 1,
    });
    expect((await ccjk.plugins.recommendations({ context: {} })).total).toBe(0);
  });
});
