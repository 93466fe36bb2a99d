/**
 * @module
 * Task commands: create, claim (with this window's instance id; optionally creating and checking out a
 * branch named after the task, and locking its files), claim the next available, release with a reason,
 * complete with a summary and the workspace's changed files, cancel (tasks that run on the platform's agents),
 * open a task's files or details. Each result is shown at once; the watcher's event for it changes nothing more.
 * An operation the platform does not offer is hidden by its context key; run anyway, it says so.
 */

import { isAPIError } from "@agentlane/sdk";
import * as vscode from "vscode";
import type { TaskItem, TaskPriority } from "../backend/types.ts";
import { branchName } from "../models/branch-name.ts";
import type { TaskTreeNode } from "../models/task-board.ts";
import type { Services } from "../services.ts";
import { withErrors, withProgress } from "../ui/errors.ts";
import { taskUri } from "../views/documents.ts";
import { changedFiles, workspaceRepository } from "../workspace/git.ts";
import { offered } from "./offered.ts";
import { pickProject, pickTask, type TaskArg } from "./task-picks.ts";

const setting = <T>(key: string, fallback: T): T =>
  vscode.workspace.getConfiguration("agentlane.tasks").get<T>(key) ?? fallback;

function show(services: Services, task: TaskItem): void {
  services.tasks.showTask(task);
}

async function startWork(services: Services, task: TaskItem): Promise<void> {
  const backend = services.tasks.backend;
  if (setting("lockFilesOnClaim", false) && backend?.locks && task.files.length > 0) {
    await withErrors(`Lock the files of ${task.title}`, () =>
      backend.locks!.lockFiles(task.projectId, services.tasks.instanceId, task.files, `Task: ${task.title}`),
    );
  }
  const mode = setting<"ask" | "always" | "never">("createBranch", "ask");
  if (mode === "never") return;
  const repo = await workspaceRepository();
  if (!repo) return;
  const name = branchName(task);
  if (mode === "ask") {
    const answer = await vscode.window.showInformationMessage(
      `Claimed "${task.title}". Create and check out the branch ${name}?`,
      "Create branch",
    );
    if (answer !== "Create branch") return;
  }
  await withErrors(`Create branch ${name}`, () => repo.createBranch(name, true));
}

async function claim(services: Services, arg: TaskArg): Promise<TaskItem | undefined> {
  const claimTask = offered(services, services.tasks.backend, "claim", "claim tasks");
  const task = claimTask && (await pickTask(services, arg, (t) => t.status === "pending" && !t.blocked, "Claim task"));
  if (!task) return undefined;
  const claimed = await withProgress(`Claiming "${task.title}"…`, () => claimTask(task.id, services.tasks.instanceId));
  if (!claimed) return undefined;
  show(services, claimed);
  void startWork(services, claimed);
  return claimed;
}

async function claimNext(services: Services, projectId?: string): Promise<TaskItem | undefined> {
  const nextAvailable = offered(services, services.tasks.backend, "nextAvailable", "offer the next available task");
  const claimTask = nextAvailable && offered(services, services.tasks.backend, "claim", "claim tasks");
  const project = claimTask && (await pickProject(services, projectId));
  if (!claimTask || !project) return undefined;
  const claimed = await withProgress("Claiming the next available task…", async () => {
    // Another instance may win the race for the offered task; ask again a few times.
    for (let attempt = 0; attempt < 5; attempt++) {
      const next = await nextAvailable(project);
      if (!next) return null;
      try {
        return await claimTask(next.id, services.tasks.instanceId);
      } catch (error) {
        if (!(isAPIError(error) && error.status === 409)) throw error;
      }
    }
    return null;
  });
  if (claimed === null) void vscode.window.showInformationMessage("No task is available right now.");
  if (!claimed) return undefined;
  show(services, claimed);
  void startWork(services, claimed);
  return claimed;
}

