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

describe("§7 MCP services", () => {
  it("lists the catalog anonymously, most popular first, filtered by category, platform and search", async () => {
    const c = h.client();
    const { services } = await c.mcp.list();
    expect(services.map((s) => s.id).slice(0, 3)).toEqual(["context7", "github", "playwright"]);
    expect(services[0]).toMatchObject({
      name: { en: "Context7", "zh-CN": "Context7 文档" },
      config: { type: "stdio", command: "npx", args: ["-y", "@upstash/context7-mcp@latest"] },
    });
    expect((await c.mcp.list({ category: "database" })).services.map((s) => s.id)).toEqual(["sqlite", "postgres"]);
    expect((await c.mcp.list({ search: "浏览器" })).services.map((s) => s.id)).toEqual(["playwright"]);
    expect((await c.mcp.list({ platform: "macos" })).services).toHaveLength(services.length);
    await expect(c.mcp.list({ platform: "beos" as "linux" })).rejects.toMatchObject({ code: "VALIDATION_ERROR" });
  });

  it("answers a service's details with its tools, and 404 for an unknown one", async () => {
    const service = await h.client().mcp.get({ id: "context7" });
    expect(service.tools.map((t) => t.name)).toEqual(["resolve-library-id", "get-library-docs"]);
    expect(service.downloads).toBe(25_000);
    await expect(h.client().mcp.get({ id: "nope" })).rejects.toMatchObject({ status: 404, code: "RESOURCE_NOT_FOUND" });
  });

  it("installs a service once per account, with the variables a keyed service needs", async () => {
    const { ccjk } = h.account();
    expect(await ccjk.mcp.install({ id: "context7" })).toEqual({
      serviceId: "context7",
      installedAt: new Date(START).toISOString(),
      configPath: "~/.claude.json",
      status: "active",
    });
    expect((await h.client().mcp.get({ id: "context7" })).downloads).toBe(25_001);
    await expect(ccjk.mcp.install({ id: "context7" })).rejects.toMatchObject({ status: 409, code: "RESOURCE_EXISTS" });
    await expect(ccjk.mcp.install({ id: "github" })).rejects.toMatchObject({
      status: 400,
      code: "VALIDATION_ERROR",
      details: { "env.GITHUB_PERSONAL_ACCESS_TOKEN": [expect.stringContaining("GITHUB_PERSONAL_ACCESS_TOKEN")] },
    });
    const response = await h.request("POST", "/mcp/services/github/install", {
      token: h.account().key,
      body: { env: { GITHUB_PERSONAL_ACCESS_TOKEN: "ghp_do_not_echo" } },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain("ghp_do_not_echo");
    // Another account installs on its own.
    expect((await h.account().ccjk.mcp.install({ id: "context7" })).status).toBe("active");
  });

  it("recommends by the readable rule: matches raise confidence, installed services are left out", async () => {
    const { ccjk } = h.account();
    const body = {
      projectPath: "/Users/user/projects/my-app",
      analysis: { languages: ["TypeScript", "python"], frameworks: ["react", "fastapi"], packageManager: "pnpm" },
    };
    const { recommendations } = await ccjk.mcp.discover(body);
    expect(recommendations.slice(0, 4)).toEqual([
      { serviceId: "context7", reason: "Detected typescript, python in the project", confidence: 0.95 },
      { serviceId: "sqlite", reason: "Detected fastapi in the project", confidence: 0.85 },
      { serviceId: "playwright", reason: "Detected react in the project", confidence: 0.8 },
      // A tie in confidence goes to the more popular service.
      { serviceId: "github", reason: "Issues and pull requests for the project's repository", confidence: 0.6 },
    ]);
    expect(recommendations[4]).toEqual({
      serviceId: "fetch",
      reason: "Detected python in the project",
      confidence: 0.6,
    });
    expect(recommendations.find((r) => r.serviceId === "postgres")).toBeUndefined();
    await ccjk.mcp.install({ id: "context7" });
    const after = await ccjk.mcp.discover(body);
    expect(after.recommendations.map((r) => r.serviceId)).not.toContain("context7");
    await expect(h.client().mcp.discover(body)).rejects.toMatchObject({ status: 401 });
  });
});
