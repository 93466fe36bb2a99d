/**
 * @module
 * Which task or project a task command is about: the tree node it was run on, the id automation passes, or (from
 * the palette) the user's pick among the tasks the command applies to.
 */
import * as vscode from "vscode";
import type { TaskItem } from "../backend/types.ts";
import type { TaskTreeNode } from "../models/task-board.ts";
import type { Services } from "../services.ts";

/** A task node, or `{ taskId }` from automation. */
export type TaskArg = TaskTreeNode | { taskId: string } | undefined;

/** The task a command is about: the node it was run on, the one automation names, or the user's pick. */
export async function pickTask(services: Services, arg: TaskArg, filter: (task: TaskItem) => boolean, title: string) {
  if (arg && "kind" in arg) return arg.kind === "task" ? arg.task : undefined;
  if (arg) return services.tasks.board.task(arg.taskId);
  const board = services.tasks.board;
  const tasks = board.projectIds.flatMap((id) => board.tasks(id)).filter(filter);
  if (tasks.length === 0) {
    void vscode.window.showInformationMessage(`No task to ${title.toLowerCase()}.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    tasks.map((task) => ({
      label: task.title,
      description: `${task.priority} · ${board.project(task.projectId)?.name ?? ""}`,
      task,
    })),
    { title: `Agentlane: ${title}` },
  );
  return picked?.task;
}

/** The project a command is about: the given one, the only one, or the user's pick. */
export async function pickProject(services: Services, projectId?: string): Promise<string | undefined> {
  const board = services.tasks.board;
  if (projectId) return projectId;
  if (board.projectIds.length <= 1) return board.projectIds[0];
  const picked = await vscode.window.showQuickPick(
    board.projectIds.map((id) => ({ label: board.project(id)!.name, description: board.project(id)!.location, id })),
    { title: "Agentlane: Project" },
  );
  return picked?.id;
}
