/**
 * @module
 * `new CoordinAItor({ baseUrl, apiKey })` or `new CoordinAItor({ baseUrl })` then `login()`: every endpoint of the
 * contract as a typed method, JWT sessions that refresh themselves, and `tasks.watch()` over `/ws`.
 */
import { type AuthScheme, apiKeyAuth, type RefreshingAuth, refreshingAuth, type TokenPair } from "../../core/auth.ts";
import type { ClientOptions, RequestOptions } from "../../core/options.ts";
import type { WsSubscribeTransport } from "../../live/ws-subscribe.ts";
import { definePlatform } from "../define.ts";
import type { LoginAnswer, LoginBody } from "./contract/auth.ts";
import { coordinaitorEnvelope } from "./envelope.ts";
import { type CoordinAItorRealtimeOptions, openTransport } from "./live/realtime.ts";
import { type TaskWatcher, type TaskWatchOptions, watchTask } from "./live/task-watcher.ts";
import { type CoordinAItorMethods, routes } from "./routes.generated.ts";

/** Options of a {@link CoordinAItor} client. */
export interface CoordinAItorOptions extends ClientOptions {
  /**
   * An API key, sent as `X-API-Key` (server-to-server use).
   * @example process.env.ORCHESTRATOR_API_KEY
   */
  apiKey?: string;
  /** An access token to start with (from an earlier login); with `refreshToken` it is renewed when it expires. */
  accessToken?: string;
  /** A refresh token to renew the access token with. */
  refreshToken?: string;
  /** Seconds until `accessToken` expires, when known: it is then renewed shortly before. */
  expiresIn?: number;
  /**
   * Called once when the session cannot be renewed any more (the refresh token was refused): sign in again.
   * The call that found out fails with an `AuthenticationError`.
   */
  onAuthLost?: (error: unknown) => void;
  /** Called with every new token pair (after a login or a refresh), to store them. */
  onTokens?: (tokens: TokenPair) => void;
  /** The `/ws` connection `tasks.watch()` uses. */
  realtime?: CoordinAItorRealtimeOptions;
}

/** The hand-written helpers of the `tasks` resource. */
export interface TaskHelpers {
  /**
   * Follows one task live: `update` at every change, `completed` once it completes, `error` for problems,
   * also as `for await (const { event, data } of watcher)`. Reconnects with backoff and re-reads the task after
   * every reconnection, so a completion missed while disconnected is still delivered.
   * @example
   * const watcher = client.tasks.watch(task.id);
   * watcher.on("update", (task) => console.log(`progress: ${task.progress * 100}%`));
   * watcher.on("completed", () => watcher.close());
   * watcher.on("error", (error) => console.error(error));
   */
  watch(taskId: string, options?: TaskWatchOptions): TaskWatcher;
}

/** State the auth scheme needs from the client it belongs to, set once the client exists. */
interface Holder {
  client?: CoordinAItor;
}

function defaultAuth(options: CoordinAItorOptions, holder: Holder): AuthScheme | undefined {
  if (options.auth) return options.auth;
  if (options.apiKey) return apiKeyAuth({ key: options.apiKey, header: "x-api-key" });
  if (options.token) return undefined;
  return refreshingAuth({
    accessToken: options.accessToken,
    refreshToken: options.refreshToken,
    expiresIn: options.expiresIn,
    refresh: (refreshToken) => holder.client!.auth.refresh({ refreshToken }),
    ...(options.onAuthLost ? { onAuthLost: options.onAuthLost } : {}),
    ...(options.onTokens ? { onTokens: options.onTokens } : {}),
  });
}

/**
 * A CoordinAItor client: every endpoint of the document as a typed method, by resource
 * (`client.tasks.create({ title })`), sessions that refresh themselves, and `tasks.watch()`.
 * @example
 * const client = new CoordinAItor({ baseUrl: "http://localhost:3000" });
 * await client.login({ email: "admin@orchestrator.com", password: "admin123" });
 * const task = await client.tasks.create({ title: "Build user registration", priority: "high" });
 */
export class CoordinAItor extends definePlatform<CoordinAItorMethods, CoordinAItorOptions>({
  envelope: coordinaitorEnvelope,
  routes,
}) {
  /** §Task Endpoints, and `tasks.watch()`, one task live. */
  declare readonly tasks: CoordinAItorMethods["tasks"] & TaskHelpers;
  readonly #session: RefreshingAuth | undefined;
  readonly #realtime: CoordinAItorRealtimeOptions;
  readonly #onTokens: ((tokens: TokenPair) => void) | undefined;

  constructor(options: CoordinAItorOptions) {
    const holder: Holder = {};
    const auth = defaultAuth(options, holder);
    super(auth ? { ...options, auth } : options);
    holder.client = this;
    this.#session = auth && "setTokens" in auth ? (auth as RefreshingAuth) : undefined;
    this.#realtime = options.realtime ?? {};
    this.#onTokens = options.onTokens;
    const tasks: TaskHelpers = {
      watch: (taskId, watchOptions) => watchTask(this, () => this.realtimeTransport(), taskId, watchOptions),
    };
    Object.assign(this, { tasks: { ...this.tasks, ...tasks } });
  }

  /**
   * Signs in and keeps the tokens: later calls send the access token and renew it from the refresh token when
   * it expires. Answers the login (tokens and user). Needs a client made without `apiKey`, `token` or `auth`.
   */
  async login(credentials: LoginBody, options?: RequestOptions): Promise<LoginAnswer> {
    const session = this.#requireSession();
    const answer = await this.auth.login(credentials, options);
    session.setTokens(answer);
    this.#onTokens?.(answer);
    return answer;
  }

  /** Ends the session on the server (its refresh and access tokens stop working) and forgets the tokens. */
  async logout(options?: RequestOptions): Promise<void> {
    const session = this.#requireSession();
    const refreshToken = session.refreshToken;
    if (refreshToken) await this.auth.logout({ refreshToken }, options);
    session.clear();
  }

  /** The current access and refresh tokens of a signed-in client. */
  get tokens(): { accessToken: string | undefined; refreshToken: string | undefined } {
    return { accessToken: this.#session?.accessToken, refreshToken: this.#session?.refreshToken };
  }

  /**
   * A new `/ws` connection with this client's credentials, to share between watchers; close it when done.
   * @example
   * const transport = client.realtimeTransport();
   * const a = client.tasks.watch(first.id, { transport });
   */
  realtimeTransport(): WsSubscribeTransport {
    return openTransport(this.http.options.baseUrl, () => this.#credential(), this.#realtime);
  }

  async #credential(): Promise<string | undefined> {
    const headers = await this.http.credentials("tasks:read");
    return headers["x-api-key"] ?? headers.authorization?.replace(/^Bearer\s+/i, "");
  }

  #requireSession(): RefreshingAuth {
    if (!this.#session) throw new TypeError("login() and logout() need a client made without apiKey, token or auth");
    return this.#session;
  }
}
