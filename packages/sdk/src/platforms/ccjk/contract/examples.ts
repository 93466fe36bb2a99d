/**
 * @module
 * The values CCJK Cloud's document (seed 000) shows in its sample answers and requests, as examples of the
 * contract's named entities and request bodies in the OpenAPI document. The document's Chinese texts reached us
 * garbled; they are written here as the document meant them. Every example parses with its schema
 * (`contract/entity.test.ts` checks).
 */
import { entityNamer } from "../../../contract/entity.ts";

/** Names a CCJK Cloud entity: the component `ccjk.<name>`. */
export const entity = entityNamer("ccjk");

const COMPATIBILITY = { ccjk: ">=3.7.0", claudeCode: ">=1.0.0" };

/** §5 List Skills: `data.pagination`. */
export const paginationExample = { page: 1, limit: 20, total: 156, totalPages: 8 };

/** §5 List Skills: an item. */
export const skillListItemExample = {
  id: "code-reviewer",
  name: "Code Review Assistant",
  description: "AI-powered code review with security analysis",
  category: "review",
  version: "2.1.0",
  author: "CCJK Team",
  tags: ["review", "security", "quality"],
  triggers: ["/review", "/code-review"],
  popularity: 5000,
  rating: 4.8,
  downloads: 12500,
  createdAt: "2024-06-15T10:00:00Z",
  updatedAt: "2026-01-10T08:00:00Z",
  compatibility: COMPATIBILITY,
};

/** §5 Get Skill Details. */
export const skillExample = {
  id: "code-reviewer",
  name: { en: "Code Review Assistant", "zh-CN": "代码审查助手" },
  description: { en: "AI-powered code review with security analysis", "zh-CN": "AI 驱动的代码审查，包含安全分析" },
  longDescription: "## Overview\n\nComprehensive code review...",
  category: "review",
  version: "2.1.0",
  author: "CCJK Team",
  license: "MIT",
  tags: ["review", "security", "quality"],
  triggers: ["/review", "/code-review"],
  template: "# Code Review Skill\n\n<!-- Skill content -->",
  agents: ["security-specialist", "performance-analyzer"],
  dependencies: [],
  popularity: 5000,
  rating: 4.8,
  ratingCount: 234,
  downloads: 12500,
  homepage: "https://github.com/ccjk/code-reviewer",
  repository: "https://github.com/ccjk/code-reviewer",
  icon: "https://cdn.claudehome.cn/skills/code-reviewer/icon.png",
  screenshots: ["https://cdn.claudehome.cn/skills/code-reviewer/screenshot1.png"],
  compatibility: COMPATIBILITY,
  permissions: ["file:read", "file:write"],
  createdAt: "2024-06-15T10:00:00Z",
  updatedAt: "2026-01-10T08:00:00Z",
  versions: [
    { version: "2.1.0", releaseDate: "2026-01-10", changelog: "Added security analysis" },
    { version: "2.0.0", releaseDate: "2025-12-01", changelog: "Major rewrite" },
  ],
};

/** §6 List Agents: an item. */
export const agentExample = {
  id: "agent_ts-architect_001",
  role: "typescript-cli-architect",
  model: "sonnet",
  status: "available" as const,
  capabilities: ["cli-design", "typescript", "architecture"],
  currentTask: null,
  load: 0.2,
  lastActivity: "2026-01-21T10:00:00Z",
  metrics: { tasksCompleted: 150, avgResponseTime: 2500, successRate: 0.98 },
};

/** §6 Create Agent Task: the request. */
export const createAgentTaskExample = {
  agentRole: "typescript-cli-architect",
  task: {
    name: "Design CLI structure",
    description: "Create CLI command structure for new feature",
    type: "design",
    priority: "high" as const,
    input: { feature: "cloud-sync", commands: ["sync", "config", "status"] },
    deadline: "2026-01-21T12:00:00Z",
  },
  distributed: false,
};

/** §6 Get Task Status. */
export const agentTaskExample = {
  taskId: "task_abc123",
  status: "in_progress" as const,
  progress: 65,
  agentId: "agent_ts-architect_001",
  startedAt: "2026-01-21T10:00:00Z",
  estimatedCompletion: "2026-01-21T10:05:00Z",
  output: { files: ["src/commands/sync.ts"], messages: ["Created sync command structure"] },
};

/** §7 List MCP Services: an item. */
export const mcpServiceExample = {
  id: "context7",
  name: { en: "Context7", "zh-CN": "Context7 文档" },
  description: { en: "Upstash documentation service", "zh-CN": "Upstash 文档服务" },
  category: "documentation",
  version: "1.2.0",
  author: "Upstash",
  requiresApiKey: false,
  platforms: ["windows" as const, "macos" as const, "linux" as const],
  config: { type: "stdio" as const, command: "npx", args: ["-y", "@upstash/context7-mcp@latest"] },
  popularity: 5000,
  rating: 4.9,
};

/** §8 List Plugins: an item (the document elides the description). */
export const pluginExample = {
  id: "git-workflow-pro",
  name: { en: "Git Workflow Pro", "zh-CN": "Git 工作流专业版" },
  description: { en: "Git workflow automation", "zh-CN": "Git 工作流自动化" },
  category: "dev",
  version: "1.2.0",
  author: "CCJK Team",
  tags: ["git", "workflow", "automation"],
  downloads: 1500,
  rating: 4.8,
  size: 102400,
  createdAt: "2025-01-01T00:00:00Z",
  updatedAt: "2026-01-10T00:00:00Z",
};

const WEBHOOK_EVENTS = ["sync.completed" as const, "task.completed" as const, "conflict.detected" as const];

/** §10 Webhook Configuration: the request. */
export const createWebhookExample = {
  url: "https://your-server.com/webhooks/ccjk",
  events: WEBHOOK_EVENTS,
  secret: "your-webhook-secret",
};

/** §10 Webhook Configuration: the answer. */
export const webhookExample = { webhookId: "wh_abc123", ...createWebhookExample, active: true };
