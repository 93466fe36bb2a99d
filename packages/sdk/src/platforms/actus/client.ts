/**
 * @module
 * `new Actus({ baseUrl, ... })`: every endpoint of the contract as a typed method, plus the hand-written helpers:
 * a sign-in that keeps the tokens and renews them after a 401 (one refresh for all concurrent calls), a chat
 * watcher and a session-list watcher over POST Server-Sent Events, and the file download.
 */
import { type RefreshingAuth, refreshingAuth, type TokenPair } from "../../core/auth.ts";
import type { ClientOptions } from "../../core/options.ts";
import { sseStreams } from "../../core/stream.ts";
import type { Watcher } from "../../live/watcher.ts";
import { definePlatform } from "../define.ts";
import type { LoginBody, LoginResult, RegisterBody } from "./contract/auth.ts";
import type { ChatBody } from "./contract/sessions.ts";
import { type DownloadedFile, downloadFile } from "./download.ts";
import { actusEnvelope } from "./envelope.ts";
import {
  type ActusWatchOptions,
  type ChatEvents,
  type SessionListEvents,
  watchChat,
  watchSessions,
} from "./live/chat.ts";
import { type ActusMethods, routes } from "./routes.generated.ts";

/** Options of an {@link Actus} client. */
export interface ActusOptions extends ClientOptions {
  /**
   * A refresh token (from an earlier sign-in): with it, the client renews its access token after a 401, as the
   * web UI does. `token` is then the access token to start with.
   */
  refreshToken?: string;
  /** Called with every new token pair (after a sign-in or a refresh), to store them. */
  onTokens?: (tokens: TokenPair) => void;
  /** Called once when the tokens can no longer be renewed: the user must sign in again. */
  onAuthLost?: (error: unknown) => void;
}

/** The hand-written helpers of the `auth` resource. */
export interface AuthHelpers {
  /**
   * Logs in and keeps the tokens: later calls send the access token and renew it with the refresh token after
   * a 401. Resolves with the user and tokens.
   * @example await actus.auth.signIn({ username: "demo", password: "password123" });
   */
  signIn(body: LoginBody): Promise<LoginResult>;
  /** Registers and keeps the new account's tokens, like `signIn`. */
  signUp(body: RegisterBody): Promise<LoginResult>;
  /** Forgets the tokens this client holds. */
  signOut(): void;
}

/** The hand-written helpers of the `sessions` resource. */
export interface SessionHelpers {
  /**
   * Sends a message and follows the turn live, resuming after a dropped connection; ends after `done`,
   * `wait` or `error`.
   * @example
   * for await (const { event, data } of actus.sessions.watchChat(id, { message: "$ ls" })) console.log(event, data);
   */
  watchChat(sessionId: string, body: ChatBody, options?: ActusWatchOptions): Watcher<ChatEvents>;
  /**
   * Follows the session list: `sessions` at once and after every change; reopened after a drop.
   * @example actus.sessions.watch().on("sessions", ({ sessions }) => render(sessions));
   */
  watch(options?: ActusWatchOptions): Watcher<SessionListEvents>;
}

/** The hand-written helpers of the `files` resource. */
export interface FileHelpers {
  /**
   * Downloads a file: its bytes, name (non-ASCII names included) and type.
   * @example const { filename, data } = await actus.files.download({ file_id: id });
   */
  download(input: { file_id: string }, options?: { signal?: AbortSignal }): Promise<DownloadedFile>;
}

function tokenAuth(options: ActusOptions): RefreshingAuth | undefined {
  if (typeof options.token === "function") return undefined;
  // A client of its own, without credentials, sends the refresh call.
  let bare: Actus | undefined;
  return refreshingAuth({
    accessToken: options.token,
    refreshToken: options.refreshToken,
    refresh: async (refreshToken) => {
      bare ??= new Actus({ ...options, token: undefined, refreshToken: undefined, auth: undefined });
      const tokens = await bare.auth.refresh({ refresh_token: refreshToken });
      return { accessToken: tokens.access_token, refreshToken: tokens.refresh_token };
    },
    ...(options.onTokens ? { onTokens: options.onTokens } : {}),
    ...(options.onAuthLost ? { onAuthLost: options.onAuthLost } : {}),
  });
}

/**
 * An Actus client: every endpoint of the document as a typed method, by resource
 * (`actus.sessions.create()`), plus sign-in with token renewal, chat and session-list watchers and downloads.
 * @example
 * const actus = new Actus({ baseUrl: "http://localhost:8000/api" });
 * await actus.auth.signIn({ username: "demo", password: "password123" });
 * const { session_id } = await actus.sessions.create();
 */
export class Actus extends definePlatform<ActusMethods, ActusOptions>({
  envelope: actusEnvelope,
  routes,
  auth: tokenAuth,
  streams: sseStreams,
}) {
  /** Auth Module, and `signIn`/`signUp`, which keep the tokens and renew them. */
  declare readonly auth: ActusMethods["auth"] & AuthHelpers;
  /** Session Module, and `watchChat`/`watch`, the POST-SSE watchers. */
  declare readonly sessions: ActusMethods["sessions"] & SessionHelpers;
  /** File Module, and `download`. */
  declare readonly files: ActusMethods["files"] & FileHelpers;

  constructor(options: ActusOptions) {
    super(options);
    const scheme = this.http.options.auth as RefreshingAuth | undefined;
    const keep = (result: LoginResult): LoginResult => {
      const tokens = { accessToken: result.tokens.access_token, refreshToken: result.tokens.refresh_token };
      if (!scheme?.setTokens) throw new TypeError("This client's auth scheme cannot keep tokens (an `auth` option)");
      scheme.setTokens(tokens);
      options.onTokens?.(tokens);
      return result;
    };
    const auth: AuthHelpers = {
      signIn: async (body) => keep(await this.auth.login(body)),
      signUp: async (body) => keep(await this.auth.register(body)),
      signOut: () => scheme?.clear?.(),
    };
    const sessions: SessionHelpers = {
      watchChat: (sessionId, body, watchOptions) => watchChat(this, sessionId, body, watchOptions),
      watch: (watchOptions) => watchSessions(this, watchOptions),
    };
    const files: FileHelpers = {
      download: (input, callOptions) => downloadFile(this.http, input.file_id, callOptions?.signal),
    };
    Object.assign(this, {
      auth: { ...this.auth, ...auth },
      sessions: { ...this.sessions, ...sessions },
      files: { ...this.files, ...files },
    });
  }
}
