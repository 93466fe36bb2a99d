/**
 * @module
 * Connecting: the connection menu behind the status bar, connect (with a profile's stored credentials, or
 * after signing in), sign in and out, adding a profile, and "Start local server". `agentlane.connect` also
 * takes `{ platform, baseUrl, token, name }` to connect without prompts (automation, tests).
 */

import { isAPIError } from "@agentlane/sdk";
import * as vscode from "vscode";
import type { Credentials } from "../backend/types.ts";
import { profileState } from "../connection/profile-state.ts";
import { activeProfile, type Profile, readProfiles, saveProfile, setActiveProfile } from "../connection/profiles.ts";
import { signIn } from "../connection/sign-in.ts";
import { LOCAL_PROFILE } from "../local-server/launcher.ts";
import type { Services } from "../services.ts";
import { describeError, withErrors } from "../ui/errors.ts";

export interface ConnectArgs {
  name?: string;
  platform?: string;
  baseUrl: string;
  token: string;
}

async function addProfile(services: Services): Promise<Profile | undefined> {
  const adapters = [...services.connection.adapters()];
  let platform = adapters[0]!;
  if (adapters.length > 1) {
    const picked = await vscode.window.showQuickPick(
      adapters.map((adapter) => ({ label: adapter.label, adapter })),
      { title: "Agentlane: Platform" },
    );
    if (!picked) return undefined;
    platform = picked.adapter;
  }
  const baseUrl = await vscode.window.showInputBox({
    title: `Agentlane: ${platform.label} base URL`,
    prompt: "The API's base URL, including its prefix",
    value: "http://127.0.0.1:8000/api",
    ignoreFocusOut: true,
    validateInput: (value) => (URL.canParse(value) ? undefined : "Enter a URL such as https://example.com/api"),
  });
  if (!baseUrl) return undefined;
  const name = await vscode.window.showInputBox({
    title: "Agentlane: Profile name",
    value: new URL(baseUrl).host,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : "The name cannot be empty"),
  });
  if (!name) return undefined;
  const profile = { name: name.trim(), platform: platform.id, baseUrl };
  await saveProfile(profile);
  return profile;
}

