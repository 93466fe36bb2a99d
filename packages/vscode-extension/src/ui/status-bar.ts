/**
 * @module
 * The connection in the status bar: connected (the profile), connecting, reconnecting with the attempt
 * number, or offline. A click opens the connection menu.
 */
import * as vscode from "vscode";
import type { LiveStatus } from "../backend/types.ts";
import type { Connection } from "../connection/connection.ts";
import { statusText } from "../models/status-text.ts";

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
