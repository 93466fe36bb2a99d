/**
 * @module
 * The one connection of the window: which profile, which backend, and its live status. Views subscribe to
 * `onDidChange` and rebuild from the new backend; the `agentlane.connected` context key drives the welcome
 * views, and the capability keys (`capabilities.ts`) show only the commands the backend offers.
 */
import * as vscode from "vscode";
import type { Backend, ConnectOptions, Credentials, LiveStatus, PlatformAdapter } from "../backend/types.ts";
import { capabilities } from "../models/capabilities.ts";
import type { Profile } from "./profiles.ts";

export interface Connected {
  profile: Profile;
  backend: Backend;
}

export class Connection implements vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<Connected | undefined>();
  readonly onDidChange = this.#changed.event;
  readonly #status = new vscode.EventEmitter<LiveStatus>();
  readonly onDidChangeStatus = this.#status.event;
  readonly #adapters: Map<string, PlatformAdapter>;
  #current: Connected | undefined;
  #statusListener: { dispose(): void } | undefined;

  constructor(adapters: Map<string, PlatformAdapter>) {
    this.#adapters = adapters;
    void this.#setContext(undefined);
  }

  /**
   * Sets `agentlane.connected` and every capability key for this backend (or none). The views show while
   * `!agentlane.connected || agentlane.offers.<part>`, so the order matters: on connecting, the capabilities are
   * set before `agentlane.connected`; on disconnecting, after it. Otherwise every view would be hidden for a
   * moment, and VS Code, finding the container empty, would switch the side bar to another one.
   */
  async #setContext(backend: Backend | undefined): Promise<void> {
    const set = (key: string, on: boolean) => vscode.commands.executeCommand("setContext", key, on);
    const offers = () => Promise.all(Object.entries(capabilities(backend)).map(([key, on]) => set(key, on)));
    if (backend) {
      await offers();
      await set("agentlane.connected", true);
    } else {
      await set("agentlane.connected", false);
      await offers();
    }
  }

  get current(): Connected | undefined {
    return this.#current;
  }

  get status(): LiveStatus {
    return this.#current?.backend.status ?? { state: "offline" };
  }

  adapters(): IterableIterator<PlatformAdapter> {
    return this.#adapters.values();
  }

  adapter(platform: string): PlatformAdapter {
    const adapter = this.#adapters.get(platform);
    if (!adapter) throw new Error(`Unknown platform "${platform}" (known: ${[...this.#adapters.keys()].join(", ")})`);
    return adapter;
  }

  /** Connects with a profile's credentials; the previous connection is closed once the new one works. */
  async connect(profile: Profile, credentials: Credentials, options?: ConnectOptions): Promise<Connected> {
    const backend = await this.adapter(profile.platform).connect(profile.baseUrl, credentials, options);
    this.#close();
    this.#current = { profile, backend };
    this.#statusListener = backend.onStatus((status) => this.#status.fire(status));
    await this.#setContext(backend);
    this.#changed.fire(this.#current);
    this.#status.fire(backend.status);
    return this.#current;
  }

  disconnect(): void {
    if (!this.#close()) return;
    void this.#setContext(undefined);
    this.#changed.fire(undefined);
    this.#status.fire({ state: "offline" });
  }

  /** Closes the current backend, if any, without telling anyone; answers whether there was one. */
  #close(): boolean {
    if (!this.#current) return false;
    this.#statusListener?.dispose();
    this.#current.backend.dispose();
    this.#current = undefined;
    return true;
  }

  dispose(): void {
    this.disconnect();
    this.#changed.dispose();
    this.#status.dispose();
  }
}
