/**
 * @module
 * The ClaudeNest adapter: skills, tasks (with file locks) and terminals, all three. Sign-in with a pasted
 * token, with email and password (`auth.login`), or by pairing (`pairMachine`, which yields a machine token
 * limited to that machine). Every view shares one realtime connection.
 */
import { ClaudeNest, type PusherTransport } from "@agentlane/sdk";
import { tokenCredentials } from "../credentials.ts";
import type { Backend, Credentials, Disposable, LiveStatus, PlatformAdapter } from "../types.ts";
import { LiveStatusTracker } from "./live-status.ts";
import { MachineDirectory } from "./machines.ts";
import { ClaudeNestSkills } from "./skills.ts";
import { ClaudeNestTasks } from "./tasks.ts";
import { ClaudeNestTerminals } from "./terminals.ts";

/** What tests and the local server change: the HTTP `fetch` and the WebSocket class. */
export interface ClaudeNestAdapterOptions {
  fetch?: typeof fetch;
  WebSocket?: unknown;
}

class ClaudeNestBackend implements Backend {
  readonly platform = "claudenest";
  readonly skills: ClaudeNestSkills;
  readonly tasks: ClaudeNestTasks;
  readonly terminals: ClaudeNestTerminals;
  readonly #tracker: LiveStatusTracker;
  #transport: PusherTransport | undefined;
  readonly #nest: ClaudeNest;

  constructor(nest: ClaudeNest, tracker: LiveStatusTracker, machineId: string | undefined) {
    this.#nest = nest;
    this.#tracker = tracker;
    const machines = new MachineDirectory(nest, machineId);
    const transport = () => this.transport();
    this.skills = new ClaudeNestSkills(nest, machines);
    this.tasks = new ClaudeNestTasks(nest, machines, transport);
    this.terminals = new ClaudeNestTerminals(nest, machines);
  }

  /** The one live connection, opened on first use. */
  transport(): PusherTransport {
    if (!this.#transport) {
      this.#transport = this.#nest.realtimeTransport();
      this.#tracker.follow(this.#transport);
    }
    return this.#transport;
  }

  get status(): LiveStatus {
    return this.#tracker.status;
  }

  onStatus(listener: (status: LiveStatus) => void): Disposable {
    return this.#tracker.onStatus(listener);
  }

  dispose(): void {
    this.#transport?.close();
  }
}

function client(baseUrl: string, token: string | undefined, options: ClaudeNestAdapterOptions, WebSocket?: unknown) {
  return new ClaudeNest({
    baseUrl,
    ...(token ? { token } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    realtime: { ...(WebSocket ? { WebSocket } : {}) },
  });
}

export function claudeNestAdapter(options: ClaudeNestAdapterOptions = {}): PlatformAdapter {
  return {
    id: "claudenest",
    label: "ClaudeNest",
    signInMethods: ["token", "password", "pairing"],

    async signInWithPassword(baseUrl, email, password) {
      const session = await client(baseUrl, undefined, options).auth.login({ email, password });
      return { token: session.token };
    },

    async pair(baseUrl, { hostname, onCode, signal }) {
      const paired = await client(baseUrl, undefined, options).pairMachine(
        { platform: process.platform, hostname },
        { onCode: (code) => onCode(code), signal },
      );
      return { token: paired.token, machineId: paired.id };
    },

    async connect(baseUrl: string, given: Credentials): Promise<Backend> {
      const credentials = tokenCredentials(given, "ClaudeNest");
      const tracker = new LiveStatusTracker();
      const nest = client(baseUrl, credentials.token, options, tracker.countingWebSocket(options.WebSocket));
      // Fails with the platform's error (401 AUTH_001, say) before any view shows.
      if (credentials.machineId !== undefined) await nest.machines.get({ id: credentials.machineId });
      else await nest.auth.me();
      const backend = new ClaudeNestBackend(nest, tracker, credentials.machineId);
      backend.transport();
      return backend;
    },
  };
}
