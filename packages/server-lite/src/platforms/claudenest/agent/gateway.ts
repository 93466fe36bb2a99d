/**
 * @module
 * The machines whose agent holds a `/ws/agent` socket to this server, and the way to reach them. A machine whose
 * agent connected once in this server's life is judged by its socket alone: online exactly while it is open
 * (ClaudeNest's `AgentServe` marks the machine online on connect and offline on disconnect). Other machines keep the
 * document's rule (online for a while after any request with their token).
 */
import type { AgentPeer } from "../../../realtime/agent-socket/kind.ts";

/** Who holds an agent socket: a machine, for its owner. */
export interface AgentIdentity {
  kind: "machine";
  machineId: string;
  userId: string;
}

/** The connected agents, by machine id. */
export class AgentGateway {
  readonly #peers = new Map<string, AgentPeer<AgentIdentity>>();
  readonly #seen = new Set<string>();

  /** A machine's agent connected (the kind has already closed any older socket of the machine). */
  attach(peer: AgentPeer<AgentIdentity>): void {
    this.#peers.set(peer.key, peer);
    this.#seen.add(peer.key);
  }

  /** A machine's agent socket closed. */
  detach(peer: AgentPeer<AgentIdentity>): void {
    if (this.#peers.get(peer.key) === peer) this.#peers.delete(peer.key);
  }

  /** Whether the machine's agent is connected now. */
  connected(machineId: string): boolean {
    return this.#peers.has(machineId);
  }

  /** Whether the machine's status follows its agent socket (its agent connected at least once). */
  judgedBySocket(machineId: string): boolean {
    return this.#seen.has(machineId);
  }

  /** Sends a message to the machine's agent; false when it is not connected. */
  send(machineId: string, type: string, payload: unknown): boolean {
    return this.#peers.get(machineId)?.send(type, payload) ?? false;
  }

  /** Forgets every agent (the store was reset: the machines are gone). */
  clear(): void {
    for (const peer of [...this.#peers.values()]) peer.close(4001, "The server was reset");
    this.#peers.clear();
    this.#seen.clear();
  }
}
