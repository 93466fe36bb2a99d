/**
 * @module
 * A profile's own corner of the extension's `globalState`, for adapters that must remember what their platform
 * cannot list again: keys are prefixed with the profile's name, so two profiles never share them.
 */
import type * as vscode from "vscode";
import type { KeyValueState } from "../backend/types.ts";

/**
 * The state of one profile.
 * @example connection.connect(profile, credentials, { state: profileState(context.globalState, profile.name) });
 */
export function profileState(memento: vscode.Memento, profileName: string): KeyValueState {
  const key = (name: string) => `agentlane.profile.${profileName}.${name}`;
  return {
    get: <T>(name: string) => memento.get<T>(key(name)),
    update: (name, value) => memento.update(key(name), value),
  };
}