async function release(services: Services, arg: TaskArg, reason?: string): Promise<void> {
  const backend = services.tasks.backend;
  const me = services.tasks.instanceId;
  const releaseTask = offered(services, services.tasks.backend, "release", "release tasks");
  const task =
    releaseTask &&
    (await pickTask(services, arg, (t) => t.status === "in_progress" && t.assignee === me, "Release task"));
  if (!backend || !task) return;
  const why =
    reason ??
    (await vscode.window.showInputBox({
      title: `Release "${task.title}"`,
      prompt: "Why? (optional; other instances see it)",
      // A reason being typed survives a click elsewhere (or focus returning to the tree after its menu closes).
      ignoreFocusOut: true,
    }));
  if (why === undefined) return;
  const released = await withProgress(`Releasing "${task.title}"…`, () => releaseTask(task.id, me, why));
  if (!released) return;
  show(services, released);
  if (setting("lockFilesOnClaim", false) && backend.locks && task.files.length > 0) {
    await withErrors("Unlock files", () => backend.locks!.unlockFiles(task.projectId, me, task.files));
  }
}

async function complete(
  services: Services,
  arg: TaskArg,
  given?: { summary: string; files?: string[] },
): Promise<void> {
  const backend = services.tasks.backend;
  const me = services.tasks.instanceId;
  const completeTask = offered(services, services.tasks.backend, "complete", "complete tasks");
  const task =
    completeTask &&
    (await pickTask(services, arg, (t) => t.status === "in_progress" && t.assignee === me, "Complete task"));
  if (!backend || !task) return;
  const summary =
    given?.summary ??
    (await vscode.window.showInputBox({
      title: `Complete "${task.title}"`,
      prompt: "What was done?",
      ignoreFocusOut: true,
      validateInput: (text) => (text.trim() ? undefined : "A summary is required"),
    }));
  if (!summary) return;
  let files = given?.files;
  if (files === undefined) {
    const repo = await workspaceRepository();
    const changed = repo ? changedFiles(repo) : [];
    if (changed.length > 0) {
      const picked = await vscode.window.showQuickPick(
        changed.map((file) => ({ label: file, picked: true })),
        { title: "Files modified (from git)", canPickMany: true, ignoreFocusOut: true },
      );
      if (!picked) return;
      files = picked.map((item) => item.label);
    } else {
      files = [];
    }
  }
  const done = await withProgress(`Completing "${task.title}"…`, () => completeTask(task.id, me, summary, files));
  if (!done) return;
  show(services, done);
  if (setting("lockFilesOnClaim", false) && backend.locks && task.files.length > 0) {
    await withErrors("Unlock files", () => backend.locks!.unlockFiles(task.projectId, me, task.files));
  }
}

async function cancel(services: Services, arg: TaskArg, options?: { confirmed?: boolean }): Promise<void> {
  const cancelTask = offered(services, services.tasks.backend, "cancel", "cancel tasks");
  const task = cancelTask && (await pickTask(services, arg, (t) => t.status !== "completed", "Cancel task"));
  if (!task) return;
  if (!options?.confirmed) {
    const answer = await vscode.window.showWarningMessage(
      `Cancel the task "${task.title}"?`,
      { modal: true, detail: "Its agent stops working on it." },
      "Cancel task",
    );
    if (answer !== "Cancel task") return;
  }
  const cancelled = await withProgress(`Cancelling "${task.title}"…`, () => cancelTask(task.id));
  if (cancelled) show(services, cancelled);
}

