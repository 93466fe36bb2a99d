/**
 * @module
 * The plugin marketplace's catalog: Claude Code plugins (several are the ones Anthropic publishes in the
 * claude-code repository, two are the document's own examples), each with the files its package holds and the
 * signals the recommendation rule matches (see the plugins contract). Fixed reference data.
 */
import type { Compatibility, Localized, PluginDownload, VersionEntry } from "@agentlane/sdk/ccjk/contract";

/** One file of a plugin's package. */
export interface PluginFile {
  path: string;
  type: PluginDownload["files"][number]["type"];
  content: string;
}

/** What a plugin suits, for recommendations. */
export interface PluginSignals {
  projectTypes?: string[];
  languages?: string[];
  frameworks?: string[];
  tools?: string[];
  skillLevels?: string[];
}

/** A catalog plugin. */
export interface CatalogPlugin {
  id: string;
  name: Localized;
  description: Localized;
  longDescription: string;
  category: string;
  author: string;
  license: string;
  tags: string[];
  /** Downloads before server-lite started counting. */
  baseDownloads: number;
  rating: number;
  ratingCount: number;
  homepage: string | null;
  repository: string | null;
  compatibility: Compatibility;
  createdAt: string;
  updatedAt: string;
  versions: VersionEntry[];
  files: PluginFile[];
  signals: PluginSignals;
}

const COMPAT: Compatibility = { ccjk: ">=3.7.0", claudeCode: ">=1.0.0" };
const CLAUDE_CODE = "https://github.com/anthropics/claude-code/tree/main/plugins";

const md = (title: string, body: string) => `---\ndescription: ${title}\n---\n\n# ${title}\n\n${body}\n`;

