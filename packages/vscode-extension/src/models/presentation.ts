/**
 * @module
 * How a tree node looks, as plain data: the VS Code glue turns it into a `TreeItem`. Keeping it free of the
 * `vscode` module lets the tree models be tested (and benchmarked) in plain Node.
 */

export interface Presentation {
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon id (`check`, `circle-large-outline`). */
  icon?: string;
  /** A theme color id for the icon (`charts.red`). */
  iconColor?: string;
  /** Drives the `when` clauses of the view's menus (`task.pending.claimable`). */
  contextValue: string;
  collapsible: "none" | "collapsed" | "expanded";
  /** A command run on click, with the node as its argument. */
  command?: string;
}