/** Connects with stored credentials, asking to sign in when there are none or they are refused. */
async function connectProfile(services: Services, profile: Profile, fresh?: Credentials): Promise<boolean> {
  let credentials = fresh ?? (await services.credentials.get(profile.name));
  if (!credentials) {
    credentials = await signIn(services.connection.adapter(profile.platform), profile);
    if (!credentials) return false;
  }
  // A rotated token pair replaces the stored one, or the next window would present a spent refresh token.
  let latest = credentials;
  const onCredentials = (renewed: Credentials) => {
    latest = renewed;
    void services.credentials.set(profile.name, renewed);
  };
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Connecting to ${profile.name}` },
      () =>
        services.connection.connect(profile, credentials, {
          onCredentials,
          state: profileState(services.context.globalState, profile.name),
        }),
    );
  } catch (error) {
    if (isAPIError(error) && error.status === 401) {
      await services.credentials.delete(profile.name);
      const again = await vscode.window.showErrorMessage(
        `${profile.name} refused the credentials: ${describeError(error)}`,
        "Sign in again",
      );
      return again ? connectProfile(services, profile) : false;
    }
    throw error;
  }
  await services.credentials.set(profile.name, latest);
  return true;
}

export async function connect(services: Services, args?: ConnectArgs): Promise<boolean> {
  if (args) {
    const profile = { name: args.name ?? "default", platform: args.platform ?? "claudenest", baseUrl: args.baseUrl };
    await saveProfile(profile);
    return (await withErrors("Connect", () => connectProfile(services, profile, { token: args.token }))) ?? false;
  }
  const profile = activeProfile() ?? (await addProfile(services));
  if (!profile) return false;
  return (await withErrors(`Connect to ${profile.name}`, () => connectProfile(services, profile))) ?? false;
}

/**
 * Connects at startup when the active profile has stored credentials; quiet unless it fails. Not to the local
 * server: it ended with the window that started it.
 */
export async function connectOnStartup(services: Services): Promise<void> {
  const profile = activeProfile();
  if (!profile || profile.name === LOCAL_PROFILE || !(await services.credentials.get(profile.name))) return;
  await withErrors(`Connect to ${profile.name}`, () => connectProfile(services, profile));
}

async function startLocalServer(services: Services): Promise<boolean> {
  const started = await withErrors("Start local server", () =>
    Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: "Starting the local server…" },
        () => services.localServer.start(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath),
      ),
    ),
  );
  if (!started) return false;
  await saveProfile(started.profile);
  return (await withErrors("Connect", () => connectProfile(services, started.profile, started.credentials))) ?? false;
}

async function switchProfile(services: Services): Promise<void> {
  const picked = await vscode.window.showQuickPick(
    readProfiles().map((profile) => ({ label: profile.name, description: profile.baseUrl, profile })),
    { title: "Agentlane: Switch profile" },
  );
  if (!picked) return;
  await setActiveProfile(picked.profile.name);
  await connect(services);
}

async function signOut(services: Services): Promise<void> {
  const profile = services.connection.current?.profile ?? activeProfile();
  services.connection.disconnect();
  if (profile) await services.credentials.delete(profile.name);
}

async function connectionMenu(services: Services): Promise<void> {
  const current = services.connection.current;
  const items: Array<vscode.QuickPickItem & { run: () => unknown }> = [
    current
      ? { label: "$(debug-disconnect) Disconnect", run: () => services.connection.disconnect() }
      : { label: "$(plug) Connect", run: () => connect(services) },
    { label: "$(account) Sign in…", run: () => signInActive(services) },
    { label: "$(sign-out) Sign out", run: () => signOut(services) },
    { label: "$(arrow-swap) Switch profile…", run: () => switchProfile(services) },
    { label: "$(add) Add profile…", run: async () => (await addProfile(services)) && connect(services) },
    services.localServer.running
      ? { label: "$(debug-stop) Stop local server", run: () => stopLocalServer(services) }
      : { label: "$(server-process) Start local server", run: () => startLocalServer(services) },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: current ? `Agentlane: ${current.profile.name} (${current.profile.baseUrl})` : "Agentlane: not connected",
  });
  await picked?.run();
}

async function signInActive(services: Services): Promise<void> {
  const profile = activeProfile() ?? (await addProfile(services));
  if (!profile) return;
  const credentials = await signIn(services.connection.adapter(profile.platform), profile);
  if (credentials) await withErrors(`Connect to ${profile.name}`, () => connectProfile(services, profile, credentials));
}

function stopLocalServer(services: Services): void {
  if (services.connection.current?.profile.name === LOCAL_PROFILE) services.connection.disconnect();
  services.localServer.stop();
}

function isConnectArgs(value: unknown): value is ConnectArgs {
  const args = value as Partial<ConnectArgs> | undefined;
  return typeof args?.baseUrl === "string" && typeof args.token === "string";
}

export function registerConnectionCommands(services: Services): vscode.Disposable[] {
  const { registerCommand } = vscode.commands;
  return [
    registerCommand("agentlane.connect", (args?: unknown) => connect(services, isConnectArgs(args) ? args : undefined)),
    registerCommand("agentlane.disconnect", () => services.connection.disconnect()),
    registerCommand("agentlane.signIn", () => signInActive(services)),
    registerCommand("agentlane.signOut", () => signOut(services)),
    registerCommand("agentlane.addProfile", async () => (await addProfile(services)) && connect(services)),
    registerCommand("agentlane.switchProfile", () => switchProfile(services)),
    registerCommand("agentlane.connectionMenu", () => connectionMenu(services)),
    registerCommand("agentlane.startLocalServer", () => startLocalServer(services)),
    registerCommand("agentlane.stopLocalServer", () => stopLocalServer(services)),
    registerCommand("agentlane.refresh", () =>
      Promise.all([
        services.skills.reload(),
        services.tasks.reload(),
        services.hosts.reload(),
        services.chats.reload(),
      ]),
    ),
  ];
}
