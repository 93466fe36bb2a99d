/**
 * @module
 * Connection profiles live in the settings (`agentlane.profiles`: a name, a platform and a base URL; no
 * secrets), with the active one in `agentlane.activeProfile`. Tokens never go to the settings; see
 * `secrets.ts`.
 */
import * as vscode from "vscode";

export interface Profile {
  name: string;
  platform: string;
  baseUrl: string;
}

const SECTION = "agentlane";

export function readProfiles(): Profile[] {
  const raw = vscode.workspace.getConfiguration(SECTION).get<unknown[]>("profiles") ?? [];
  return raw.filter(
    (p): p is Profile =>
      typeof p === "object" &&
      p !== null &&
      typeof (p as Profile).name === "string" &&
      typeof (p as Profile).baseUrl === "string" &&
      typeof (p as Profile).platform === "string",
  );
}

export function activeProfile(): Profile | undefined {
  const name = vscode.workspace.getConfiguration(SECTION).get<string>("activeProfile");
  const profiles = readProfiles();
  return profiles.find((profile) => profile.name === name) ?? profiles[0];
}

/** Adds or replaces a profile (by name) in the user settings and makes it the active one. */
export async function saveProfile(profile: Profile): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const profiles = readProfiles().filter((existing) => existing.name !== profile.name);
  await config.update("profiles", [...profiles, profile], vscode.ConfigurationTarget.Global);
  await config.update("activeProfile", profile.name, vscode.ConfigurationTarget.Global);
}

export async function setActiveProfile(name: string): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update("activeProfile", name, vscode.ConfigurationTarget.Global);
}
