/**
 * @module
 * A model's plain {@link Presentation} as a VS Code `TreeItem`.
 */
import * as vscode from "vscode";
import type { Presentation } from "../models/presentation.ts";

const COLLAPSIBLE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;

export function toTreeItem(look: Presentation, node: unknown): vscode.TreeItem {
  const item = new vscode.TreeItem(look.label, COLLAPSIBLE[look.collapsible]);
  if (look.description !== undefined) item.description = look.description;
  if (look.tooltip !== undefined) item.tooltip = look.tooltip;
  if (look.icon !== undefined) {
    item.iconPath = new vscode.ThemeIcon(look.icon, look.iconColor ? new vscode.ThemeColor(look.iconColor) : undefined);
  }
  item.contextValue = look.contextValue;
  if (look.command) item.command = { command: look.command, title: look.label, arguments: [node] };
  return item;
}