async function create(
  services: Services,
  given?: { projectId?: string; title: string; priority?: TaskPriority; description?: string; files?: string[] },
  inProject?: string,
): Promise<TaskItem | undefined> {
  const backend = services.tasks.backend;
  const projectId = await pickProject(services, given?.projectId ?? inProject);
  if (!backend || !projectId) return undefined;
  const title =
    given?.title ??
    (await vscode.window.showInputBox({
      title: "Agentlane: New task",
      prompt: "Title",
      ignoreFocusOut: true,
      validateInput: (text) => (text.trim() ? undefined : "A title is required"),
    }));
  if (!title) return undefined;
  let priority = given?.priority;
  if (!given) {
    const picked = await vscode.window.showQuickPick(
      (["critical", "high", "medium", "low"] as const).map((p) => ({ label: p, picked: p === "medium" })),
      { title: `Priority of "${title}"` },
    );
    if (!picked) return undefined;
    priority = picked.label;
  }
  const created = await withProgress(`Creating "${title}"…`, () =>
    backend.create(projectId, {
      title,
      ...(priority ? { priority } : {}),
      ...(given?.description ? { description: given.description } : {}),
      ...(given?.files ? { files: given.files } : {}),
    }),
  );
  if (created) show(services, created);
  return created;
}

async function openFiles(services: Services, arg: TaskArg): Promise<void> {
  const task = await pickTask(services, arg, (t) => t.files.length > 0, "Open task files");
  if (!task) return;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder || task.files.length === 0) {
    void vscode.window.showInformationMessage(
      task.files.length === 0 ? `"${task.title}" names no files.` : "Open a folder to open the task's files.",
    );
    return;
  }
  const missing: string[] = [];
  for (const file of task.files) {
    const uri = vscode.Uri.joinPath(folder, file);
    try {
      await vscode.workspace.fs.stat(uri);
      await vscode.window.showTextDocument(uri, { preview: false, preserveFocus: true });
    } catch {
      missing.push(file);
    }
  }
  if (missing.length > 0) void vscode.window.showWarningMessage(`Not in this workspace: ${missing.join(", ")}`);
}

async function openLocked(node: TaskTreeNode | undefined): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (node?.kind !== "lock" || !folder) return;
  await withErrors("Open file", async () => {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, node.lock.path));
  });
}

/** A completion given by automation (menus pass other arguments, such as the selected nodes). */
function isCompletion(value: unknown): value is { summary: string; files?: string[] } {
  return typeof value === "object" && value !== null && typeof (value as { summary?: unknown }).summary === "string";
}

export function registerTaskCommands(services: Services): vscode.Disposable[] {
  const { registerCommand } = vscode.commands;
  return [
    // From a project's menu the argument is its node: ask for the rest. From automation: the task itself.
    registerCommand("agentlane.tasks.create", (arg?: TaskTreeNode | Parameters<typeof create>[1]) =>
      arg && "kind" in arg
        ? create(services, undefined, arg.kind === "project" ? arg.project.id : undefined)
        : create(services, arg),
    ),
    registerCommand("agentlane.tasks.claim", (arg?: TaskArg) => claim(services, arg)),
    registerCommand("agentlane.tasks.claimNext", (arg?: TaskTreeNode | string) =>
      claimNext(services, typeof arg === "string" ? arg : arg?.kind === "project" ? arg.project.id : undefined),
    ),
    registerCommand("agentlane.tasks.release", (arg?: TaskArg, reason?: unknown) =>
      release(services, arg, typeof reason === "string" ? reason : undefined),
    ),
    registerCommand("agentlane.tasks.complete", (arg?: TaskArg, given?: unknown) =>
      complete(services, arg, isCompletion(given) ? given : undefined),
    ),
    registerCommand("agentlane.tasks.cancel", (arg?: TaskArg, options?: unknown) =>
      cancel(services, arg, { confirmed: (options as { confirmed?: unknown } | undefined)?.confirmed === true }),
    ),
    registerCommand("agentlane.tasks.openFiles", (arg?: TaskArg) => openFiles(services, arg)),
    registerCommand("agentlane.tasks.show", async (arg?: TaskArg) => {
      const task = await pickTask(services, arg, () => true, "Show task");
      if (task) await vscode.window.showTextDocument(taskUri(task), { preview: true });
    }),
    registerCommand("agentlane.tasks.refresh", () => services.tasks.reload()),
    registerCommand("agentlane.locks.open", (node?: TaskTreeNode) => openLocked(node)),
  ];
}
