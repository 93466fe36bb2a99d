/**
 * @module
 * The requests ClaudeNest's document (seed 001) shows, as the examples of the contract's request bodies in the
 * OpenAPI document and in each SDK method's example call. Every example parses with its schema
 * (`contract/entity.test.ts` checks).
 */

/** The task the examples refer to. */
export const TASK_ID = "5e8a1c3f-7d2b-4f6e-9a0c-3d1b6e8f2a47";

/** §4.2 */
export const registerMachineExample = {
  name: "MacBook Pro",
  platform: "darwin",
  hostname: "macbook.local",
  arch: "arm64",
  node_version: "20.11.0",
  agent_version: "1.0.0",
  claude_version: "1.0.0",
  claude_path: "/usr/local/bin/claude",
  capabilities: ["wake_on_lan", "gpu"],
  max_sessions: 10,
};

/** §5.2 */
export const createSessionExample = {
  mode: "interactive" as const,
  project_path: "/home/user/project",
  initial_prompt: "Refactor the auth module",
  pty_size: { cols: 120, rows: 40 },
};

/** §6.2 */
export const createProjectExample = {
  name: "My Project",
  project_path: "/home/user/project",
  summary: "Initial project description",
  architecture: "MVC pattern with Laravel",
  conventions: "PSR-12 coding standards",
  settings: { maxContextTokens: 8000, taskTimeoutMinutes: 60 },
};

/** §7.2 */
export const createTaskExample = {
  title: "Implement authentication",
  description: "Add JWT-based authentication system",
  priority: "high" as const,
  files: ["auth.php", "User.php"],
  dependencies: [],
  estimated_tokens: 2000,
};

/** §2.6 Create Token */
export const createTokenExample = { name: "Mobile App Token", abilities: ["*"], expires_in_days: 90 };

/** §8.6 */
export const addChunkExample = {
  content: "Important decision: Using JWT for auth",
  type: "decision" as const,
  instance_id: "instance_1",
  task_id: TASK_ID,
  files: ["auth.php"],
  importance_score: 0.9,
  expires_at: "2026-03-02T00:00:00Z",
};

/** §9.2 */
export const acquireLockExample = {
  path: "src/auth.php",
  instance_id: "instance_1",
  reason: "Refactoring authentication",
  duration_minutes: 30,
};

/** §10.3 */
export const upsertSkillExample = {
  path: "custom-skill",
  name: "Custom Skill",
  content: "# Custom Skill\n\nInstructions...",
  description: "Description of the skill",
  priority: 5,
  metadata: { tags: ["custom"] },
};

/** §11.3 (the document elides the proxy's address) */
export const addMcpServerExample = {
  name: "fetch",
  display_name: "Web Fetch",
  command: "uvx",
  args: ["mcp-server-fetch"],
  env: { HTTP_PROXY: "http://proxy.internal:3128" },
  auto_start: true,
};

/** §12.4 */
export const registerCommandExample = {
  name: "npm run build",
  type: "npm",
  description: "Build production assets",
  command: "npm run build",
  category: "build",
  is_dangerous: false,
  arguments: [],
  options: [],
};
