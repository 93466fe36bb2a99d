/**
 * @module
 * Signing in to a profile's platform, in the ways its adapter offers: a pasted token (or API key), a login
 * (email or user name) and password, pairing (the code is shown while the extension waits for the user to
 * confirm it; cancellable), or an OAuth client's id and secret (checked when connecting).
 */
import { hostname } from "node:os";
import * as vscode from "vscode";
import type { Credentials, PlatformAdapter, SignInMethod } from "../backend/types.ts";
import type { Profile } from "./profiles.ts";

const METHOD_LABEL: Record<SignInMethod, { label: string; detail: string }> = {
  token: { label: "$(key) Paste a token", detail: "A personal access token from the platform's dashboard" },
  password: { label: "$(account) Email and password", detail: "Signs in and keeps the token it answers" },
  pairing: { label: "$(link) Pair this machine", detail: "Shows a code to confirm in the dashboard" },
  "client-credentials": {
    label: "$(organization) OAuth client credentials",
    detail: "A client id and secret; the extension asks the platform for tokens as they are needed",
  },
};

async function clientCredentials(): Promise<Credentials | undefined> {
  const clientId = await vscode.window.showInputBox({
    title: "Agentlane: Sign in",
    prompt: "OAuth client id",
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : "The client id cannot be empty"),
  });
  if (!clientId) return undefined;
  const clientSecret = await vscode.window.showInputBox({
    title: "Agentlane: Sign in",
    prompt: `Client secret of ${clientId.trim()}`,
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : "The client secret cannot be empty"),
  });
  return clientSecret ? { clientId: clientId.trim(), clientSecret: clientSecret.trim() } : undefined;
}

async function pasteToken(): Promise<Credentials | undefined> {
  const token = await vscode.window.showInputBox({
    title: "Agentlane: Sign in",
    prompt: "Paste a personal access token or API key",
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : "The token cannot be empty"),
  });
  return token ? { token: token.trim() } : undefined;
}

async function emailAndPassword(adapter: PlatformAdapter, profile: Profile): Promise<Credentials | undefined> {
  const email = await vscode.window.showInputBox({
    title: "Agentlane: Sign in",
    prompt: adapter.loginName ?? "Email",
    ignoreFocusOut: true,
  });
  if (!email) return undefined;
  const password = await vscode.window.showInputBox({
    title: "Agentlane: Sign in",
    prompt: `Password for ${email}`,
    password: true,
    ignoreFocusOut: true,
  });
  if (!password) return undefined;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Signing in to ${profile.name}…` },
    () => adapter.signInWithPassword!(profile.baseUrl, email, password),
  );
}

function pair(adapter: PlatformAdapter, profile: Profile): Thenable<Credentials | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Pairing with ${profile.name}`, cancellable: true },
    async (progress, cancel) => {
      const abort = new AbortController();
      cancel.onCancellationRequested(() => abort.abort());
      return adapter.pair!(profile.baseUrl, {
        hostname: hostname(),
        signal: abort.signal,
        onCode: (code) => {
          progress.report({ message: `enter the code ${code} in the dashboard to confirm…` });
          void vscode.env.clipboard.writeText(code);
        },
      });
    },
  );
}

/** Asks how to sign in and does it; answers undefined when the user cancels. */
export async function signIn(adapter: PlatformAdapter, profile: Profile): Promise<Credentials | undefined> {
  const methods = adapter.signInMethods;
  let method = methods[0];
  if (methods.length > 1) {
    const picked = await vscode.window.showQuickPick(
      methods
        .map((id) => ({ ...METHOD_LABEL[id], id }))
        .map((item) =>
          // The password sign-in names what the platform asks for first (an email, or a user name or email).
          item.id === "password" && adapter.loginName
            ? { ...item, label: `$(account) ${adapter.loginName} and password` }
            : item,
        ),
      { title: `Sign in to ${profile.name} (${adapter.label})`, ignoreFocusOut: true },
    );
    method = picked?.id;
  }
  switch (method) {
    case "token":
      return pasteToken();
    case "password":
      return emailAndPassword(adapter, profile);
    case "pairing":
      return pair(adapter, profile);
    case "client-credentials":
      return clientCredentials();
    default:
      return undefined;
  }
}
