/**
 * @module
 * Read-only virtual documents: a skill's markdown (`agentlane-skill:/<group>/<path>.md`) and a task's details
 * (`agentlane-task:/<id>/<title>.md`). The `.md` ending gives them markdown highlighting and preview, and as
 * documents with their own URI they can be diffed against any file.
 */
import * as vscode from "vscode";
import type { Backend, TaskItem } from "../backend/types.ts";

export const SKILL_SCHEME = "agentlane-skill";
export const TASK_SCHEME = "agentlane-task";

export function skillUri(groupId: string, path: string): vscode.Uri {
  return vscode.Uri.from({ scheme: SKILL_SCHEME, path: `/${groupId}/${path}.md` });
}

export function parseSkillUri(uri: vscode.Uri): { groupId: string; path: string } {
  const [, groupId = "", ...rest] = uri.path.replace(/\.md$/, "").split("/");
  return { groupId, path: rest.join("/") };
}

export function taskUri(task: TaskItem): vscode.Uri {
  const slug = task.title.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "") || "task";
  return vscode.Uri.from({ scheme: TASK_SCHEME, path: `/${task.id}/${slug}.md` });
}

export function taskMarkdown(task: TaskItem): string {
  const lines = [
    `# ${task.title}`,
    "",
    `- Status: ${task.status}${task.blocked ? " (blocked by a dependency)" : ""}`,
    `- Priority: ${task.priority}`,
    `- Assignee: ${task.assignee ?? "none"}`,
  ];
  if (task.files.length > 0) lines.push(`- Files: ${task.files.map((file) => `\`${file}\``).join(", ")}`);
  if (task.description) lines.push("", task.description);
  return `${lines.join("\n")}\n`;
}

export class SkillDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.#changed.event;
  readonly #backend: () => Backend | undefined;

  constructor(backend: () => Backend | undefined) {
    this.#backend = backend;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const skills = this.#backend()?.skills;
    if (!skills) return "<!-- Not connected: connect to see this skill. -->\n";
    const { groupId, path } = parseSkillUri(uri);
    return (await skills.read(groupId, path)).content;
  }

  /** Re-reads an open skill document after the skill changed. */
  changed(groupId: string, path: string): void {
    this.#changed.fire(skillUri(groupId, path));
  }

  dispose(): void {
    this.#changed.dispose();
  }
}

export class TaskDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.#changed.event;
  readonly #task: (id: string) => TaskItem | undefined;

  constructor(task: (id: string) => TaskItem | undefined) {
    this.#task = task;
  }

  /** Re-reads the open task documents (after a live change). */
  refreshOpen(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === TASK_SCHEME) this.#changed.fire(document.uri);
    }
  }

  dispose(): void {
    this.#changed.dispose();
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = uri.path.split("/")[1] ?? "";
    const task = this.#task(id);
    return task ? taskMarkdown(task) : "<!-- This task is no longer in the Tasks view. -->\n";
  }
}
