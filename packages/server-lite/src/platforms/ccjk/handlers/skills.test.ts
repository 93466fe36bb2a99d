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

describe("§5 skills", () => {
  it("lists anonymously, localized by lang, most popular first", async () => {
    const anonymous = h.client();
    const page = await anonymous.skills.list();
    expect(page.skills[0]).toMatchObject({ id: "git-commit", name: "Smart Git Commit" });
    expect(page.pagination).toEqual({ page: 1, limit: 20, total: 10, totalPages: 1 });
    const zh = await anonymous.skills.list({ lang: "zh-CN", category: "review" });
    expect(zh.skills.map((s) => s.name)).toEqual(["代码审查助手", "安全分析器"]);
  });
});
