/**
 * @module
 * Sample data for a fresh local server, made through the SDK as any client would: a machine that stays
 * online (its agent's heartbeat), three skills on it, and a project with tasks of every priority, one of
 * them blocked by another. "Start local server" shows it, and the end-to-end tests start from it.
 */
import type { ClaudeNest } from "@agentlane/sdk";

export interface SampleData {
  machineId: string;
  machineToken: string;
  projectId: string;
  taskIds: Record<string, string>;
}

export const SAMPLE_SKILLS = [
  {
    path: "debugging",
    name: "Debugging",
    description: "Reproduce first, then bisect",
    priority: 80,
    content:
      "# Debugging\n\n1. Reproduce the failure with the smallest input.\n2. Bisect: halve the change until one step breaks.\n3. Write the failing test before the fix.\n",
  },
  {
    path: "team/code-review",
    name: "Code review",
    description: "What a reviewer checks",
    priority: 50,
    content: "# Code review\n\n- Does every new path have a test?\n- Is the error message actionable?\n",
  },
  {
    path: "writing/release-notes",
    name: "Release notes",
    description: "One line per change, user-facing",
    priority: 10,
    enabled: false,
    content: "# Release notes\n\nWrite for the user: what changed for them, not how.\n",
  },
] as const;

export const SAMPLE_TASKS = [
  { key: "login", title: "Fix the login redirect loop", priority: "critical", files: ["src/auth/redirect.ts"] },
  { key: "cache", title: "Cache the project list", priority: "high", files: ["src/projects/cache.ts"] },
  { key: "docs", title: "Document the locks API", priority: "medium", files: ["docs/locks.md"] },
  { key: "cleanup", title: "Remove the old session poller", priority: "low", files: [] },
] as const;

/**
 * Creates the sample data with a user's client; `machine(token)` answers a client acting as the machine's
 * agent (for the heartbeat that keeps the machine online).
 */
export async function addSampleData(
  nest: ClaudeNest,
  machine: (token: string) => ClaudeNest,
  options: { projectPath: string; machineName?: string },
): Promise<SampleData> {
  const registration = await nest.machines.register({
    name: options.machineName ?? "Local workstation",
    platform: process.platform,
    hostname: "localhost",
    max_sessions: 10,
  });
  const machineId = registration.machine.id;
  await machine(registration.token).machines.get({ id: machineId });
  for (const skill of SAMPLE_SKILLS) await nest.skills.createOrUpdate({ machine: machineId, ...skill });
  const project = await nest.projects.create({
    machine: machineId,
    name: "Sample project",
    project_path: options.projectPath,
  });
  const taskIds: Record<string, string> = {};
  for (const { key, ...task } of SAMPLE_TASKS) {
    const created = await nest.tasks.create({ project: project.id, ...task, files: [...task.files] });
    taskIds[key] = created.id;
  }
  const blocked = await nest.tasks.create({
    project: project.id,
    title: "Ship the login fix",
    priority: "high",
    dependencies: [taskIds.login!],
  });
  taskIds.ship = blocked.id;
  return { machineId, machineToken: registration.token, projectId: project.id, taskIds };
}

/** Keeps a machine online: its agent is seen on every call. Answers the function that stops it. */
export function heartbeat(agent: ClaudeNest, machineId: string, everyMs = 60_000): () => void {
  const timer = setInterval(() => void agent.machines.get({ id: machineId }).catch(() => {}), everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
