/**
 * @module
 * The CCJK Cloud adapter: the skill registry in the Skills view (categories as groups) and agent tasks in the
 * Tasks view (agent roles as projects). No terminals. Sign-in with an API key (pasted; the CLI mints them) or,
 * for Enterprise accounts, OAuth client credentials, which the SDK exchanges for tokens and renews. CCJK Cloud
 * has no live connection: the status follows the requests, and tasks are polled.
 */
import { isAPIError } from "@agentlane/sdk";
import { CCJKCloud } from "@agentlane/sdk/ccjk";
import { isClientCredentials } from "../credentials.ts";
import { RequestStatus, requestBackend } from "../request-status.ts";
import type { Backend, ConnectOptions, Credentials, PlatformAdapter } from "../types.ts";
import { KnownTasks } from "./known-tasks.ts";
import { CCJKSkills } from "./skills.ts";
import { CCJKTasks } from "./tasks.ts";

/** What tests change, and the language of the registry's texts. */
export interface CCJKAdapterOptions {
  fetch?: typeof fetch;
  /**
   * The language of skill names and descriptions.
   * @default "en"
   */
  lang?: "en" | "zh-CN";
  /**
   * Milliseconds between two readings of the followed roles' tasks (one shared reading, see `task-feed.ts`).
   * @default 15000
   */
  pollInterval?: number;
}

function client(baseUrl: string, credentials: Credentials, options: CCJKAdapterOptions): CCJKCloud {
  const auth = isClientCredentials(credentials)
    ? { oauth: { clientId: credentials.clientId, clientSecret: credentials.clientSecret } }
    : { token: credentials.token };
  return new CCJKCloud({ baseUrl, ...auth, ...(options.fetch ? { fetch: options.fetch } : {}) });
}

/**
 * Fails with the platform's 401 when the credentials are refused, before any view shows. Browsing works without
 * credentials (and a refused OAuth client leaves requests anonymous), so this reads something that needs them:
 * the account's sync configuration, whose absence (404) still proves who is asking.
 */
async function verify(ccjk: CCJKCloud): Promise<void> {
  try {
    await ccjk.sync.getConfig();
  } catch (error) {
    if (!(isAPIError(error) && error.status === 404)) throw error;
  }
}

/**
 * The CCJK Cloud adapter.
 * @example const backend = await ccjkAdapter({ lang: "zh-CN" }).connect(baseUrl, { clientId, clientSecret });
 */
export function ccjkAdapter(options: CCJKAdapterOptions = {}): PlatformAdapter {
  return {
    id: "ccjk",
    label: "CCJK Cloud",
    signInMethods: ["token", "client-credentials"],

    async connect(baseUrl: string, credentials: Credentials, connectOptions?: ConnectOptions): Promise<Backend> {
      const ccjk = client(baseUrl, credentials, options);
      await verify(ccjk);
      const status = new RequestStatus();
      const known = new KnownTasks(connectOptions?.state);
      const tasks = new CCJKTasks(ccjk, known, status, options.pollInterval ?? 15_000);
      const skills = new CCJKSkills(ccjk, options.lang ?? "en", status);
      return requestBackend("ccjk", { skills, tasks }, status, () => tasks.dispose());
    },
  };
}
