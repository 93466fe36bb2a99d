/**
 * @module
 * The agent roles CCJK orchestrates (the specialists of the ccjk project's own agent team), and how long each
 * kind of task takes. Fixed reference data: each account's pools of these roles are stored in `ccjk_pools`.
 */

/** An agent role. */
export interface AgentRole {
  role: string;
  /** The short name in agent and pool ids (`agent_ts-architect_001`, `pool_ts-architect`). */
  short: string;
  model: "opus" | "sonnet" | "haiku";
  capabilities: string[];
  /** The public catalog's figures, shown to anonymous callers. */
  metrics: { tasksCompleted: number; avgResponseTime: number; successRate: number };
}

/** Every role. */
export const agentRoles: readonly AgentRole[] = [
  {
    role: "typescript-cli-architect",
    short: "ts-architect",
    model: "sonnet",
    capabilities: ["cli-design", "typescript", "architecture"],
    metrics: { tasksCompleted: 150, avgResponseTime: 2500, successRate: 0.98 },
  },
  {
    role: "ccjk-i18n-specialist",
    short: "i18n",
    model: "sonnet",
    capabilities: ["i18next", "localization", "translation"],
    metrics: { tasksCompleted: 96, avgResponseTime: 1800, successRate: 0.99 },
  },
  {
    role: "ccjk-tools-integration-specialist",
    short: "tools",
    model: "sonnet",
    capabilities: ["mcp", "tool-integration", "shell"],
    metrics: { tasksCompleted: 71, avgResponseTime: 3100, successRate: 0.95 },
  },
  {
    role: "ccjk-template-engine",
    short: "templates",
    model: "haiku",
    capabilities: ["templates", "markdown", "code-generation"],
    metrics: { tasksCompleted: 210, avgResponseTime: 900, successRate: 0.99 },
  },
  {
    role: "ccjk-config-architect",
    short: "config",
    model: "sonnet",
    capabilities: ["configuration", "json-schema", "migration"],
    metrics: { tasksCompleted: 64, avgResponseTime: 2200, successRate: 0.97 },
  },
  {
    role: "ccjk-testing-specialist",
    short: "testing",
    model: "sonnet",
    capabilities: ["vitest", "test-design", "coverage"],
    metrics: { tasksCompleted: 133, avgResponseTime: 2700, successRate: 0.96 },
  },
  {
    role: "ccjk-devops-engineer",
    short: "devops",
    model: "haiku",
    capabilities: ["ci", "release", "docker"],
    metrics: { tasksCompleted: 58, avgResponseTime: 1500, successRate: 0.97 },
  },
  {
    role: "security-specialist",
    short: "security",
    model: "opus",
    capabilities: ["security-review", "threat-modeling", "dependency-audit"],
    metrics: { tasksCompleted: 44, avgResponseTime: 4200, successRate: 0.99 },
  },
];

/** A role by name. */
export function roleOf(role: string): AgentRole | undefined {
  return agentRoles.find((r) => r.role === role);
}

/** An agent's id: the role's short name and the agent's 1-based number in its pool. */
export function agentId(role: AgentRole, n: number): string {
  return `agent_${role.short}_${String(n).padStart(3, "0")}`;
}

/** Seconds a task of each type takes (see the agents contract); other types take `default`. */
const DURATIONS: Record<string, number> = { design: 300, review: 120, implement: 600, test: 180, docs: 120 };

/** Seconds a task of this type takes. */
export function taskSeconds(type: string | null | undefined): number {
  return (type && DURATIONS[type]) || 240;
}
