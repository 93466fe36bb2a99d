/**
 * @module
 * The skill registry's catalog: the skills and categories CCJK ships with, in English and Simplified Chinese.
 * Fixed reference data; what callers publish is stored beside it (`ccjk_published_skills`), and downloads are
 * counted in `ccjk_downloads`.
 */
import type { Compatibility, Localized, SkillCategory, VersionEntry } from "@agentlane/sdk/ccjk/contract";

/** A catalog skill, as the registry keeps it. */
export interface CatalogSkill {
  id: string;
  name: Localized;
  description: Localized;
  longDescription: string;
  category: string;
  author: string;
  license: string;
  tags: string[];
  triggers: string[];
  template: string;
  agents: string[];
  dependencies: string[];
  popularity: number;
  rating: number;
  ratingCount: number;
  /** Downloads before server-lite started counting. */
  downloads: number;
  repository: string | null;
  permissions: string[];
  createdAt: string;
  /** Newest first; the first is the current version. */
  versions: VersionEntry[];
}

const COMPAT: Compatibility = { ccjk: ">=3.7.0", claudeCode: ">=1.0.0" };
/** What every catalog skill is compatible with. */
export const DEFAULT_COMPATIBILITY = COMPAT;

const skill = (s: Omit<CatalogSkill, "license" | "repository"> & Partial<CatalogSkill>): CatalogSkill => ({
  license: "MIT",
  repository: `https://github.com/miounet11/ccjk/tree/main/templates/skills/${s.id}`,
  ...s,
});

