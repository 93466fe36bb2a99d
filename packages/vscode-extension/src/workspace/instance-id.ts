/**
 * @module
 * This window's instance id: the name under which it claims tasks and locks files. Stable for the window's
 * lifetime (VS Code's session id), readable in the other instances' trees (`vscode-devbox-1a2b3c4d`).
 */
import { hostname } from "node:os";
import * as vscode from "vscode";

export function windowInstanceId(): string {
  const host =
    hostname()
      .replace(/[^A-Za-z0-9-]/g, "")
      .slice(0, 32) || "host";
  const session = vscode.env.sessionId.replace(/[^A-Za-z0-9]/g, "").slice(0, 8);
  return `vscode-${host}-${session}`;
}
