/**
 * @module
 * A `TreeDataProvider` over any tree model: it asks the model for children and looks, and refreshes only
 * the nodes a change names (the whole tree only when the root changed).
 */
import * as vscode from "vscode";
import type { Presentation } from "../models/presentation.ts";
import { toTreeItem } from "./tree-item.ts";

export interface TreeModel<N> {
  children(node?: N): N[];
  present(node: N): Presentation;
  parent?(node: N): N | undefined;
}

export class ModelTree<N extends object> implements vscode.TreeDataProvider<N>, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<N | N[] | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  readonly #model: TreeModel<N>;

  constructor(model: TreeModel<N>) {
    this.#model = model;
  }

  /** Refreshes these nodes; `undefined` among them (or no argument) refreshes the whole tree. */
  refresh(nodes?: ReadonlyArray<N | undefined>): void {
    if (nodes === undefined || nodes.includes(undefined)) this.#changed.fire(undefined);
    else if (nodes.length > 0) this.#changed.fire(nodes as N[]);
  }

  getChildren(node?: N): N[] {
    return this.#model.children(node);
  }

  getTreeItem(node: N): vscode.TreeItem {
    return toTreeItem(this.#model.present(node), node);
  }

  getParent(node: N): N | undefined {
    return this.#model.parent?.(node);
  }

  dispose(): void {
    this.#changed.dispose();
  }
}
