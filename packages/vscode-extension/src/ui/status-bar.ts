/**
 * @module
 * The connection in the status bar: connected (the profile), connecting, reconnecting with the attempt
 * number, or offline. A click opens the connection menu.
 */
import * as vscode from "vscode";
import type { LiveStatus } from "../backend/types.ts";
import type { Connection } from "../connection/connection.ts";

export function statusText(status: LiveStatus, profile: string | undefined): { text: string; tooltip: string } {
  switch (status.state) {
    case "connected":
      return { text: `$(plug) ${profile}`, tooltip: `Agentlane: connected to ${profile}` };
    case "connecting":
      return { text: `$(sync~spin) ${profile}`, tooltip: `Agentlane: connecting to ${profile}` };
    case "reconnecting":
      return {
        text: `$(sync~spin) ${profile} (attempt ${status.attempt})`,
        tooltip: `Agentlane: the live connection to ${profile} dropped; reconnecting, attempt ${status.attempt}`,
      };
    case "offline":
      return {
        text: "$(debug-disconnect) Agentlane",
        tooltip: status.reason ? `Agentlane: offline (${status.reason})` : "Agentlane: offline; click to connect",
      };
  }
}

export function createStatusBar(connection: Connection): vscode.Disposable {
  const item = vscode.window.createStatusBarItem("agentlane.connection", vscode.StatusBarAlignment.Left, 50);
  item.name = "Agentlane connection";
  item.command = "agentlane.connectionMenu";
  const render = (status: LiveStatus) => {
    const look = statusText(status, connection.current?.profile.name);
    item.text = look.text;
    item.tooltip = look.tooltip;
    item.backgroundColor =
      status.state === "reconnecting" ? new vscode.ThemeColor("statusBarItem.warningBackground") : undefined;
  };
  render(connection.status);
  item.show();
  const listener = connection.onDidChangeStatus(render);
  return vscode.Disposable.from(item, listener);
}
