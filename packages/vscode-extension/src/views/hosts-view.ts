/**
 * @module
 * The Machines and sessions view: the connected backend's hosts, each with its sessions.
 */
import * as vscode from "vscode";
import type { TerminalsBackend } from "../backend/types.ts";
import type { Connection } from "../connection/connection.ts";
import { HostList, type HostTreeNode } from "../models/host-list.ts";
import { describeError } from "../ui/errors.ts";
import { autoRefresh } from "./auto-refresh.ts";
import { ModelTree } from "./model-tree.ts";

export class HostsView implements vscode.Disposable {
  readonly hosts = new HostList();
  readonly tree = new ModelTree<HostTreeNode>(this.hosts);
  readonly view: vscode.TreeView<HostTreeNode>;
  readonly #connection: Connection;
  readonly #disposables: vscode.Disposable[] = [];
  #generation = 0;

  constructor(connection: Connection) {
    this.#connection = connection;
    this.view = vscode.window.createTreeView("agentlane.machines", { treeDataProvider: this.tree });
    this.#disposables.push(
      this.view,
      this.tree,
      connection.onDidChange(() => void this.reload()),
      autoRefresh(this.view, connection, () => this.reload()),
    );
  }

  get backend(): TerminalsBackend | undefined {
    return this.#connection.current?.backend.terminals;
  }

  /** Loads the hosts and their sessions; a newer reload supersedes one still loading. */
  async reload(): Promise<void> {
    const generation = ++this.#generation;
    const connected = this.#connection.current;
    const backend = connected?.backend.terminals;
    if (!connected || !backend) {
      this.hosts.setHosts([]);
      this.view.message = connected ? `${connected.profile.platform} has no terminals.` : undefined;
      this.tree.refresh();
      return;
    }
    try {
      const hosts = await backend.hosts();
      const sessions = await Promise.all(hosts.map((host) => backend.sessions(host.id)));
      if (generation !== this.#generation) return;
      this.hosts.setHosts(hosts);
      for (const [i, host] of hosts.entries()) this.hosts.setSessions(host.id, sessions[i]!);
      this.view.message = hosts.length === 0 ? "No machines yet." : undefined;
    } catch (error) {
      if (generation !== this.#generation) return;
      this.view.message = `Could not load machines: ${describeError(error)}`;
    }
    this.tree.refresh();
  }

  async reloadHost(hostId: string): Promise<void> {
    const backend = this.backend;
    if (!backend) return;
    const node = this.hosts.setSessions(hostId, await backend.sessions(hostId));
    this.tree.refresh(node ? [node] : undefined);
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose();
  }
}
