import { describe, expect, it } from "vitest";
import type { RunnableSchema } from "../../contract/schema.ts";
import * as examples from "./contract/examples.ts";
import { contract, webhookEvents } from "./contract/index.ts";

/**
 * The document's own examples (seed 000), with its garbled Chinese written afresh, read by the contract: what
 * the real service answers and accepts as documented must validate, so `validate: { contract }` never refuses it.
 * The samples the OpenAPI document shows (`contract/examples.ts`) are among them.
 */
const responses: Array<[string, RunnableSchema, unknown]> = [
  [
    "sync.setConfig",
    contract.sync.setConfig.spec.response,
    { configId: "sync_abc123", status: "active", lastSync: "2026-01-21T10:00:00Z", nextSync: "2026-01-21T11:00:00Z" },
  ],
  [
    "sync.getConfig",
    contract.sync.getConfig.spec.response,
    {
      provider: "github-gist",
      syncDirection: "bidirectional",
      autoSyncInterval: 3600000,
      conflictStrategy: "newest-wins",
      itemTypes: ["skills", "workflows", "settings", "mcp-configs"],
      lastSync: "2026-01-21T10:00:00Z",
      stats: { totalSynced: 150, pushed: 45, pulled: 105, conflicts: 2 },
    },
  ],
  [
    "sync.start",
    contract.sync.start.spec.response,
    { syncId: "sync_xyz789", status: "in_progress", startedAt: "2026-01-21T10:30:00Z", estimatedDuration: 30 },
  ],
  [
    "sync.status",
    contract.sync.status.spec.response,
    {
      syncId: "sync_xyz789",
      status: "completed",
      progress: 100,
      results: {
        pushed: [{ id: "skill-1", type: "skills", size: 1024 }],
        pulled: [{ id: "skill-2", type: "skills", size: 2048 }],
        conflicts: [],
        errors: [],
      },
      startedAt: "2026-01-21T10:30:00Z",
      completedAt: "2026-01-21T10:30:15Z",
      duration: 15,
    },
  ],
  [
    "sync.resolveConflict",
    contract.sync.resolveConflict.spec.response,
    { conflictId: "conflict_123", resolved: true, appliedAt: "2026-01-21T10:35:00Z" },
  ],
  [
    "skills.list",
    contract.skills.list.spec.response,
    { skills: [examples.skillListItemExample], pagination: examples.paginationExample },
  ],
  ["skills.get", contract.skills.get.spec.response, examples.skillExample],
  [
    "skills.install",
    contract.skills.install.spec.response,
    {
      skillId: "code-reviewer",
      version: "2.1.0",
      installedPath: "/Users/user/.ccjk/skills/code-reviewer.md",
      installedAt: "2026-01-21T10:00:00Z",
      dependenciesInstalled: ["security-analyzer"],
    },
  ],
  [
    "skills.publish",
    contract.skills.publish.spec.response,
    {
      skillId: "my-custom-skill",
      version: "1.0.0",
      status: "pending_review",
      submittedAt: "2026-01-21T10:00:00Z",
      reviewUrl: "https://claudehome.cn/skills/my-custom-skill/review",
    },
  ],
  [
    "skills.categories",
    contract.skills.categories.spec.response,
    {
      categories: [
        {
          id: "git",
          name: { en: "Git", "zh-CN": "Git 工具" },
          description: { en: "Version control workflows", "zh-CN": "版本控制工作流" },
          icon: "🔀",
          count: 25,
        },
      ],
    },
  ],
  [
    "agents.list",
    contract.agents.list.spec.response,
    { agents: [examples.agentExample], pagination: { page: 1, limit: 20, total: 13 } },
  ],
  [
    "agents.createTask",
    contract.agents.createTask.spec.response,
    {
      taskId: "task_abc123",
      agentId: "agent_ts-architect_001",
      status: "queued",
      estimatedDuration: 300,
      createdAt: "2026-01-21T10:00:00Z",
      webhookUrl: "https://api.claudehome.cn/webhooks/tasks/task_abc123",
    },
  ],
  ["agents.getTask", contract.agents.getTask.spec.response, examples.agentTaskExample],
  [
    "agents.cancelTask",
    contract.agents.cancelTask.spec.response,
    { taskId: "task_abc123", status: "cancelled", cancelledAt: "2026-01-21T10:03:00Z" },
  ],
  [
    "agents.scalePool",
    contract.agents.scalePool.spec.response,
    { poolId: "pool_ts-architect", current: 5, status: "scaling", target: 5, estimatedReady: "2026-01-21T10:01:00Z" },
  ],
  ["mcp.list", contract.mcp.list.spec.response, { services: [examples.mcpServiceExample] }],
  [
    "mcp.install",
    contract.mcp.install.spec.response,
    {
      serviceId: "context7",
      installedAt: "2026-01-21T10:00:00Z",
      configPath: "/Users/user/.claude/mcp.json",
      status: "active",
    },
  ],
  [
    "mcp.discover",
    contract.mcp.discover.spec.response,
    {
      recommendations: [
        { serviceId: "context7", reason: " detected TypeScript project", confidence: 0.95 },
        { serviceId: "sqlite", reason: "Local database for development", confidence: 0.85 },
      ],
    },
  ],
  [
    "plugins.download",
    contract.plugins.download.spec.response,
    {
      pluginId: "git-workflow-pro",
      version: "1.2.0",
      downloadUrl: "https://cdn.claudehome.cn/plugins/git-workflow-pro/git-workflow-pro-1.2.0.tgz",
      sha256: "abc123...",
      size: 102400,
      installInstructions: { type: "npm", command: "npx ccjk plugin install git-workflow-pro" },
      files: [
        { path: "skills/git-commit.md", type: "skill" },
        { path: "workflows/git.yml", type: "workflow" },
      ],
    },
  ],
  [
    "plugins.recommendations",
    contract.plugins.recommendations.spec.response,
    {
      recommendations: [
        {
          plugin: {
            id: "test-runner-plus",
            name: { en: "Test Runner Plus", "zh-CN": "测试运行器增强版" },
            category: "testing",
            downloads: 890,
            rating: 4.5,
          },
          score: 0.92,
          reason: { en: "Vitest detected in project", "zh-CN": "项目中检测到 Vitest" },
          confidence: 0.95,
        },
      ],
      total: 8,
    },
  ],
  ["webhooks.create", contract.webhooks.create.spec.response, examples.webhookExample],
];

