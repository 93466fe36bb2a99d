/**
 * @module
 * The Machines and sessions tree as data: hosts with their status, and the sessions of each (running ones
 * first). Nodes are stable objects keyed by id.
 */
import type { HostItem, SessionItem } from "../backend/types.ts";
import type { Presentation } from "./presentation.ts";

export interface HostNode {
  kind: "host";
  host: HostItem;
}
export interface SessionNode {
  kind: "session";
  session: SessionItem;
}
export type HostTreeNode = HostNode | SessionNode;

const HOST_ICON = {
  online: { icon: "vm-running", color: "charts.green" },
  connecting: { icon: "vm-active", color: "charts.yellow" },
  offline: { icon: "vm-outline", color: "disabledForeground" },
} as const;

export class HostList {
  #hosts: HostNode[] = [];
  readonly #sessions = new Map<string, SessionNode[]>();

  setHosts(hosts: readonly HostItem[]): void {
    const known = new Map(this.#hosts.map((node) => [node.host.id, node]));
    this.#hosts = hosts.map((host) => {
      const node = known.get(host.id);
      if (!node) return { kind: "host", host };
      node.host = host;
      return node;
    });
  }

  setSessions(hostId: string, sessions: readonly SessionItem[]): HostNode | undefined {
    const known = new Map((this.#sessions.get(hostId) ?? []).map((node) => [node.session.id, node]));
    const nodes = sessions.map((session) => {
      const node = known.get(session.id);
      if (!node) return { kind: "session", session } as SessionNode;
      node.session = session;
      return node;
    });
    nodes.sort((a, b) => Number(b.session.running) - Number(a.session.running));
    this.#sessions.set(hostId, nodes);
    return this.#hosts.find((node) => node.host.id === hostId);
  }

  host(hostId: string): HostItem | undefined {
    return this.#hosts.find((node) => node.host.id === hostId)?.host;
  }

  get hosts(): HostItem[] {
    return this.#hosts.map((node) => node.host);
  }

  isLoaded(hostId: string): boolean {
    return this.#sessions.has(hostId);
  }

  children(node?: HostTreeNode): HostTreeNode[] {
    if (node === undefined) return this.#hosts;
    if (node.kind === "session") return [];
    return this.#sessions.get(node.host.id) ?? [];
  }

  present(node: HostTreeNode): Presentation {
    if (node.kind === "host") {
      const { host } = node;
      const look = HOST_ICON[host.status];
      return {
        label: host.name,
        description: `${host.status} · ${host.detail}`,
        tooltip: `${host.name}\n${host.status}\n${host.detail}`,
        icon: look.icon,
        iconColor: look.color,
        contextValue: `host:${host.status}`,
        collapsible: "expanded",
      };
    }
    const { session } = node;
    return {
      label: session.label,
      description: session.status,
      tooltip: `Session ${session.id}\n${session.status}`,
      icon: session.running ? "terminal" : "circle-slash",
      ...(session.running ? {} : { iconColor: "disabledForeground" }),
      contextValue: session.running ? "session:running" : "session:ended",
      collapsible: "none",
    };
  }
}
