/**
 * @module
 * CCJK Cloud's registry skills and agent tasks mapped onto the backend's neutral records, in one place.
 *
 * A registry skill's address is its id; it has a version but no priority and no enabled state (the registry
 * lists what can be installed, every entry usable). An agent task belongs to its agent role (the view's
 * project); `queued` is pending, `in_progress` in progress, and the final states (`completed`, `failed`,
 * `cancelled`) are completed, the description saying which when it is not a plain completion. The assignee is
 * the agent running it.
 */
import type { AgentTask, Skill, SkillListItem } from "@agentlane/sdk/ccjk";
import type { SkillItem, TaskItem, TaskPriority, TaskStatus } from "../types.ts";

const STATUS: Record<AgentTask["status"], TaskStatus> = {
  queued: "pending",
  in_progress: "in_progress",
  completed: "completed",
  failed: "completed",
  cancelled: "completed",
};

const PRIORITIES: ReadonlySet<string> = new Set(["low", "medium", "high", "critical"]);

/** A listed skill (texts in the asked language) as the Skills view shows it. */
export function toSkill(category: string, skill: SkillListItem): SkillItem {
  return {
    groupId: category,
    path: skill.id,
    name: skill.name,
    description: skill.description || null,
    enabled: true,
    version: skill.version,
    readOnly: true,
  };
}

/** A skill's details, in one language, with its Markdown. */
export function toSkillWithContent(skill: Skill, lang: "en" | "zh-CN"): SkillItem & { content: string } {
  return {
    groupId: skill.category,
    path: skill.id,
    name: skill.name[lang],
    description: skill.description[lang] || null,
    enabled: true,
    version: skill.version,
    readOnly: true,
    content: skill.template,
  };
}

/**
 * What a task that did not simply complete ended as, what this editor asked for, and what its agent said so far
 * (a message repeating the ending is left out).
 */
function describe(task: AgentTask, given: string | undefined): string | null {
  const ending =
    task.status === "cancelled"
      ? "Cancelled"
      : task.status === "failed"
        ? `Failed: ${task.error ?? "no reason given"}`
        : undefined;
  const said = task.output.messages.filter((message) => !ending?.endsWith(message));
  const lines = [ending, given, ...said.map((message) => `- ${message}`)].filter(Boolean);
  return lines.length > 0 ? lines.join("\n") : null;
}

/**
 * An agent task as the Tasks view shows it; `known` is what this editor sent when creating it, since the task's
 * answer does not repeat the description.
 */
export function toTask(task: AgentTask, role: string, known?: { title: string; description?: string }): TaskItem {
  return {
    id: task.taskId,
    projectId: task.agentRole ?? role,
    title: task.name ?? known?.title ?? `Task ${task.taskId}`,
    description: describe(task, known?.description),
    status: STATUS[task.status],
    priority: task.priority && PRIORITIES.has(task.priority) ? (task.priority as TaskPriority) : "medium",
    assignee: task.agentId,
    blocked: false,
    files: task.output.files,
    progress: task.progress,
  };
}

/** True once a task can change no more. */
export function isFinal(task: AgentTask): boolean {
  return STATUS[task.status] === "completed";
}
