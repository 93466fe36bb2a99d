/**
 * @module
 * An optional operation of the connected backend, for a command to run. The menus hide what the backend does
 * not offer; a command run anyway (from automation, or a keybinding) tells the user so instead of failing.
 */
import * as vscode from "vscode";
import type { Services } from "../services.ts";

type Method = (...args: never[]) => unknown;

/**
 * The operation bound to its part, or undefined after saying that the platform does not offer it.
 * @example const toggle = offered(services, services.skills.backend, "toggle", "enable or disable skills");
 */
export function offered<P extends object, K extends keyof P>(
  services: Services,
  part: P | undefined,
  operation: K,
  what: string,
): (NonNullable<P[K]> & Method) | undefined {
  const method = part?.[operation];
  if (typeof method === "function") return method.bind(part) as NonNullable<P[K]> & Method;
  const platform = services.connection.current?.profile.platform;
  if (platform) void vscode.window.showInformationMessage(`${platform} does not offer to ${what}.`);
  return undefined;
}