/** The document's request bodies, which the contract must accept as they are. */
const requests: Array<[string, RunnableSchema, unknown]> = [
  [
    "sync.setConfig",
    contract.sync.setConfig.spec.body,
    {
      provider: "github-gist",
      providerConfig: { token: "t", endpoint: "https://example.com", credentials: { token: "t", username: "u" } },
      syncDirection: "bidirectional",
      autoSyncInterval: 0,
      conflictStrategy: "newest-wins",
      itemTypes: ["skills", "workflows", "settings", "mcp-configs"],
    },
  ],
  ["sync.start", contract.sync.start.spec.body, { direction: "bidirectional", itemTypes: ["skills"], force: false }],
  [
    "skills.publish",
    contract.skills.publish.spec.body,
    {
      skill: {
        id: "my-custom-skill",
        name: { en: "My Custom Skill", "zh-CN": "我的自定义技能" },
        description: { en: "Description", "zh-CN": "描述" },
        category: "custom",
        version: "1.0.0",
        tags: ["custom"],
        triggers: ["/my-skill"],
        template: "# Skill Content\n\n...",
      },
      visibility: "public",
    },
  ],
  ["agents.createTask", contract.agents.createTask.spec.body, examples.createAgentTaskExample],
  [
    "agents.scalePool",
    contract.agents.scalePool.spec.body,
    {
      role: "typescript-cli-architect",
      min: 2,
      max: 10,
      target: 5,
      autoScale: true,
      scaleUpThreshold: 0.7,
      scaleDownThreshold: 0.3,
    },
  ],
  [
    "mcp.discover",
    contract.mcp.discover.spec.body,
    {
      projectPath: "/Users/user/projects/my-app",
      analysis: { languages: ["typescript", "python"], frameworks: ["react", "fastapi"], packageManager: "pnpm" },
    },
  ],
  [
    "plugins.recommendations",
    contract.plugins.recommendations.spec.body,
    {
      context: {
        projectType: "nextjs",
        language: "typescript",
        frameworks: ["react", "next"],
        tools: ["pnpm", "vitest"],
        installedPlugins: ["git-workflow"],
        skillLevel: "intermediate",
      },
      limit: 10,
    },
  ],
  ["webhooks.create", contract.webhooks.create.spec.body, examples.createWebhookExample],
];

const issues = (schema: RunnableSchema, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("the contract reads the document's own examples", () => {
  it.each(responses)("%s answer", (_name, schema, example) => {
    expect(issues(schema, example)).toEqual([]);
  });

  it.each(requests)("%s request", (_name, schema, example) => {
    expect(issues(schema, example)).toEqual([]);
  });

  it("parses the document's webhook events", () => {
    const events = [
      {
        event: "sync.completed",
        timestamp: "2026-01-21T10:00:00Z",
        data: { syncId: "sync_xyz789", status: "completed", results: { pushed: 5, pulled: 10, conflicts: 0 } },
      },
      {
        event: "task.completed",
        timestamp: "2026-01-21T10:00:00Z",
        data: { taskId: "task_abc123", status: "completed", output: { files: [], messages: [] } },
      },
      {
        event: "conflict.detected",
        timestamp: "2026-01-21T10:00:00Z",
        data: {
          conflictId: "conflict_123",
          itemId: "skill-code-reviewer",
          type: "skills",
          localVersion: { version: "2.0.0", modifiedAt: "2026-01-20T10:00:00Z" },
          remoteVersion: { version: "2.1.0", modifiedAt: "2026-01-21T09:00:00Z" },
        },
      },
    ];
    expect(events.map((e) => webhookEvents.parse(e).event)).toEqual([
      "sync.completed",
      "task.completed",
      "conflict.detected",
    ]);
  });
});
