/**
 * @module
 * The Skills view: loads the connected backend's skill groups and their skills into the {@link SkillCatalog},
 * keeps them fresh, and shows the filter in the view's description.
 */
import * as vscode from "vscode";
import type { SkillsBackend } from "../backend/types.ts";
import type { Connection } from "../connection/connection.ts";
import { SkillCatalog, type SkillTreeNode } from "../models/skill-catalog.ts";
import { describeError } from "../ui/errors.ts";
import { autoRefresh } from "./auto-refresh.ts";
import { ModelTree } from "./model-tree.ts";

export class SkillsView implements vscode.Disposable {
  readonly catalog = new SkillCatalog();
  readonly tree = new ModelTree<SkillTreeNode>(this.catalog);
  readonly view: vscode.TreeView<SkillTreeNode>;
  readonly #connection: Connection;
  readonly #disposables: vscode.Disposable[] = [];
  #loading: Promise<void> | undefined;
  #generation = 0;

  constructor(connection: Connection) {
    this.#connection = connection;
    this.view = vscode.window.createTreeView("agentlane.skills", {
      treeDataProvider: this.tree,
      showCollapseAll: true,
    });
    this.#disposables.push(
      this.view,
      this.tree,
      connection.onDidChange(() => void this.reload()),
      autoRefresh(this.view, connection, () => this.reload()),
    );
  }

  get backend(): SkillsBackend | undefined {
    return this.#connection.current?.backend.skills;
  }

  /** Loads every group and its skills; resolves when the tree shows them. */
  reload(): Promise<void> {
    this.#loading = this.#load();
    return this.#loading;
  }

  /** Waits for a load in progress. */
  async loaded(): Promise<void> {
    await this.#loading;
  }

  async reloadGroup(groupId: string): Promise<void> {
    const backend = this.backend;
    if (!backend) return;
    const node = this.catalog.setSkills(groupId, await backend.list(groupId));
    this.tree.refresh(node ? [node] : undefined);
  }

  setFilter(text: string): void {
    this.catalog.filter = text;
    this.view.description = this.catalog.filter ? `filter: ${this.catalog.filter}` : undefined;
    void vscode.commands.executeCommand("setContext", "agentlane.skillsFiltered", this.catalog.filter !== "");
    this.tree.refresh();
  }

  async #load(): Promise<void> {
    const generation = ++this.#generation;
    const connected = this.#connection.current;
    const backend = connected?.backend.skills;
    if (!connected) {
      this.catalog.setGroups([]);
      this.view.message = undefined;
      this.tree.refresh();
      return;
    }
    if (!backend) {
      this.catalog.setGroups([]);
      this.view.message = `${connected.profile.platform} has no skills.`;
      this.tree.refresh();
      return;
    }
    try {
      const groups = await backend.groups();
      const skills = await Promise.all(groups.map((group) => backend.list(group.id)));
      if (generation !== this.#generation) return;
      this.catalog.setGroups(groups);
      for (const [i, group] of groups.entries()) this.catalog.setSkills(group.id, skills[i]!);
      this.view.message = groups.length === 0 ? "No skills yet." : undefined;
    } catch (error) {
      if (generation !== this.#generation) return;
      this.view.message = `Could not load skills: ${describeError(error)}`;
    }
    this.tree.refresh();
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose();
  }
}