/** Every catalog plugin. */
export const catalogPlugins: readonly CatalogPlugin[] = [
  {
    id: "git-workflow-pro",
    name: { en: "Git Workflow Pro", "zh-CN": "Git 工作流专业版" },
    description: {
      en: "Commits, branches and pull requests in one workflow",
      "zh-CN": "一站式完成提交、分支与拉取请求",
    },
    longDescription:
      "## Overview\n\nSmart commits, branch naming and pull request descriptions, with a GitHub workflow.",
    category: "dev",
    author: "CCJK Team",
    license: "MIT",
    tags: ["git", "workflow", "automation"],
    baseDownloads: 1500,
    rating: 4.8,
    ratingCount: 45,
    homepage: "https://github.com/ccjk/git-workflow-pro",
    repository: "https://github.com/ccjk/git-workflow-pro",
    compatibility: COMPAT,
    createdAt: "2025-01-01T00:00:00Z",
    updatedAt: "2026-01-10T00:00:00Z",
    versions: [
      { version: "1.2.0", releaseDate: "2026-01-10", changelog: "Pull request templates" },
      { version: "1.1.0", releaseDate: "2025-09-02", changelog: "Branch naming rules" },
    ],
    files: [
      {
        path: "skills/git-commit.md",
        type: "skill",
        content: md("Smart Git Commit", "Write Conventional Commits messages from the staged diff."),
      },
      {
        path: "commands/pr.md",
        type: "command",
        content: md("Open a pull request", "Push the branch and open a pull request with a summary of its commits."),
      },
      {
        path: "workflows/git.yml",
        type: "workflow",
        content:
          "name: git\non: [push]\njobs:\n  lint-commits:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n",
      },
    ],
    signals: {
      tools: ["git", "github"],
      projectTypes: ["nextjs", "node", "library"],
      skillLevels: ["beginner", "intermediate"],
    },
  },
  {
    id: "test-runner-plus",
    name: { en: "Test Runner Plus", "zh-CN": "测试运行器增强版" },
    description: { en: "Runs, explains and fixes failing tests", "zh-CN": "运行测试、解释失败原因并修复" },
    longDescription:
      "## Overview\n\nRuns the project's test runner, reads failures and proposes fixes; watch mode for TDD.",
    category: "testing",
    author: "CCJK Team",
    license: "MIT",
    tags: ["testing", "vitest", "jest"],
    baseDownloads: 890,
    rating: 4.5,
    ratingCount: 31,
    homepage: "https://github.com/ccjk/test-runner-plus",
    repository: "https://github.com/ccjk/test-runner-plus",
    compatibility: COMPAT,
    createdAt: "2025-03-12T00:00:00Z",
    updatedAt: "2025-12-20T00:00:00Z",
    versions: [{ version: "0.9.0", releaseDate: "2025-12-20", changelog: "Vitest 3 support" }],
    files: [
      {
        path: "commands/test.md",
        type: "command",
        content: md("Run the tests", "Run the project's tests and explain each failure with a proposed fix."),
      },
      {
        path: "skills/fix-failing-test.md",
        type: "skill",
        content: md(
          "Fix a failing test",
          "Read the failure, find the cause in the code under test, fix it, run again.",
        ),
      },
    ],
    signals: {
      tools: ["vitest", "jest", "pytest", "mocha"],
      languages: ["typescript", "javascript", "python"],
      skillLevels: ["intermediate", "advanced"],
    },
  },
  {
    id: "commit-commands",
    name: { en: "Commit Commands", "zh-CN": "提交命令集" },
    description: {
      en: "/commit, /commit-push-pr and /clean_gone for everyday git",
      "zh-CN": "日常 Git 操作命令：/commit、/commit-push-pr、/clean_gone",
    },
    longDescription:
      "## Overview\n\nAnthropic's commit workflow commands: commit, push and open a pull request, and clean up gone branches.",
    category: "dev",
    author: "Anthropic",
    license: "MIT",
    tags: ["git", "commit", "pull-request"],
    baseDownloads: 5200,
    rating: 4.7,
    ratingCount: 160,
    homepage: `${CLAUDE_CODE}/commit-commands`,
    repository: "https://github.com/anthropics/claude-code",
    compatibility: COMPAT,
    createdAt: "2025-10-09T00:00:00Z",
    updatedAt: "2025-12-01T00:00:00Z",
    versions: [{ version: "1.0.0", releaseDate: "2025-10-09", changelog: "First release" }],
    files: [
      {
        path: "commands/commit.md",
        type: "command",
        content: md(
          "Create a git commit",
          "Stage the relevant changes and commit them with a message in the repository's style.",
        ),
      },
      {
        path: "commands/commit-push-pr.md",
        type: "command",
        content: md("Commit, push and open a PR", "Commit, push the branch and open a pull request."),
      },
      {
        path: "commands/clean_gone.md",
        type: "command",
        content: md("Clean up gone branches", "Delete local branches whose remote is gone, with their worktrees."),
      },
    ],
    signals: { tools: ["git", "github"], skillLevels: ["beginner", "intermediate", "advanced"] },
  },
  {
    id: "pr-review-toolkit",
    name: { en: "PR Review Toolkit", "zh-CN": "PR 审查工具包" },
    description: {
      en: "Specialised agents that review a pull request from six angles",
      "zh-CN": "六个专职代理从不同角度审查拉取请求",
    },
    longDescription:
      "## Overview\n\nAgents for comments, tests, silent failures, type design, code quality and simplification.",
    category: "review",
    author: "Anthropic",
    license: "MIT",
    tags: ["review", "pull-request", "quality"],
    baseDownloads: 4100,
    rating: 4.8,
    ratingCount: 122,
    homepage: `${CLAUDE_CODE}/pr-review-toolkit`,
    repository: "https://github.com/anthropics/claude-code",
    compatibility: COMPAT,
    createdAt: "2025-10-09T00:00:00Z",
    updatedAt: "2025-11-18T00:00:00Z",
    versions: [{ version: "1.0.0", releaseDate: "2025-10-09", changelog: "First release" }],
    files: [
      {
        path: "commands/review-pr.md",
        type: "command",
        content: md(
          "Review a pull request",
          "Run the review agents on the pull request's diff and summarise their findings.",
        ),
      },
      {
        path: "agents/silent-failure-hunter.md",
        type: "agent",
        content: md("Silent failure hunter", "Find swallowed errors and fallbacks that hide failures."),
      },
      {
        path: "agents/pr-test-analyzer.md",
        type: "agent",
        content: md("Test coverage analyzer", "Check that the change's behaviour is covered by tests."),
      },
    ],
    signals: {
      tools: ["github", "git"],
      languages: ["typescript", "python", "go"],
      skillLevels: ["intermediate", "advanced"],
    },
  },
  {
    id: "feature-dev",
    name: { en: "Feature Development", "zh-CN": "功能开发流程" },
    description: {
      en: "A guided seven-phase workflow from idea to reviewed code",
      "zh-CN": "从构想到审查完成的七阶段引导式开发流程",
    },
    longDescription:
      "## Overview\n\nExplores the codebase, asks clarifying questions, designs, implements and reviews a feature.",
    category: "dev",
    author: "Anthropic",
    license: "MIT",
    tags: ["workflow", "architecture", "planning"],
    baseDownloads: 6100,
    rating: 4.9,
    ratingCount: 210,
    homepage: `${CLAUDE_CODE}/feature-dev`,
    repository: "https://github.com/anthropics/claude-code",
    compatibility: COMPAT,
    createdAt: "2025-10-09T00:00:00Z",
    updatedAt: "2025-12-05T00:00:00Z",
    versions: [{ version: "1.0.0", releaseDate: "2025-10-09", changelog: "First release" }],
    files: [
      {
        path: "commands/feature-dev.md",
        type: "command",
        content: md(
          "Develop a feature",
          "Discovery, exploration, questions, architecture, implementation, review, summary.",
        ),
      },
      {
        path: "agents/code-explorer.md",
        type: "agent",
        content: md("Code explorer", "Trace how the existing code implements related features."),
      },
      {
        path: "agents/code-architect.md",
        type: "agent",
        content: md("Code architect", "Design the feature's architecture from the explored patterns."),
      },
    ],
    signals: {
      projectTypes: ["nextjs", "node", "react", "fastapi", "django"],
      languages: ["typescript", "python"],
      skillLevels: ["beginner", "intermediate"],
    },
  },
  {
    id: "security-guidance",
    name: { en: "Security Guidance", "zh-CN": "安全提示" },
    description: {
      en: "A hook that warns about unsafe patterns as files are edited",
      "zh-CN": "编辑文件时提示不安全写法的钩子",
    },
    longDescription:
      "## Overview\n\nA PreToolUse hook that warns about command injection, XSS and unsafe deserialization while editing.",
    category: "security",
    author: "Anthropic",
    license: "MIT",
    tags: ["security", "hooks", "owasp"],
    baseDownloads: 3300,
    rating: 4.6,
    ratingCount: 87,
    homepage: `${CLAUDE_CODE}/security-guidance`,
    repository: "https://github.com/anthropics/claude-code",
    compatibility: COMPAT,
    createdAt: "2025-10-09T00:00:00Z",
    updatedAt: "2025-10-30T00:00:00Z",
    versions: [{ version: "1.0.0", releaseDate: "2025-10-09", changelog: "First release" }],
    files: [
      {
        path: "hooks/hooks.json",
        type: "hook",
        content:
          '{"hooks":{"PreToolUse":[{"matcher":"Edit|Write","hooks":[{"type":"command","command":"node hooks/check.mjs"}]}]}}\n',
      },
      {
        path: "hooks/check.mjs",
        type: "hook",
        content:
          "// Warns when an edit introduces eval(), innerHTML or child_process.exec with user input.\nprocess.exit(0);\n",
      },
    ],
    signals: {
      languages: ["typescript", "javascript", "python"],
      frameworks: ["express", "fastapi", "django", "next"],
      skillLevels: ["beginner", "intermediate"],
    },
  },
  {
    id: "frontend-design",
    name: { en: "Frontend Design", "zh-CN": "前端设计" },
    description: {
      en: "Distinctive, production-grade interfaces instead of generic ones",
      "zh-CN": "打造有辨识度、可上线的界面设计",
    },
    longDescription:
      "## Overview\n\nA skill that guides bold typography, layout and motion choices for web interfaces.",
    category: "design",
    author: "Anthropic",
    license: "MIT",
    tags: ["frontend", "design", "css", "react"],
    baseDownloads: 4700,
    rating: 4.7,
    ratingCount: 140,
    homepage: `${CLAUDE_CODE}/frontend-design`,
    repository: "https://github.com/anthropics/claude-code",
    compatibility: COMPAT,
    createdAt: "2025-11-12T00:00:00Z",
    updatedAt: "2025-12-10T00:00:00Z",
    versions: [{ version: "1.0.0", releaseDate: "2025-11-12", changelog: "First release" }],
    files: [
      {
        path: "skills/frontend-design/SKILL.md",
        type: "skill",
        content: md(
          "Frontend design",
          "Choose a clear aesthetic direction; commit to its typography, colour and motion.",
        ),
      },
    ],
    signals: {
      projectTypes: ["nextjs", "react", "vue", "svelte"],
      frameworks: ["react", "next", "vue", "svelte", "tailwind"],
      languages: ["typescript", "javascript"],
    },
  },
  {
    id: "code-review",
    name: { en: "Code Review", "zh-CN": "代码审查" },
    description: {
      en: "Automated pull request review with confidence-scored findings",
      "zh-CN": "自动审查拉取请求，按置信度给出问题",
    },
    longDescription:
      "## Overview\n\nSeveral agents review a pull request in parallel; only findings above a confidence threshold are posted.",
    category: "review",
    author: "Anthropic",
    license: "MIT",
    tags: ["review", "pull-request", "github"],
    baseDownloads: 3900,
    rating: 4.6,
    ratingCount: 98,
    homepage: `${CLAUDE_CODE}/code-review`,
    repository: "https://github.com/anthropics/claude-code",
    compatibility: COMPAT,
    createdAt: "2025-10-09T00:00:00Z",
    updatedAt: "2025-11-02T00:00:00Z",
    versions: [{ version: "1.0.0", releaseDate: "2025-10-09", changelog: "First release" }],
    files: [
      {
        path: "commands/code-review.md",
        type: "command",
        content: md(
          "Review this pull request",
          "Review the diff with several agents and post findings scored 80 or more.",
        ),
      },
    ],
    signals: { tools: ["github"], skillLevels: ["intermediate", "advanced"] },
  },
  {
    id: "hookify",
    name: { en: "Hookify", "zh-CN": "钩子生成器" },
    description: {
      en: "Turn unwanted behaviours into hooks from a conversation",
      "zh-CN": "从对话中把不想要的行为变成钩子规则",
    },
    longDescription:
      "## Overview\n\nAnalyses the conversation for behaviours to prevent and writes hook rules for them.",
    category: "automation",
    author: "Anthropic",
    license: "MIT",
    tags: ["hooks", "automation", "rules"],
    baseDownloads: 1700,
    rating: 4.4,
    ratingCount: 40,
    homepage: `${CLAUDE_CODE}/hookify`,
    repository: "https://github.com/anthropics/claude-code",
    compatibility: COMPAT,
    createdAt: "2025-11-20T00:00:00Z",
    updatedAt: "2025-12-12T00:00:00Z",
    versions: [{ version: "0.1.0", releaseDate: "2025-11-20", changelog: "First release" }],
    files: [
      {
        path: "commands/hookify.md",
        type: "command",
        content: md("Hookify", "Find behaviours to prevent in this conversation and write a hook rule for each."),
      },
    ],
    signals: { skillLevels: ["advanced"], tools: ["claude-code"] },
  },
  {
    id: "agent-sdk-dev",
    name: { en: "Agent SDK Development", "zh-CN": "Agent SDK 开发" },
    description: {
      en: "Scaffold and verify Claude Agent SDK applications",
      "zh-CN": "搭建并校验 Claude Agent SDK 应用",
    },
    longDescription:
      "## Overview\n\n/new-sdk-app scaffolds an Agent SDK project in TypeScript or Python; verifier agents check it.",
    category: "dev",
    author: "Anthropic",
    license: "MIT",
    tags: ["agent-sdk", "typescript", "python"],
    baseDownloads: 2000,
    rating: 4.5,
    ratingCount: 52,
    homepage: `${CLAUDE_CODE}/agent-sdk-dev`,
    repository: "https://github.com/anthropics/claude-code",
    compatibility: COMPAT,
    createdAt: "2025-10-09T00:00:00Z",
    updatedAt: "2025-11-25T00:00:00Z",
    versions: [{ version: "1.0.0", releaseDate: "2025-10-09", changelog: "First release" }],
    files: [
      {
        path: "commands/new-sdk-app.md",
        type: "command",
        content: md("New Agent SDK app", "Scaffold a Claude Agent SDK application and install its dependencies."),
      },
      {
        path: "agents/agent-sdk-verifier-ts.md",
        type: "agent",
        content: md("Agent SDK verifier (TypeScript)", "Check the app follows the SDK's documented patterns."),
      },
    ],
    signals: { languages: ["typescript", "python"], tools: ["pnpm", "npm", "uv"], projectTypes: ["agent", "node"] },
  },
];

/** A catalog plugin by id. */
export function pluginOf(id: string): CatalogPlugin | undefined {
  return catalogPlugins.find((p) => p.id === id);
}
