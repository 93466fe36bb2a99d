/**
 * @module
 * The Tasks view: the connected backend's projects in a {@link TaskBoard}, each followed live by a task
 * watcher and a lock watcher. A watcher's event refreshes only the nodes it changed.
 */
import * as vscode from "vscode";
import type { Disposable, TaskItem, TasksBackend } from "../backend/types.ts";
import type { Connection } from "../connection/connection.ts";
import { TaskBoard, type TaskTreeNode } from "../models/task-board.ts";
import { TaskLooks } from "../models/task-presentation.ts";
import { describeError } from "../ui/errors.ts";
import { ModelTree } from "./model-tree.ts";

export class TasksView implements vscode.Disposable {
  readonly board = new TaskBoard();
  readonly tree: ModelTree<TaskTreeNode>;
  readonly view: vscode.TreeView<TaskTreeNode>;
  readonly instanceId: string;
  readonly #connection: Connection;
  readonly #watchers: Disposable[] = [];
  #generation = 0;
  readonly #disposables: vscode.Disposable[] = [];
  readonly #changed = new vscode.EventEmitter<void>();
  /** Fires after every change the tree shows (for tests and for commands that wait for a state). */
  readonly onDidChange = this.#changed.event;

  constructor(connection: Connection, instanceId: string) {
    this.#connection = connection;
    this.instanceId = instanceId;
    const looks = new TaskLooks(this.board, instanceId);
    this.tree = new ModelTree<TaskTreeNode>({
      children: (node) => this.board.children(node),
      present: (node) => looks.present(node),
      parent: (node) => this.board.parent(node),
    });
    this.view = vscode.window.createTreeView("agentlane.tasks", { treeDataProvider: this.tree, showCollapseAll: true });
    this.#disposables.push(
      this.view,
      this.tree,
      this.#changed,
      connection.onDidChange(() => void this.reload()),
    );
  }

  get backend(): TasksBackend | undefined {
    return this.#connection.current?.backend.tasks;
  }

  /** Loads the projects and (re)starts their watchers; a newer reload supersedes one still loading. */
  async reload(): Promise<void> {
    this.#stopWatchers();
    const generation = ++this.#generation;
    const connected = this.#connection.current;
    const backend = connected?.backend.tasks;
    if (!connected || !backend) {
      this.board.setProjects([]);
      this.view.message = connected ? `${connected.profile.platform} has no tasks.` : undefined;
      this.tree.refresh();
      return;
    }
    let projects: Awaited<ReturnType<TasksBackend["projects"]>> = [];
    try {
      projects = await backend.projects();
      this.view.message = projects.length === 0 ? "No projects yet." : undefined;
    } catch (error) {
      this.view.message = `Could not load projects: ${describeError(error)}`;
    }
    if (generation !== this.#generation) return;
    this.board.setProjects(projects);
    this.tree.refresh();
    for (const projectId of this.board.projectIds) {
      this.#watchers.push(backend.watch(projectId, (change) => this.#show(this.board.applyTasks(projectId, change))));
      if (backend.locks) {
        this.#watchers.push(
          backend.locks.watch(projectId, (change) => this.#show(this.board.applyLocks(projectId, change))),
        );
      }
    }
  }

  /** Shows a task as a command's answer gave it, before (or instead of) its live event. */
  showTask(task: TaskItem): void {
    const known = this.board.task(task.id);
    const event = task.status === "completed" ? "completed" : task.status === "in_progress" ? "claimed" : "released";
    if (known || this.board.project(task.projectId)) {
      this.#show(this.board.applyTasks(task.projectId, { kind: "changed", event, task }));
    }
  }

  #show(nodes: Array<TaskTreeNode | undefined>): void {
    this.tree.refresh(nodes);
    this.#changed.fire();
  }

  #stopWatchers(): void {
    for (const watcher of this.#watchers.splice(0)) watcher.dispose();
  }

  dispose(): void {
    this.#stopWatchers();
    for (const disposable of this.#disposables) disposable.dispose();
  }
}
