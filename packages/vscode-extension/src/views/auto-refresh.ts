/**
 * @module
 * Keeps a view fresh where the platform has no live events for it (skills, machines and sessions): reloads
 * it every `agentlane.refreshSeconds` while it is visible and connected, and once when it becomes visible
 * again. Views with watchers (tasks, locks) do not need it. `0` turns it off.
 */
import * as vscode from "vscode";
import type { Connection } from "../connection/connection.ts";

export function autoRefresh(
  view: vscode.TreeView<unknown>,
  connection: Connection,
  reload: () => Promise<void>,
): vscode.Disposable {
  let timer: ReturnType<typeof setInterval> | undefined;
  let running = false;
  const tick = async () => {
    if (running || !connection.current) return;
    running = true;
    try {
      await reload();
    } finally {
      running = false;
    }
  };
  const schedule = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    const seconds = vscode.workspace.getConfiguration("agentlane").get<number>("refreshSeconds") ?? 30;
    if (seconds > 0 && view.visible && connection.current) timer = setInterval(() => void tick(), seconds * 1000);
  };
  schedule();
  return vscode.Disposable.from(
    view.onDidChangeVisibility(({ visible }) => {
      if (visible) void tick();
      schedule();
    }),
    connection.onDidChange(schedule),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("agentlane.refreshSeconds")) schedule();
    }),
    { dispose: () => timer && clearInterval(timer) },
  );
}
