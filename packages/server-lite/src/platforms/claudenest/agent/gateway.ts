/**
 * @module
 * The machines whose agent holds a `/ws/agent` socket to this server, and the way to reach them. A machine whose
 * agent connected once in this server's life is judged by its socket alone: online exactly while it is open
 * (ClaudeNest's `AgentServe` marks the machine online on connect and offline on disconnect). Other machines keep the
 * document's rule (online for a while after any request with their token).
 */
import type { Clock } from "../../../core/clock.ts";
import { Failure } from "../../../core/failure.ts";
import type { AgentPeer } from "../../../realtime/agent-socket/kind.ts";

/** How long a request to an agent waits for its answer, in milliseconds. */
export const AGENT_ANSWER_TIMEOUT_MS = 15_000;

/** A message of an agent, as a waiter sees it. */
export interface AgentMessage {
  type: string;
  payload: unknown;
}

/** How a request to an agent waits for its answer. */
export interface AgentRequestOptions {
  /**
   * How long to wait, in milliseconds of the server clock (a test that advances the clock past it ends the wait
   * at once); the wait also ends after as many real milliseconds.
   * @default AGENT_ANSWER_TIMEOUT_MS
   */
  timeoutMs?: number;
  /**
   * The failure of a request the agent did not answer in time.
   * @default SRV_001, "The machine's agent did not answer {type}."
   */
  onTimeout?: () => Failure;
}

interface Waiter {
  machineId: string;
  match: (message: AgentMessage) => boolean;
  resolve: (message: AgentMessage) => void;
  reject: (error: Error) => void;
}

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
  readonly #waiters = new Set<Waiter>();
  readonly #clock: Clock;

  /** @param clock the server clock, on which requests time out. */
  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** A machine's agent connected (the kind has already closed any older socket of the machine). */
  attach(peer: AgentPeer<AgentIdentity>): void {
    this.#peers.set(peer.key, peer);
    this.#seen.add(peer.key);
  }

  /** A machine's agent socket closed. */
  detach(peer: AgentPeer<AgentIdentity>): void {
    if (this.#peers.get(peer.key) !== peer) return;
    this.#peers.delete(peer.key);
    for (const waiter of [...this.#waiters])
      if (waiter.machineId === peer.key) waiter.reject(new Failure("MCH_002", "The machine's agent disconnected."));
  }

  /**
   * Sends a request to the machine's agent and resolves with the first message of the agent that `match` accepts
   * (its answer, or an `error` about the request). MCH_002 when the agent is not connected or leaves first; the
   * `onTimeout` failure (SRV_001 by default) when it does not answer within `timeoutMs`.
   */
  request(
    machineId: string,
    type: string,
    payload: unknown,
    match: (message: AgentMessage) => boolean,
    options: AgentRequestOptions = {},
  ): Promise<AgentMessage> {
    const timeoutMs = options.timeoutMs ?? AGENT_ANSWER_TIMEOUT_MS;
    const deadline = this.#clock.now() + timeoutMs;
    return new Promise((resolve, reject) => {
      const expire = () =>
        waiter.reject(options.onTimeout?.() ?? new Failure("SRV_001", `The machine's agent did not answer ${type}.`));
      const timer = setTimeout(expire, timeoutMs);
      const stopWatchingClock = this.#clock.onAdvance(() => {
        if (this.#clock.now() >= deadline) expire();
      });
      const settle = () => {
        clearTimeout(timer);
        stopWatchingClock();
        this.#waiters.delete(waiter);
      };
      const waiter: Waiter = {
        machineId,
        match,
        resolve: (message) => {
          settle();
          resolve(message);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      };
      this.#waiters.add(waiter);
      if (!this.send(machineId, type, payload))
        waiter.reject(new Failure("MCH_002", "The machine's agent is not connected."));
    });
  }

  /** Hands a message of a machine's agent to the requests waiting for it; true when one took it. */
  answer(machineId: string, message: AgentMessage): boolean {
    for (const waiter of this.#waiters)
      if (waiter.machineId === machineId && waiter.match(message)) {
        waiter.resolve(message);
        return true;
      }
    return false;
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
    for (const waiter of [...this.#waiters]) waiter.reject(new Failure("MCH_002", "The server was reset."));
    this.#peers.clear();
    this.#seen.clear();
  }
}