/** Every catalog skill. */
export const catalogSkills: readonly CatalogSkill[] = [
  skill({
    id: "code-reviewer",
    name: { en: "Code Review Assistant", "zh-CN": "代码审查助手" },
    description: { en: "AI-powered code review with security analysis", "zh-CN": "AI 驱动的代码审查，包含安全分析" },
    longDescription:
      "## Overview\n\nReviews the current diff for correctness, security and maintainability, and explains each finding with a suggested fix.",
    category: "review",
    author: "CCJK Team",
    tags: ["review", "security", "quality"],
    triggers: ["/review", "/code-review"],
    template:
      "# Code Review Skill\n\nReview the staged changes. For each file, list bugs, security issues and unclear code, most severe first.\n",
    agents: ["security-specialist", "performance-analyzer"],
    dependencies: ["security-analyzer"],
    popularity: 5000,
    rating: 4.8,
    ratingCount: 234,
    downloads: 12500,
    permissions: ["file:read", "file:write"],
    createdAt: "2024-06-15T10:00:00Z",
    versions: [
      { version: "2.1.0", releaseDate: "2026-01-10", changelog: "Added security analysis" },
      { version: "2.0.0", releaseDate: "2025-12-01", changelog: "Major rewrite" },
    ],
  }),
  skill({
    id: "security-analyzer",
    name: { en: "Security Analyzer", "zh-CN": "安全分析器" },
    description: {
      en: "Finds injection, secrets and unsafe dependencies",
      "zh-CN": "查找注入漏洞、泄露的密钥和不安全的依赖",
    },
    longDescription: "## Overview\n\nScans code for OWASP Top 10 issues, hard-coded secrets and vulnerable packages.",
    category: "review",
    author: "CCJK Team",
    tags: ["security", "owasp", "audit"],
    triggers: ["/security-scan"],
    template:
      "# Security Analyzer\n\nCheck the project for injection, hard-coded secrets and dependencies with known CVEs.\n",
    agents: ["security-specialist"],
    dependencies: [],
    popularity: 3100,
    rating: 4.7,
    ratingCount: 120,
    downloads: 8200,
    permissions: ["file:read"],
    createdAt: "2024-07-02T09:00:00Z",
    versions: [{ version: "1.4.0", releaseDate: "2025-11-20", changelog: "Secret scanning for cloud keys" }],
  }),
  skill({
    id: "git-commit",
    name: { en: "Smart Git Commit", "zh-CN": "智能 Git 提交" },
    description: {
      en: "Conventional commit messages from the staged diff",
      "zh-CN": "根据暂存的改动生成规范的提交信息",
    },
    longDescription:
      "## Overview\n\nReads the staged diff and writes a Conventional Commits message, splitting unrelated changes.",
    category: "git",
    author: "CCJK Team",
    tags: ["git", "commit", "conventional-commits"],
    triggers: ["/commit", "/git-commit"],
    template:
      "# Smart Git Commit\n\nRun `git diff --staged`, group the changes, and propose one Conventional Commits message per group.\n",
    agents: [],
    dependencies: [],
    popularity: 7200,
    rating: 4.9,
    ratingCount: 410,
    downloads: 21000,
    permissions: ["git:read", "git:write"],
    createdAt: "2024-05-01T08:00:00Z",
    versions: [
      { version: "3.0.1", releaseDate: "2026-01-05", changelog: "Scopes from the monorepo's package names" },
      { version: "3.0.0", releaseDate: "2025-10-12", changelog: "Splits unrelated changes into several commits" },
    ],
  }),
  skill({
    id: "git-worktree",
    name: { en: "Git Worktree Manager", "zh-CN": "Git 工作树管理" },
    description: { en: "Parallel branches in separate worktrees", "zh-CN": "在独立的工作树中并行开发多个分支" },
    longDescription:
      "## Overview\n\nCreates, lists and cleans up git worktrees so that several tasks run side by side.",
    category: "git",
    author: "CCJK Team",
    tags: ["git", "worktree", "workflow"],
    triggers: ["/worktree"],
    template:
      "# Git Worktree\n\nUse `git worktree add ../<name> -b <branch>` for each parallel task and remove it when merged.\n",
    agents: [],
    dependencies: [],
    popularity: 2400,
    rating: 4.6,
    ratingCount: 88,
    downloads: 5400,
    permissions: ["git:read", "git:write"],
    createdAt: "2025-02-11T08:00:00Z",
    versions: [{ version: "1.2.0", releaseDate: "2025-12-18", changelog: "Cleans up merged worktrees" }],
  }),
  skill({
    id: "tdd-workflow",
    name: { en: "Test-Driven Development", "zh-CN": "测试驱动开发" },
    description: { en: "Red, green, refactor with your test runner", "zh-CN": "配合测试框架完成红、绿、重构循环" },
    longDescription:
      "## Overview\n\nWrites a failing test first, makes it pass with the smallest change, then refactors.",
    category: "testing",
    author: "CCJK Team",
    tags: ["testing", "tdd", "vitest", "jest"],
    triggers: ["/tdd"],
    template:
      "# TDD\n\n1. Write one failing test.\n2. Make it pass with the smallest change.\n3. Refactor with the tests green.\n",
    agents: ["ccjk-testing-specialist"],
    dependencies: [],
    popularity: 4100,
    rating: 4.7,
    ratingCount: 190,
    downloads: 9800,
    permissions: ["file:read", "file:write", "shell:test"],
    createdAt: "2024-09-09T08:00:00Z",
    versions: [{ version: "2.0.0", releaseDate: "2025-09-30", changelog: "Vitest and pytest support" }],
  }),
  skill({
    id: "api-docs",
    name: { en: "API Documentation Writer", "zh-CN": "API 文档撰写" },
    description: { en: "OpenAPI and Markdown docs from your routes", "zh-CN": "根据路由生成 OpenAPI 与 Markdown 文档" },
    longDescription: "## Overview\n\nReads route handlers and writes an OpenAPI document and a Markdown reference.",
    category: "docs",
    author: "CCJK Team",
    tags: ["docs", "openapi", "markdown"],
    triggers: ["/api-docs"],
    template:
      "# API Docs\n\nList every route with its method, parameters, body, answers and errors, then write them as OpenAPI.\n",
    agents: [],
    dependencies: [],
    popularity: 1900,
    rating: 4.5,
    ratingCount: 61,
    downloads: 4100,
    permissions: ["file:read", "file:write"],
    createdAt: "2024-11-20T08:00:00Z",
    versions: [{ version: "1.1.0", releaseDate: "2025-08-14", changelog: "OpenAPI 3.1" }],
  }),
  skill({
    id: "refactor-pro",
    name: { en: "Refactoring Expert", "zh-CN": "重构专家" },
    description: { en: "Safe, behaviour-preserving refactorings", "zh-CN": "保持行为不变的安全重构" },
    longDescription:
      "## Overview\n\nProposes small refactorings, each with the tests that prove behaviour is unchanged.",
    category: "dev",
    author: "CCJK Team",
    tags: ["refactoring", "clean-code", "typescript"],
    triggers: ["/refactor"],
    template:
      "# Refactor\n\nFind duplicated and overly long code; propose one small refactoring at a time and run the tests after each.\n",
    agents: ["typescript-cli-architect"],
    dependencies: [],
    popularity: 3600,
    rating: 4.6,
    ratingCount: 143,
    downloads: 7600,
    permissions: ["file:read", "file:write"],
    createdAt: "2024-08-01T08:00:00Z",
    versions: [{ version: "1.5.2", releaseDate: "2025-12-22", changelog: "Understands barrel files" }],
  }),
  skill({
    id: "feature-planner",
    name: { en: "Feature Planner", "zh-CN": "功能规划师" },
    description: { en: "Turns a feature request into a step-by-step plan", "zh-CN": "把功能需求拆解为逐步实施计划" },
    longDescription:
      "## Overview\n\nAsks clarifying questions, then writes a plan with files to touch and tests to add.",
    category: "dev",
    author: "CCJK Team",
    tags: ["planning", "workflow", "architecture"],
    triggers: ["/plan", "/feat"],
    template:
      "# Feature Planner\n\nRestate the request, list open questions, then write numbered steps naming files and tests.\n",
    agents: ["typescript-cli-architect"],
    dependencies: [],
    popularity: 4600,
    rating: 4.8,
    ratingCount: 205,
    downloads: 11200,
    permissions: ["file:read"],
    createdAt: "2024-06-30T08:00:00Z",
    versions: [{ version: "2.2.0", releaseDate: "2026-01-08", changelog: "Plans name the tests to add" }],
  }),
  skill({
    id: "i18n-helper",
    name: { en: "i18n Helper", "zh-CN": "国际化助手" },
    description: { en: "Extracts strings and keeps locale files in step", "zh-CN": "提取文案并保持各语言文件同步" },
    longDescription:
      "## Overview\n\nFinds hard-coded strings, moves them to i18next locale files and reports missing keys.",
    category: "dev",
    author: "CCJK Team",
    tags: ["i18n", "i18next", "localization"],
    triggers: ["/i18n"],
    template:
      "# i18n Helper\n\nReplace hard-coded user-facing strings with `t('namespace:key')` and add the key to every locale.\n",
    agents: ["ccjk-i18n-specialist"],
    dependencies: [],
    popularity: 1500,
    rating: 4.4,
    ratingCount: 47,
    downloads: 3300,
    permissions: ["file:read", "file:write"],
    createdAt: "2025-01-15T08:00:00Z",
    versions: [{ version: "1.0.3", releaseDate: "2025-10-02", changelog: "Namespaces per folder" }],
  }),
  skill({
    id: "docker-deploy",
    name: { en: "Docker Deploy", "zh-CN": "Docker 部署" },
    description: {
      en: "Dockerfiles and compose files that build small images",
      "zh-CN": "编写构建精简镜像的 Dockerfile 与 compose 文件",
    },
    longDescription: "## Overview\n\nWrites multi-stage Dockerfiles and a compose file for local development.",
    category: "devops",
    author: "CCJK Team",
    tags: ["docker", "deploy", "devops"],
    triggers: ["/docker"],
    template:
      "# Docker Deploy\n\nWrite a multi-stage Dockerfile (build, then a slim runtime image) and a docker-compose.yml.\n",
    agents: ["ccjk-devops-engineer"],
    dependencies: [],
    popularity: 2200,
    rating: 4.5,
    ratingCount: 76,
    downloads: 4900,
    permissions: ["file:read", "file:write"],
    createdAt: "2024-10-10T08:00:00Z",
    versions: [{ version: "1.3.0", releaseDate: "2025-11-03", changelog: "Distroless runtime images" }],
  }),
];

