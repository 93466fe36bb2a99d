/**
 * @module
 * Credentials per profile (a token, a token pair, or OAuth client credentials), only in VS Code's `SecretStorage`
 * (the OS keychain on the desktop).
 */
import type * as vscode from "vscode";
import type { Credentials } from "../backend/types.ts";

const key = (profileName: string) => `agentlane.credentials.${profileName}`;

export class CredentialStore {
  readonly #secrets: vscode.SecretStorage;

  constructor(secrets: vscode.SecretStorage) {
    this.#secrets = secrets;
  }

  async get(profileName: string): Promise<Credentials | undefined> {
    const raw = await this.#secrets.get(key(profileName));
    if (!raw) return undefined;
    try {
      const parsed = JSON.parse(raw) as Partial<Record<string, unknown>>;
      const usable =
        typeof parsed.token === "string" ||
        (typeof parsed.clientId === "string" && typeof parsed.clientSecret === "string");
      return usable ? (parsed as unknown as Credentials) : undefined;
    } catch {
      return undefined;
    }
  }

  async set(profileName: string, credentials: Credentials): Promise<void> {
    await this.#secrets.store(key(profileName), JSON.stringify(credentials));
  }

  async delete(profileName: string): Promise<void> {
    await this.#secrets.delete(key(profileName));
  }
}
