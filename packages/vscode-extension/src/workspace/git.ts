/**
 * @module
 * What the task commands need from the built-in git extension (`vscode.git`, API version 1): the changed
 * files of the workspace's repository (for a completed task's `files_modified`) and creating a branch named
 * after a task ("start work"). Only the used part of the git API is declared here; the extension's own
 * typings are not published.
 */
import * as vscode from "vscode";

interface Change {
  readonly uri: vscode.Uri;
}
interface Repository {
  readonly rootUri: vscode.Uri;
  readonly state: {
    readonly workingTreeChanges: readonly Change[];
    readonly indexChanges: readonly Change[];
    readonly untrackedChanges?: readonly Change[];
    readonly mergeChanges: readonly Change[];
  };
  createBranch(name: string, checkout: boolean): Promise<void>;
}
interface GitApi {
  readonly repositories: readonly Repository[];
}

/** The git extension's API; undefined when git is missing or disabled (never throws). */
async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>("vscode.git");
  if (!extension) return undefined;
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    return exports.getAPI(1);
  } catch {
    return undefined;
  }
}

/** The repository of the first workspace folder, if the workspace is a git repository. */
export async function workspaceRepository(): Promise<Repository | undefined> {
  const api = await gitApi();
  if (!api) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return api.repositories.find((repo) => folder?.fsPath.startsWith(repo.rootUri.fsPath)) ?? api.repositories[0];
}

/** The changed files, relative to the workspace, without duplicates. */
export function changedFiles(repo: Repository): string[] {
  const { workingTreeChanges, indexChanges, untrackedChanges = [], mergeChanges } = repo.state;
  const paths = [...indexChanges, ...workingTreeChanges, ...untrackedChanges, ...mergeChanges].map((change) =>
    vscode.workspace.asRelativePath(change.uri, false),
  );
  return [...new Set(paths)].sort();
}