/** The catalog's categories (their counts are computed from the listed skills). */
export const catalogCategories: readonly Omit<SkillCategory, "count">[] = [
  {
    id: "git",
    name: { en: "Git", "zh-CN": "Git 工具" },
    description: { en: "Version control workflows", "zh-CN": "版本控制工作流" },
    icon: "🔀",
  },
  {
    id: "dev",
    name: { en: "Development", "zh-CN": "开发工具" },
    description: { en: "Code creation and refactoring", "zh-CN": "代码创建和重构" },
    icon: "🛠️",
  },
  {
    id: "review",
    name: { en: "Code Review", "zh-CN": "代码审查" },
    description: { en: "Reviews, audits and security checks", "zh-CN": "代码评审、审计与安全检查" },
    icon: "🔍",
  },
  {
    id: "testing",
    name: { en: "Testing", "zh-CN": "测试" },
    description: { en: "Unit, integration and end-to-end tests", "zh-CN": "单元、集成与端到端测试" },
    icon: "🧪",
  },
  {
    id: "docs",
    name: { en: "Documentation", "zh-CN": "文档" },
    description: { en: "READMEs, API references and guides", "zh-CN": "README、API 参考与指南" },
    icon: "📝",
  },
  {
    id: "devops",
    name: { en: "DevOps", "zh-CN": "运维部署" },
    description: { en: "Containers, CI and deployment", "zh-CN": "容器、持续集成与部署" },
    icon: "🚀",
  },
  {
    id: "custom",
    name: { en: "Custom", "zh-CN": "自定义" },
    description: { en: "Skills published by the community", "zh-CN": "社区发布的技能" },
    icon: "✨",
  },
];
