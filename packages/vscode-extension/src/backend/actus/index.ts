/**
 * @module
 * The Actus adapter: sessions as chat transcripts (every user), and the installed skills (a `super_admin`'s:
 * Actus answers 403 to anyone else, so other users get no Skills view). No tasks, no terminals. Sign-in with a
 * user name or email and password (`auth.signIn`), which answers a token pair: the SDK renews the access token
 * after a 401, and each rotated pair is handed back to be stored. A pasted access token works until it expires.
 */
import { Actus } from "@agentlane/sdk/actus";
import { tokenCredentials } from "../credentials.ts";
import { RequestStatus, requestBackend } from "../request-status.ts";
import type { Backend, ConnectOptions, Credentials, PlatformAdapter } from "../types.ts";
import { ActusChats } from "./chats.ts";
import { ActusSkills } from "./skills.ts";

/** What tests change: the HTTP `fetch`. */
export interface ActusAdapterOptions {
  fetch?: typeof fetch;
}

/**
 * The Actus adapter.
 * @example
 * const actus = actusAdapter();
 * const backend = await actus.connect(baseUrl, await actus.signInWithPassword!(baseUrl, "demo", password));
 */
export function actusAdapter(options: ActusAdapterOptions = {}): PlatformAdapter {
  const base = (baseUrl: string) => ({ baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
  return {
    id: "actus",
    label: "Actus",
    signInMethods: ["password", "token"],
    loginName: "User name or email",

    async signInWithPassword(baseUrl, login, password) {
      const account = login.includes("@") ? { email: login } : { username: login };
      const { tokens } = await new Actus(base(baseUrl)).auth.signIn({ ...account, password });
      return { token: tokens.access_token, refreshToken: tokens.refresh_token };
    },

    async connect(baseUrl: string, given: Credentials, connectOptions?: ConnectOptions): Promise<Backend> {
      const { token, refreshToken } = tokenCredentials(given, "Actus");
      const actus = new Actus({
        ...base(baseUrl),
        token,
        ...(refreshToken ? { refreshToken } : {}),
        onTokens: (pair) =>
          connectOptions?.onCredentials?.({ token: pair.accessToken, refreshToken: pair.refreshToken }),
      });
      // 401 (after one refresh) before any view shows; the role decides whether skills are offered.
      const me = await actus.auth.me();
      const status = new RequestStatus();
      const skills = me.role === "super_admin" ? new ActusSkills(actus, status) : undefined;
      return requestBackend("actus", { chats: new ActusChats(actus, status), ...(skills ? { skills } : {}) }, status);
    },
  };
}
