/**
 * @module
 * Failures shown to the user: an error notification with the platform's message and code, and "Retry"
 * where trying again can help (see `models/error-text.ts`); long operations with progress.
 */
import { isAbortError } from "@agentlane/sdk";
import * as vscode from "vscode";
import { describeError, isRetryable } from "../models/error-text.ts";

export { describeError };

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
