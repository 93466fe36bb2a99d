/**
 * @module
 * The CoordinAItor adapter: tasks (assign, take up, complete, watch live over `/ws`). CoordinAItor has no skills
 * and no terminals, so those views say so. Signing in with email and password makes an API key for this editor
 * (`tasks`, `projects` and `agents` permissions), stored instead of the one-hour access token; a pasted token may
 * be such a key (`ak_…`) or an access token.
 */
import { CoordinAItor } from "@agentlane/sdk/coordinaitor";
import { LiveStatusTracker, type StatusSource } from "../claudenest/live-status.ts";
import { tokenCredentials } from "../credentials.ts";
import type { Backend, Credentials, Disposable, LiveStatus, PlatformAdapter } from "../types.ts";
import { CoordinAItorTasks } from "./tasks.ts";

/** What tests and the local server change: the HTTP `fetch` and the WebSocket class. */
export interface CoordinAItorAdapterOptions {
  fetch?: typeof fetch;
  WebSocket?: unknown;
}

function client(baseUrl: string, token: string | undefined, options: CoordinAItorAdapterOptions, WebSocket?: unknown) {
  const credential = token === undefined ? {} : token.startsWith("ak_") ? { apiKey: token } : { token };
  return new CoordinAItor({
    baseUrl,
    ...credential,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    realtime: { ...(WebSocket ? { WebSocket } : {}) },
  });
}

class CoordinAItorBackend implements Backend {
  readonly platform = "coordinaitor";
  readonly tasks: CoordinAItorTasks;
  readonly #tracker: LiveStatusTracker;
  readonly #client: CoordinAItor;
  #transport: ReturnType<CoordinAItor["realtimeTransport"]> | undefined;

  constructor(client: CoordinAItor, tracker: LiveStatusTracker) {
    this.#client = client;
    this.#tracker = tracker;
    this.tasks = new CoordinAItorTasks(client, () => this.transport());
  }

  /** The one live connection, opened on first use. */
  transport() {
    if (!this.#transport) {
      this.#transport = this.#client.realtimeTransport();
      // The tracker reads `status`, `closeError` and the `status` event, which every SDK transport has.
      this.#tracker.follow(this.#transport as unknown as StatusSource);
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

export function coordinAItorAdapter(options: CoordinAItorAdapterOptions = {}): PlatformAdapter {
  return {
    id: "coordinaitor",
    label: "CoordinAItor",
    signInMethods: ["token", "password"],

    async signInWithPassword(baseUrl, email, password) {
      const session = client(baseUrl, undefined, options);
      await session.login({ email, password });
      const key = await session.auth.createApiKey({
        name: "VS Code",
        permissions: ["tasks:read", "tasks:write", "projects:read", "agents:read", "agents:write"],
      });
      await session.logout();
      return { token: key.key };
    },

    async connect(baseUrl: string, given: Credentials): Promise<Backend> {
      const credentials = tokenCredentials(given, "CoordinAItor");
      const tracker = new LiveStatusTracker();
      const coordinaitor = client(baseUrl, credentials.token, options, tracker.countingWebSocket(options.WebSocket));
      // Fails with the platform's error (401 AUTHENTICATION_ERROR) before any view shows.
      await coordinaitor.tasks.list({ limit: 1 });
      const backend = new CoordinAItorBackend(coordinaitor, tracker);
      backend.transport();
      return backend;
    },
  };
}
