/**
 * @module
 * `new CCJKCloud({ baseUrl, token })`: every endpoint of the contract as a typed method, an OAuth
 * client-credentials login for enterprise accounts, and `agents.tasks`, the task methods with a watcher.
 */
import { clientCredentialsAuth } from "../../core/auth.ts";
import type { ClientOptions } from "../../core/options.ts";
import { definePlatform } from "../define.ts";
import { ccjkEnvelope } from "./envelope.ts";
import { type CCJKCloudMethods, routes } from "./routes.generated.ts";
import { type TaskWatcher, type TaskWatchOptions, watchTask } from "./task-watch.ts";

/** An enterprise's OAuth client (§2 OAuth 2.0). */
export interface CCJKOAuthClient {
  clientId: string;
  clientSecret: string;
  /**
   * The token endpoint.
   * @default `${baseUrl}/oauth/token`
   */
  tokenUrl?: string;
}

/** Options of a {@link CCJKCloud} client. */
export interface CCJKCloudOptions extends ClientOptions {
  /**
   * The API key (`Authorization: Bearer <key>`), from `npx ccjk cloud api-key create`.
   * @example process.env.CCJK_API_KEY
   */
  token?: ClientOptions["token"];
  /**
   * Sign in as an OAuth client instead of with a key: a token is asked for with the client credentials, and
   * again shortly before it expires or after a 401.
   */
  oauth?: CCJKOAuthClient;
}

/** `agents.tasks`: the task endpoints under short names, and a watcher. */
export interface AgentTaskHelpers {
  /** `POST /agents/tasks`, the same as `agents.createTask`. */
  create: CCJKCloudMethods["agents"]["createTask"];
  /** `GET /agents/tasks/{id}`, the same as `agents.getTask`. */
  get: CCJKCloudMethods["agents"]["getTask"];
  /** `DELETE /agents/tasks/{id}`, the same as `agents.cancelTask`. */
  cancel: CCJKCloudMethods["agents"]["cancelTask"];
  /**
   * Follows a task until it ends: `update` on every change, then `completed`, `failed` or `cancelled`, after
   * which the watcher ends. Polls, more slowly while nothing changes.
   * @example
   * const watcher = ccjk.agents.tasks.watch(taskId);
   * watcher.on("update", (task) => console.log(`${task.status} ${task.progress}%`));
   * for await (const { event, data } of watcher) if (event === "completed") console.log(data.output);
   */
  watch(taskId: string, options?: TaskWatchOptions): TaskWatcher;
}

/**
 * A CCJK Cloud client: every endpoint of the document as a typed method, by resource
 * (`ccjk.skills.list({ lang: "zh-CN" })`), plus `agents.tasks.watch()`.
 * @example
 * const ccjk = new CCJKCloud({ baseUrl: "https://api.claudehome.cn/api/v1", token: process.env.CCJK_API_KEY });
 * for await (const skill of ccjk.skills.list({ category: "review" })) console.log(skill.name);
 */
export class CCJKCloud extends definePlatform<CCJKCloudMethods, CCJKCloudOptions>({
  envelope: ccjkEnvelope,
  routes,
  auth: (options) =>
    options.oauth
      ? clientCredentialsAuth({
          tokenUrl: options.oauth.tokenUrl ?? `${options.baseUrl.replace(/\/+$/, "")}/oauth/token`,
          clientId: options.oauth.clientId,
          clientSecret: options.oauth.clientSecret,
          ...(options.fetch ? { fetch: options.fetch } : {}),
        })
      : undefined,
}) {
  /** §6 Agent orchestration, and `agents.tasks` (create, get, cancel, watch). */
  declare readonly agents: CCJKCloudMethods["agents"] & { readonly tasks: AgentTaskHelpers };

  constructor(options: CCJKCloudOptions) {
    super(options);
    const agents = this.agents;
    const tasks: AgentTaskHelpers = {
      create: agents.createTask,
      get: agents.getTask,
      cancel: agents.cancelTask,
      watch: (taskId, watchOptions) => watchTask(this, taskId, watchOptions),
    };
    Object.assign(this, { agents: { ...agents, tasks } });
  }
}
