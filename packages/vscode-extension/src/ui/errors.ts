/**
 * @module
 * Errors as the user reads them: the platform's message and code (`Task is already claimed (TSK_002)`),
 * with "Retry" where trying again can help (the network, a timeout, a rate limit, a server error), never for
 * a refusal that would only repeat itself.
 */
import { isAbortError, isAPIError, isConnectionError } from "@agentlane/sdk";
import * as vscode from "vscode";

export function describeError(error: unknown): string {
  if (isAPIError(error))
    return error.code ? `${error.message} (${error.code})` : `${error.message} (HTTP ${error.status})`;
  if (error instanceof Error) return error.message;
  return String(error);
}

export function isRetryable(error: unknown): boolean {
  if (isConnectionError(error)) return true;
  return isAPIError(error) && (error.status === 408 || error.status === 429 || error.status >= 500);
}

/**
 * Runs `action`, showing a failure as an error notification; "Retry" runs it again. Never throws, so a
 * command that fails leaves the window as it was. Answers the action's result, or undefined.
 */
export async function withErrors<T>(what: string, action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    if (isAbortError(error)) return undefined;
    const retry = isRetryable(error) ? ["Retry"] : [];
    const choice = await vscode.window.showErrorMessage(`${what}: ${describeError(error)}`, ...retry);
    if (choice === "Retry") return withErrors(what, action);
    return undefined;
  }
}

/** `withErrors` with a progress notification while it runs. */
export function withProgress<T>(title: string, action: () => Promise<T>): Promise<T | undefined> {
  return withErrors(title.replace(/…$/, ""), () =>
    Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () => action()),
    ),
  );
}
